package org.huisu.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.huisu.core.testing.EvidenceTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    private static final String S3_PUT = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be lakeview-faces"
            + " [14/Mar/2024:18:30:07 +0000] 203.0.113.7 - 3E57427F3EXAMPLE REST.PUT.OBJECT faces/a.jpg"
            + " \"PUT /faces/a.jpg HTTP/1.1\" 200 - - 48213 41 28 \"-\" \"aws-cli/2.15.30\" -\n";
    private static final String NGINX_GET = "198.51.100.4 - - [14/Mar/2024:10:00:00 +0800] \"GET /faces/a.jpg"
            + " HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n";

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();
    private String caseFolder;

    @BeforeEach
    void setUp() {
        caseFolder = tmp.resolve("case").toString();
        EvidenceTree logs = new EvidenceTree(tmp.resolve("logs"));
        logs.file("s3/2024-03-14-18-35-00-1A2B3C4D5E6F7A8B", S3_PUT);
        logs.file("nginx/access.log", NGINX_GET);
        cli.run("case", "init", caseFolder, "--name", "Lakeview", "--examiner", "Wang Li");
        cli.run("source", "add", caseFolder, logs.root().toString(), "--label", "logs");
    }

    private JsonNode show() throws Exception {
        Cli.Result r = cli.run("source", "show", caseFolder, "logs", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void onlyTheChosenExtractorsRunAndTheRestRunLaterWithoutRepeatingThem() throws Exception {
        Cli.Result first = cli.run("analyze", caseFolder, "--only", "file-type,s3-access-log");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("s3-access-log").doesNotContain("web-access-log");
        JsonNode activities = show().get("activities");
        assertThat(activities).hasSize(1);
        assertThat(activities.get(0).get("activity").asText()).isEqualTo("UPLOAD");
        assertThat(activities.get(0).get("stage").asText()).isEqualTo("TRANSMIT");
        assertThat(activities.get(0).get("first").asText()).startsWith("2024-03-14T18:30:07");

        assertThat(cli.run("analyze", caseFolder, "--skip", "media-metadata").exit()).isZero();
        assertThat(show().get("activities").findValuesAsText("extractor"))
                .containsExactly("s3-access-log", "web-access-log");

        // run again, nothing changes
        assertThat(cli.run("analyze", caseFolder).exit()).isZero();
        assertThat(show().get("activities").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(2);
    }

    @Test
    void sourceShowListsWhatAnalysisFoundInText() {
        cli.run("analyze", caseFolder);
        Cli.Result text = cli.run("source", "show", caseFolder, "logs");
        assertThat(text.out()).contains("Activities found by analysis:")
                .containsPattern("UPLOAD +TRANSMIT +s3-access-log +1 ")
                .containsPattern("DOWNLOAD +USE +web-access-log +1 ");
    }

    @Test
    void listNamesEveryExtractorAndAnUnknownNameIsAUsageError() {
        Cli.Result list = cli.run("analyze", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("s3-access-log", "oss-access-log", "cos-access-log", "minio-audit-log",
                "web-access-log", "syslog", "tool-log", "network-identity", "archive", "sqlite");
        Cli.Result unknown = cli.run("analyze", caseFolder, "--only", "s4-access-log");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("s4-access-log");
    }
}
