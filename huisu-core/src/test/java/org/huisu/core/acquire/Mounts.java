package org.huisu.core.acquire;

import java.nio.file.Path;
import org.huisu.core.testing.Shell;
import org.junit.jupiter.api.Assumptions;

/** Small tmpfs mounts for the tests that need a full disk or a second file system (root only). */
final class Mounts {

    private Mounts() {
    }

    static void tmpfs(Path at, String size) {
        Assumptions.assumeTrue(Shell.isRoot(), "mounting a tmpfs needs root; this test runs in CI, which is root");
        Shell.Result r = Shell.run(null, "mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        Assumptions.assumeTrue(r.exit() == 0, "this machine refuses to mount a tmpfs: " + r.err());
    }

    static void unmount(Path at) {
        Shell.run(null, "umount", at.toString());
    }
}
