package org.huisu.extract.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.huisu.core.hash.Digests;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteExtractorTest {

    @TempDir
    Path tmp;

    private EvidenceTree tree;

    @BeforeEach
    void setUp() {
        tree = new EvidenceTree(tmp.resolve("evidence"));
    }

    private Extraction extract() {
        return Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new SqliteExtractor());
    }

    private static byte[] vector(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void tellingRowsBecomeArtifactsWithTheirColumnsAndBlobsKept() throws Exception {
        Path db = tree.directory("opt/app").resolve("faces.db");
        byte[] feature = vector(0.6f, 0.8f, 0f);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE face (id INTEGER PRIMARY KEY, image_path TEXT, feature BLOB, score REAL)");
            s.execute("CREATE TABLE setting (k TEXT, v TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO face VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, 7);
                ps.setString(2, "/data/capture/20240315/cam01/a.jpg");
                ps.setBytes(3, feature);
                ps.setDouble(4, 0.93);
                ps.execute();
            }
            s.execute("INSERT INTO setting VALUES ('theme', 'dark')");
            s.execute("INSERT INTO setting VALUES ('upload_url', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/x')");
        }

        try (Extraction x = extract()) {
            Artifact row = x.at("/opt/app/faces.db#face/7");
            assertThat(row.kind()).isEqualTo(ArtifactKind.DB_ROW);
            assertThat(row.attributes()).containsEntry("table", "face").containsEntry("rowid", 7);
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) row.attributes().get("columns");
            assertThat(columns).containsEntry("image_path", "/data/capture/20240315/cam01/a.jpg")
                    .containsEntry("score", 0.93);
            assertThat(columns.get("feature")).isEqualTo(Map.of("blob", Digests.sha256(feature), "size", 12));
            assertThat(Files.readAllBytes(x.theCase().objects().path(Digests.sha256(feature)))).isEqualTo(feature);
            assertThat(x.locators()).contains("/opt/app/faces.db#setting/2").doesNotContain("/opt/app/faces.db#setting/1");
            @SuppressWarnings("unchecked")
            Map<String, Object> sqlite = (Map<String, Object>) x.at("/opt/app/faces.db").attributes().get("sqlite");
            assertThat(sqlite).containsEntry("writeAheadLog", false);
            assertThat((List<?>) sqlite.get("tables")).hasSize(2);
        }
    }

    @Test
    void rowsStillInTheWriteAheadLogAreRead() throws Exception {
        Path live = tmp.resolve("live");
        Files.createDirectories(live);
        Path db = live.resolve("visits.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, face_url TEXT)");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("INSERT INTO visit (face_url) VALUES ('https://b.s3.amazonaws.com/faces/only-in-the-wal.jpg')");
            // the app was seized running: the insert is in the WAL, not yet in the database file
            Files.createDirectories(tree.root().resolve("databases"));
            Files.copy(db, tree.root().resolve("databases/visits.db"));
            Files.copy(live.resolve("visits.db-wal"), tree.root().resolve("databases/visits.db-wal"));
        }

        try (Extraction x = extract()) {
            Artifact row = x.at("/databases/visits.db#visit/1");
            assertThat(row.attributes().get("columns").toString()).contains("only-in-the-wal.jpg");
            @SuppressWarnings("unchecked")
            Map<String, Object> sqlite = (Map<String, Object>) x.at("/databases/visits.db").attributes().get("sqlite");
            assertThat(sqlite).containsEntry("writeAheadLog", true);
        }
    }

    @Test
    void aDamagedDatabaseIsAnErrorOnThatFileAndTheRestGoesOn() throws Exception {
        byte[] header = "SQLite format 3\0".getBytes();
        byte[] damaged = new byte[4096];
        System.arraycopy(header, 0, damaged, 0, header.length);
        for (int i = header.length; i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        tree.file("broken.db", damaged);
        Path good = tree.root().resolve("good.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + good); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (url TEXT)");
            s.execute("INSERT INTO t VALUES ('https://example.org/a.jpg')");
        }

        try (Extraction x = extract()) {
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.locator()).isEqualTo("/broken.db");
                assertThat(e.message()).contains("not a SQLite database that can be read");
            });
            assertThat(x.locators()).contains("/good.db#t/1");
        }
    }

    @Test
    void tablesWithoutRowidAreReadToo() throws Exception {
        Path db = tree.root().resolve("kv.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, photo TEXT) WITHOUT ROWID");
            s.execute("INSERT INTO kv VALUES ('a', '/sdcard/DCIM/face_001.jpg')");
        }
        try (Extraction x = extract()) {
            assertThat(x.locators()).contains("/kv.db#kv/1");
        }
    }

    @Test
    void identifiersAndUrlsMakeARowTellingNumbersAloneDoNot() {
        assertThat(SqliteExtractor.telling("note", "call 13912345678 tomorrow")).isTrue();
        assertThat(SqliteExtractor.telling("note", "id 11010519900307123X")).isTrue();
        assertThat(SqliteExtractor.telling("url", "oss://bucket/faces/a.jpg")).isTrue();
        assertThat(SqliteExtractor.telling("name", "Wang Li")).isFalse();
        assertThat(SqliteExtractor.telling("amount", "1234")).isFalse();
    }
}
