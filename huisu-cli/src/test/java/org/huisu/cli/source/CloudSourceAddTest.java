package org.huisu.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.huisu.scenario.cloud.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huisu source add CASE s3://…} as an examiner runs it, against s3proxy on 127.0.0.1. */
class CloudSourceAddTest {

    private static final String KEY_ID = "AKIACLITESTKEY000001";
    private static final String SECRET = "cli-test-secret-never-to-be-seen";

    @TempDir
    Path tmp;

    private S3Server server;
    private String caseFolder;
    private final Cli cli = new Cli();

    @BeforeEach
    void start() throws IOException {
        Path buckets = Files.createDirectories(tmp.resolve("buckets"));
        Path faces = Files.createDirectories(buckets.resolve("office-faces/faces/2024/03/15"));
        Files.write(faces.resolve("1710460804513.jpg"), Files.readAllBytes(sample()));
        Files.writeString(faces.resolve("notes.txt"), "capture log\n");
        Files.write(buckets.resolve("office-faces/backup.bin"), new byte[4096]);
        server = S3Server.start(buckets, 0, KEY_ID, SECRET);
        caseFolder = tmp.resolve("case").toString();
        assertThat(cli.run("case", "init", caseFolder, "--examiner", "Wang Li").exit()).isZero();
    }

    /** A real photo of the sample set. */
    private static Path sample() {
        return org.huisu.scenario.samples.SamplePhotos.load().folder().resolve("messi5.jpg");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result add(String... extra) {
        String[] base = {"source", "add", caseFolder, "s3://office-faces", "--endpoint", server.endpoint().toString(),
                "--path-style"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli.run(all);
    }

    @Test
    void aBucketIsInspectedWithTheKeyFromTheEnvironmentAndAnalysedLikeAnyOtherSource() throws IOException {
        cli.env("HUISU_S3_ACCESS_KEY", KEY_ID).env("HUISU_S3_SECRET_KEY", SECRET);

        Cli.Result r = add("--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("kind").asText()).isEqualTo("s3");
        assertThat(json.get("label").asText()).isEqualTo("office-faces");
        assertThat(json.get("objects").asLong()).isEqualTo(3);
        assertThat(json.get("downloaded").asLong()).isEqualTo(3);
        assertThat(json.get("requests").fieldNames()).toIterable().isSubsetOf("GET", "HEAD");
        assertThat(json.get("bucketSettings").get("versioning").get("state").asText()).isEqualTo("unsupported");

        Cli.Result show = cli.run("source", "show", caseFolder, "office-faces");
        assertThat(show.out()).contains("s3://office-faces/").contains("CLOUD_OBJECT 3").contains("DIRECTORY");

        Cli.Result analyze = cli.run("analyze", caseFolder, "--only", "file-type,media-metadata");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        // the objects' bytes are read from the case's object store: the photo's type is told by content
        try (org.huisu.core.casefolder.Case c = org.huisu.core.casefolder.Case.open(Path.of(caseFolder))) {
            java.util.List<org.huisu.core.model.Artifact> all = new java.util.ArrayList<>();
            c.store().forEachArtifact(json.get("id").asLong(), all::add);
            assertThat(all).filteredOn(a -> a.locator().endsWith(".jpg")).singleElement()
                    .satisfies(a -> assertThat(a.mediaType()).isEqualTo("image/jpeg"));
        }

        // the secret is in no output, no audit line, no database page
        assertThat(r.out() + r.err() + show.out() + analyze.out()).doesNotContain(SECRET);
        String audit = Files.readString(Path.of(caseFolder, "audit.jsonl"), StandardCharsets.UTF_8);
        assertThat(audit).contains("s3://office-faces").contains(KEY_ID).doesNotContain(SECRET);
        assertThat(new String(Files.readAllBytes(Path.of(caseFolder, "case.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    @Test
    void includeAndMaxBytesListEverythingButFetchOnlyWhatWasAskedFor() throws IOException {
        cli.env("HUISU_S3_ACCESS_KEY", KEY_ID).env("HUISU_S3_SECRET_KEY", SECRET);
        Cli.Result r = add("--include", "faces/**", "--max-bytes", "1k", "--connections", "2", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("objects").asLong()).isEqualTo(3);
        assertThat(json.get("notDownloaded").asLong()).isEqualTo(2);
        assertThat(json.get("downloaded").asLong()).isEqualTo(1);
    }

    @Test
    void withoutTheKeyInTheEnvironmentTheCommandSaysWhichVariablesToSet() {
        Cli.Result r = add();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HUISU_S3_ACCESS_KEY").contains("HUISU_S3_SECRET_KEY");
    }

    @Test
    void aWrongSecretIsRefusedInOneSentenceNamingTheKeyId() {
        cli.env("HUISU_S3_ACCESS_KEY", KEY_ID).env("HUISU_S3_SECRET_KEY", "not-the-secret");
        Cli.Result r = add();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("access denied for key id " + KEY_ID).contains("check the credentials")
                .doesNotContain("not-the-secret").doesNotContain("Exception");
        assertThat(cli.run("source", "list", caseFolder).out()).contains("No sources");
    }

    @Test
    void cloudOptionsOnAFolderAreAUsageError() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Cli.Result r = cli.run("source", "add", caseFolder, folder.toString(), "--endpoint", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("for s3:// locators only");
    }
}
