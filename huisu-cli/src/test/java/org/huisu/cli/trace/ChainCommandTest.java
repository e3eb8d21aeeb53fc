package org.huisu.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo case end to end: generated, acquired (its bucket over S3), analysed and correlated by
 * {@code huisu demo}, then read with {@code chain}, {@code stats}, {@code trace} and {@code timeline}
 * and compared with what really happened (truth.json, which Huisu's analysis never reads).
 */
class ChainCommandTest {

    @TempDir
    static Path tmp;

    static final Cli cli = new Cli();
    static String caseFolder;
    static JsonNode truth;
    static JsonNode chain;

    @BeforeAll
    static void runTheDemo() throws IOException {
        Path dir = tmp.resolve("demo");
        Cli.Result demo = cli.run("demo", "--dir", dir.toString(), "--records", "400", "--days", "5");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("FACE_IMAGE").contains("TRANSMIT");
        caseFolder = dir.resolve("case").toString();
        truth = Json.mapper().readTree(dir.resolve("truth.json").toFile());
        Cli.Result r = cli.run("chain", caseFolder, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        chain = Json.mapper().readTree(r.out());
    }

    private static JsonNode faceImages() {
        for (JsonNode c : chain.get("chains")) {
            if (c.get("category").asText().equals("FACE_IMAGE")) {
                return c;
            }
        }
        throw new AssertionError("no FACE_IMAGE chain in " + chain);
    }

    private static Map<String, JsonNode> stages(JsonNode c) {
        Map<String, JsonNode> stages = new HashMap<>();
        c.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
        return stages;
    }

    @Test
    void everyStageOfTheTruthIsFoundWithItsRecordCountWithinOnePercent() {
        Map<String, JsonNode> found = stages(faceImages());
        for (JsonNode expected : truth.get("chain")) {
            String stage = expected.get("stage").asText();
            JsonNode s = found.get(stage);
            assertThat(s).as(stage).isNotNull();
            assertThat(s.get("status").asText()).as(stage + ": " + s.get("explanation")).isEqualTo("found");
            long want = expected.get("records").asLong();
            assertThat((double) s.get("records").asLong()).as(stage + ": " + s.get("explanation"))
                    .isCloseTo(want, within(Math.max(1, want * 0.01)));
            assertThat(s.get("explanation").asText()).isNotBlank();
            assertThat(s.get("evidence")).as(stage).isNotEmpty();
        }
        assertThat(faceImages().get("records").get("total").asLong())
                .isEqualTo(truth.get("counts").get("faceImagesCaptured").asLong());
    }

    @Test
    void anOssBucketWithItsOwnLogFormatAndUploadToolGivesTheSameChain() throws IOException {
        Path dir = tmp.resolve("oss");
        Cli.Result demo = cli.run("demo", "--dir", dir.toString(), "--records", "150", "--days", "3", "--provider",
                "oss", "--seed", "77");
        assertThat(demo.exit()).as(demo.err()).isZero();
        JsonNode ossTruth = Json.mapper().readTree(dir.resolve("truth.json").toFile());
        assertThat(ossTruth.get("scenario").get("uploadClient").asText()).isNotEqualTo(
                truth.get("scenario").get("uploadClient").asText());
        JsonNode ossChain = Json.mapper().readTree(cli.run("chain", dir.resolve("case").toString(), "--format", "json")
                .out());
        Map<String, JsonNode> found = new HashMap<>();
        for (JsonNode c : ossChain.get("chains")) {
            if (c.get("category").asText().equals("FACE_IMAGE")) {
                c.get("stages").forEach(s -> found.put(s.get("stage").asText(), s));
            }
        }
        for (JsonNode expected : ossTruth.get("chain")) {
            JsonNode s = found.get(expected.get("stage").asText());
            long want = expected.get("records").asLong();
            assertThat((double) s.get("records").asLong()).as(s.toString())
                    .isCloseTo(want, within(Math.max(1, want * 0.01)));
        }
    }

    @Test
    void theUploadsAreTracedToTheImageServerBehindTheOfficeRouter() {
        JsonNode transmit = stages(faceImages()).get("TRANSMIT");
        Map<String, Set<String>> actors = new HashMap<>();
        transmit.get("actors").forEach(a -> {
            Set<String> addresses = new TreeSet<>();
            a.get("addresses").forEach(x -> addresses.add(x.asText()));
            actors.put(a.get("kind").asText() + ":" + a.get("name").asText(), addresses);
        });
        for (JsonNode a : truth.get("actors")) {
            if (a.get("kind").asText().equals("host")) {
                Set<String> got = actors.get("host:" + a.get("name").asText());
                assertThat(got).as(a.get("name").asText() + " in " + actors).isNotNull();
                a.get("addresses").forEach(x -> {
                    if (x.asText().contains(".")) {
                        assertThat(got).contains(x.asText());
                    }
                });
            }
        }
        assertThat(actors.keySet()).anyMatch(k -> k.startsWith("job:") && k.contains("daily_upload.sh"));
        assertThat(transmit.get("locations").toString()).contains("s3://lakeview-faces/faces/")
                .contains("img-server-01:/data/capture");
    }

    @Test
    void theCamerasAreTheCollectorsWithTheirAddresses() {
        JsonNode collect = stages(faceImages()).get("COLLECT");
        Map<String, String> cameras = new HashMap<>();
        collect.get("actors").forEach(a -> {
            if (a.get("kind").asText().equals("camera")) {
                cameras.put(a.get("name").asText(), a.get("addresses").toString());
            }
        });
        for (JsonNode a : truth.get("actors")) {
            if (a.get("kind").asText().equals("camera")) {
                assertThat(cameras.get(a.get("name").asText())).as(a.get("name").asText())
                        .contains(a.get("addresses").get(0).asText());
            }
        }
    }

    @Test
    void theAppUsersAreTheAddressesThatDownloadedTheFacesAndNothingElse() {
        JsonNode use = stages(faceImages()).get("USE");
        Set<String> got = new TreeSet<>();
        use.get("actors").forEach(a -> a.get("addresses").forEach(x -> got.add(x.asText())));
        Set<String> want = new TreeSet<>();
        for (JsonNode a : truth.get("actors")) {
            if (a.get("kind").asText().equals("app-user")) {
                a.get("addresses").forEach(x -> want.add(x.asText()));
            }
        }
        assertThat(want).containsAll(got);
        assertThat(got).isNotEmpty();
    }

    @Test
    void stageTimesAreThoseOfTheEvidence() {
        Map<String, JsonNode> found = stages(faceImages());
        for (JsonNode expected : truth.get("chain")) {
            JsonNode s = found.get(expected.get("stage").asText());
            if (expected.get("from").isNull() || s.get("from").isNull()) {
                continue;
            }
            OffsetDateTime want = OffsetDateTime.parse(expected.get("from").asText());
            OffsetDateTime got = OffsetDateTime.parse(s.get("from").asText());
            assertThat(Math.abs(want.toEpochSecond() - got.toEpochSecond())).as(expected.get("stage").asText())
                    .isLessThanOrEqualTo(120);
        }
    }

    @Test
    void statsCountTheDeletionsAfterUploadAndTheirSchedule() throws IOException {
        Cli.Result r = cli.run("stats", caseFolder, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode stats = Json.mapper().readTree(r.out());
        assertThat(stats.get("sources").asLong()).isEqualTo(5);
        JsonNode faces = stats.get("personalInformation").get("FACE_IMAGE");
        assertThat(faces.get("total").asLong()).isEqualTo(truth.get("counts").get("faceImagesCaptured").asLong());
        assertThat(faces.get("byDay")).hasSize(truth.get("scenario").get("days").asInt());
        assertThat(stats.get("featureVectors").asLong()).isGreaterThanOrEqualTo(
                truth.get("counts").get("featureVectors").asLong());
        assertThat(stats.get("estimatedPersons").asLong()).isEqualTo(truth.get("counts").get("persons").asLong());
        assertThat(stats.get("deletion").get("uploadedThenDeleted").asLong())
                .isEqualTo(truth.get("counts").get("faceImagesDeleted").asLong());
        assertThat(stats.get("deletion").get("pattern").asText()).contains("30 2 * * *").contains("rm -rf");
    }

    @Test
    void aPhotoInThePhoneCacheIsTracedUpstreamToTheUploadAndTheServer() throws IOException {
        String key = truth.get("phone").get("cachedKeys").get(0).asText();
        Cli.Result r = cli.run("trace", caseFolder, "--from", "s3://lakeview-faces/" + key, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode trace = Json.mapper().readTree(r.out());
        List<String> relations = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        trace.get("hops").forEach(h -> {
            relations.add(h.get("linker").asText() + ":" + h.get("relation").asText());
            h.get("actors").forEach(a -> actors.add(a.get("name").asText()));
        });
        assertThat(relations).contains("same-content:alternateOf", "object-origin:wasGeneratedBy",
                "upload-source:wasAssociatedWith", "capture:wasGeneratedBy");
        assertThat(actors).contains("img-server-01", "lakeview-gw");
        Cli.Result down = cli.run("trace", caseFolder, "--from", "s3://lakeview-faces/" + key, "--direction",
                "downstream");
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.out()).contains("phone-01:");
    }

    @Test
    void aReferenceThatNamesNothingIsInvalidInput() {
        Cli.Result r = cli.run("trace", caseFolder, "--from", "s3://lakeview-faces/faces/none.jpg");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("cannot trace from 's3://lakeview-faces/faces/none.jpg'");
        assertThat(cli.run("trace", caseFolder, "--from", "x", "--direction", "sideways").exit()).isEqualTo(2);
        Cli.Result label = cli.run("trace", caseFolder, "--from", "server:/etc/hostname");
        assertThat(label.exit()).isEqualTo(3);
        assertThat(label.err()).contains("no source is labelled 'server'").contains("img-server-01");
    }

    @Test
    void theTimelineHasEveryDatedActivityInTimeOrder() throws IOException {
        Path file = tmp.resolve("timeline.csv");
        Cli.Result r = cli.run("timeline", caseFolder, "--output", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("datetime,timestamp_desc,message,");
        assertThat(lines.size() - 1L).isGreaterThan(truth.get("counts").get("faceImagesCaptured").asLong());
        for (int i = 2; i < lines.size(); i++) {
            assertThat(lines.get(i).substring(0, 20)).isGreaterThanOrEqualTo(lines.get(i - 1).substring(0, 20));
        }
        Cli.Result jsonl = cli.run("timeline", caseFolder, "--format", "jsonl");
        String first = jsonl.out().lines().findFirst().orElseThrow();
        assertThat(Json.mapper().readTree(first).get("message").asText()).isNotBlank();
    }

    @Test
    void theTraceExplainsEachHopInChinese() throws IOException {
        String key = truth.get("phone").get("cachedKeys").get(0).asText();
        Cli.Result r = cli.run("trace", caseFolder, "--from", "s3://lakeview-faces/" + key, "--lang", "zh", "--format",
                "json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> sentences = new ArrayList<>();
        Json.mapper().readTree(r.out()).get("hops").forEach(h -> sentences.add(h.get("explanation").asText()));
        assertThat(sentences).isNotEmpty().allMatch(t -> t.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
                "has Chinese characters");
        assertThat(String.join("\n", sentences)).contains("公网（WAN）地址").contains("内容完全相同");
    }

    @Test
    void theChainSpeaksChinese() {
        Cli.Result r = cli.run("chain", caseFolder, "--lang", "zh");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("条记录").contains("上传").contains("说明：");
    }

    @Test
    void correlatingAgainGivesTheSameChain() throws IOException {
        Cli.Result again = cli.run("analyze", caseFolder);
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode second = Json.mapper().readTree(cli.run("chain", caseFolder, "--format", "json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) second).remove("generated");
        com.fasterxml.jackson.databind.node.ObjectNode first = chain.deepCopy();
        first.remove("generated");
        assertThat(second).isEqualTo(first);
    }
}
