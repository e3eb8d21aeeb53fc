package org.huisu.core.testing;

import java.nio.file.Path;
import org.huisu.core.casefolder.Case;

/** New cases for tests, in a folder of the test's own. */
public final class TestCases {

    private TestCases() {
    }

    public static Case create(Path parent) {
        return Case.create(parent.resolve("case"), "Lakeview", "Wang Li");
    }
}
