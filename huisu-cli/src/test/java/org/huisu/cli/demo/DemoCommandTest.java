package org.huisu.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();

    @Test
    void theDemoGeneratesTheCaseServesItsBucketAndAcquiresEverySource() throws IOException {
        Path dir = tmp.resolve("demo");

        Cli.Result r = cli.run("demo", "--dir", dir.toString(), "--records", "120", "--days", "3");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("served over S3 at http://127.0.0.1:").contains("Demo done in");
        String caseFolder = dir.resolve("case").toString();
        JsonNode sources = Json.mapper().readTree(cli.run("source", "list", caseFolder, "--format", "json").out())
                .get("sources");
        List<String> labels = new ArrayList<>();
        sources.forEach(s -> labels.add(s.get("label").asText() + "/" + s.get("kind").asText()));
        assertThat(labels).containsExactly("img-server-01/directory", "phone-01/android", "router/directory",
                "bucket-logs/logs", "bucket/s3");
        sources.forEach(s -> assertThat(s.get("errors").asLong()).isZero());
        JsonNode truth = Json.mapper().readTree(dir.resolve("truth.json").toFile());
        long onServer = truth.get("counts").get("faceImagesOnServer").asLong();
        assertThat(sources.get(0).get("items").asLong()).isGreaterThan(onServer);
        assertThat(cli.run("audit", "verify", caseFolder).exit()).isZero();
    }

    @Test
    void anEarlierDemoIsReplacedButOtherFoldersAreRefused() throws IOException {
        Path dir = tmp.resolve("demo");
        assertThat(cli.run("demo", "--dir", dir.toString(), "--records", "40", "--days", "2").exit()).isZero();
        Cli.Result again = cli.run("demo", "--dir", dir.toString(), "--records", "40", "--days", "2", "--provider", "oss");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Replacing the earlier demo");
        assertThat(Json.mapper().readTree(dir.resolve("truth.json").toFile()).get("scenario").get("provider").asText())
                .isEqualTo("oss");

        Path other = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(other.resolve("holiday.jpg"), "not a demo");
        Cli.Result refused = cli.run("demo", "--dir", other.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("holds other files");
        assertThat(other.resolve("holiday.jpg")).exists();
    }

    @Test
    void impossibleSizesAreUsageErrors() {
        Cli.Result r = cli.run("demo", "--dir", tmp.resolve("d").toString(), "--records", "3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--records 3");
        assertThat(cli.run("demo", "--dir", tmp.resolve("d").toString(), "--provider", "gcs").exit()).isEqualTo(2);
    }
}
