package org.huisu.core.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huisu.core.hash.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {

    @TempDir
    Path tmp;

    @Test
    void anObjectLivesUnderItsHashSplitInTwoLevels() throws IOException {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        byte[] bytes = "face crop".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(bytes);
        assertThat(sha).isEqualTo(Digests.sha256(bytes));
        assertThat(store.path(sha)).isEqualTo(tmp.resolve("objects").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha));
        assertThat(Files.readAllBytes(store.path(sha))).isEqualTo(bytes);
        assertThat(store.contains(sha)).isTrue();
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneCopy() throws IOException {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        String first = store.put(new byte[] {1, 2, 3});
        String second = store.put(new byte[] {1, 2, 3});
        assertThat(second).isEqualTo(first);
        try (var incoming = Files.list(tmp.resolve("objects/.incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void anAbandonedWriteLeavesNothing() throws IOException {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        try (ObjectStore.Pending pending = store.begin()) {
            pending.write(ByteBuffer.wrap(new byte[100]));
        }
        try (var incoming = Files.list(tmp.resolve("objects/.incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }
}
