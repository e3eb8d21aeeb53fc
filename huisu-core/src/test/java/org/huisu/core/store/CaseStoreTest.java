package org.huisu.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Category;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Finding;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.Ownership;
import org.huisu.core.model.Relation;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStoreTest {

    @TempDir
    Path tmp;

    private CaseStore store;
    private Source source;

    @BeforeEach
    void setUp() {
        store = CaseStore.openSqlite(tmp.resolve("case.db"), true);
        source = store.insertSource(new Source(null, "server-01", SourceKind.DIRECTORY, "/evidence/server-01",
                "Wang Li", Instant.parse("2024-07-01T08:00:00Z"), "+08:00", 0, 0, 0,
                EnumSet.of(HashAlgorithm.SHA256), null, false, Map.of()));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private long artifact(String locator, String sha256) {
        return store.insertArtifact(new Artifact(null, source.id(), null, ArtifactKind.FILE, locator,
                locator.substring(locator.lastIndexOf('/') + 1), 10L, new Hashes(sha256, null, null), null,
                FileTimes.NONE, Ownership.NONE, null, false, Map.of("inode", 42)));
    }

    @Test
    void theSchemaHoldsTheWholeDataModel() throws Exception {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("case.db"));
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("case_info", "sources", "custody", "artifacts", "findings", "actors",
                "actor_addresses", "activities", "relations", "relation_evidence", "extraction_errors",
                "processing", "schema_history");
    }

    @Test
    void theSchemaVersionConstantIsTheNewestMigration() {
        var info = Flyway.configure().dataSource("jdbc:sqlite:" + tmp.resolve("case.db"), null, null)
                .locations("classpath:org/huisu/core/store/migration").table("schema_history").load().info();
        assertThat(info.current().getVersion().getVersion()).isEqualTo(String.valueOf(CaseStore.SCHEMA_VERSION));
        assertThat(info.pending()).isEmpty();
    }

    @Test
    void aSourceIsReadBackAsItWasStored() {
        store.sealSource(source.id(), 3, 30, 1, "ab".repeat(32), Map.of("files", 3));
        Source read = store.sourceByLabel("server-01").orElseThrow();
        assertThat(read.kind()).isEqualTo(SourceKind.DIRECTORY);
        assertThat(read.acquired()).isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
        assertThat(read.utcOffset()).isEqualTo("+08:00");
        assertThat(read.items()).isEqualTo(3);
        assertThat(read.manifestSha256()).isEqualTo("ab".repeat(32));
        assertThat(read.attributes()).containsEntry("files", 3);
        assertThat(store.sourcesWithManifest("ab".repeat(32))).extracting(Source::id).containsExactly(source.id());
    }

    @Test
    void artifactsComeBackInCodePointOrderOfTheirLocators() {
        for (String locator : List.of("/a/b", "/a.txt", "/人脸/1.jpg", "/a", "/B", "/a b")) {
            artifact(locator, null);
        }
        List<String> order = new ArrayList<>();
        store.forEachArtifact(source.id(), a -> order.add(a.locator()));
        assertThat(order).containsExactly("/B", "/a", "/a b", "/a.txt", "/a/b", "/人脸/1.jpg");
    }

    @Test
    void aLocatorIsUniqueWithinItsSource() {
        artifact("/x.jpg", null);
        assertThatThrownBy(() -> artifact("/x.jpg", null)).isInstanceOf(StoreException.class);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            artifact("/kept-if-committed.jpg", null);
            throw new IllegalStateException("walk failed");
        })).hasMessage("walk failed");
        assertThat(store.countArtifacts(source.id())).isZero();
    }

    @Test
    void findingsActorsActivitiesAndRelationsAreStoredWithTheirEvidence() {
        long photo = artifact("/capture/1.jpg", "11".repeat(32));
        long log = artifact("/logs/upload.log", "22".repeat(32));
        store.insertFinding(new Finding(null, photo, Category.FACE_IMAGE, 1, 0.94, "blazeface",
                Map.of("crop", true)));
        long host = store.upsertActor(new Actor(null, ActorKind.HOST, "img-server-01",
                List.of("192.168.10.20"), Map.of()));
        assertThat(store.upsertActor(new Actor(null, ActorKind.HOST, "img-server-01", List.of("203.0.113.7"),
                Map.of()))).isEqualTo(host);
        long upload = store.insertActivity(new Activity(null, ActivityKind.UPLOAD, Stage.TRANSMIT,
                Instant.parse("2024-03-15T18:30:01Z"), null, host, log, "s3-access-log", "faces/1.jpg",
                Map.of("status", 200)));
        store.insertRelation(new Relation(null, RelationKind.USED, NodeRef.activity(upload), NodeRef.artifact(photo),
                "object-to-local", 0.9, "The upload carried the file of the same name.", List.of(log, photo),
                "上传的正是同名文件。"));

        assertThat(store.findings(Category.FACE_IMAGE)).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("crop", true));
        assertThat(store.actors()).singleElement()
                .satisfies(a -> assertThat(a.addresses()).containsExactly("192.168.10.20", "203.0.113.7"));
        assertThat(store.activities(ActivityKind.UPLOAD)).singleElement()
                .satisfies(a -> assertThat(a.actorId()).isEqualTo(host));
        assertThat(store.relationsOf(NodeRef.artifact(photo))).singleElement().satisfies(r -> {
            assertThat(r.kind().provName()).isEqualTo("used");
            assertThat(r.evidence()).containsExactly(photo, log);
            assertThat(r.explanation("zh")).isEqualTo("上传的正是同名文件。");
            assertThat(r.explanation("en")).isEqualTo("The upload carried the file of the same name.");
        });
        assertThat(store.relationsAt(NodeRef.activity(upload))).singleElement()
                .satisfies(r -> assertThat(r.explanationZh()).isEqualTo("上传的正是同名文件。"));
    }

    @Test
    void aDatabaseHuisuDidNotMakeIsRefusedUntouched() throws Exception {
        Path foreign = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, face_url TEXT)");
        }
        byte[] before = Files.readAllBytes(foreign);

        assertThatThrownBy(() -> CaseStore.openSqlite(foreign, false))
                .isInstanceOf(CaseStore.NotACaseDatabaseException.class);
        assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
    }

    @Test
    void reopeningAnExistingCaseKeepsItsContent() {
        artifact("/a.jpg", null);
        store.close();
        store = CaseStore.openSqlite(tmp.resolve("case.db"), false);
        assertThat(store.countArtifacts(source.id())).isEqualTo(1);
    }
}
