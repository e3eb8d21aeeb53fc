package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileShareTreeTest {

    @TempDir
    Path folder;

    @Test
    void theCopiesItCountsHoldTheSameBytesAsAnotherFile() throws IOException, NoSuchAlgorithmException {
        FileShareTree.Made made = FileShareTree.write(folder.resolve("share"), 3_000, 5);
        Map<String, Integer> byContent = new HashMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(made.root())) {
            files = all.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            byContent.merge(sha, 1, Integer::sum);
        }
        assertThat(files).hasSize(3_000);
        assertThat(made.copies()).isBetween(3_000L / FileShareTree.COPY_ONE_IN / 2, 3_000L / FileShareTree.COPY_ONE_IN * 2);
        assertThat(files.size() - byContent.size()).isEqualTo(made.copies());
        assertThat(byContent.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(2);
    }

    @Test
    void theFoldersItCountsAreTheFoldersItMade() throws IOException {
        FileShareTree.Made made = FileShareTree.write(folder.resolve("share"), 2_345, 5);
        try (Stream<Path> all = Files.walk(made.root())) {
            assertThat(all.filter(Files::isDirectory).count()).isEqualTo(made.folders());
        }
        assertThat(made.artifacts()).isEqualTo(2_345 + made.folders());
    }

    @Test
    void filesForGivesATreeOfAboutTheArtifactsAsked() {
        int files = FileShareTree.filesFor(200_000);
        long folders = 1 + (files + 99) / 100 + (files + 999) / 1000;
        assertThat(files + folders).isBetween(199_990L, 200_010L);
    }
}
