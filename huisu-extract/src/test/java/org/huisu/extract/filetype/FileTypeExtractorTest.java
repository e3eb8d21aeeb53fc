package org.huisu.extract.filetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypeExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void typesComeFromTheBytesNotTheNames() throws Exception {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("photo.dat", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I',
                'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        tree.file("notes.jpg", "just some words, not a picture\n");
        Path db = tree.root().resolve("cache.bin");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        tree.file("sub/ignored.txt", "x");

        try (Extraction x = Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor())) {
            assertThat(x.at("/photo.dat").mediaType()).isEqualTo("image/jpeg");
            assertThat(x.at("/notes.jpg").mediaType()).isEqualTo("text/plain");
            assertThat(x.at("/cache.bin").mediaType()).isEqualTo("application/x-sqlite3");
            assertThat(x.at("/sub").mediaType()).isNull();
        }
    }
}
