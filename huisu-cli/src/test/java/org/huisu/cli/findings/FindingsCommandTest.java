package org.huisu.cli.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code huisu findings} over a case whose findings are written straight into its database, as the
 * detectors write them, so that the command is tested apart from what the detectors find.
 */
class FindingsCommandTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();
    private String caseFolder;

    @BeforeEach
    void aCaseWithFindings() throws IOException {
        Path evidence = Files.createDirectories(tmp.resolve("server/faces"));
        Files.writeString(evidence.resolve("visitor, 1.jpg"), "not really a photo");
        Files.writeString(evidence.resolve("brokers.csv"), "name,id\n");
        caseFolder = tmp.resolve("case").toString();
        assertThat(cli.run("case", "init", caseFolder).exit()).isZero();
        assertThat(cli.run("source", "add", caseFolder, tmp.resolve("server").toString(), "--label", "server")
                .exit()).isZero();
        try (Case c = Case.open(Path.of(caseFolder))) {
            List<Artifact> all = new java.util.ArrayList<>();
            c.store().forEachArtifact(c.store().sources().get(0).id(), all::add);
            long photo = all.stream().filter(a -> a.locator().endsWith(".jpg")).findFirst().orElseThrow().id();
            long csv = all.stream().filter(a -> a.locator().endsWith(".csv")).findFirst().orElseThrow().id();
            c.store().insertFinding(new Finding(null, photo, Category.FACE_IMAGE, 2, 0.94, "blazeface",
                    Map.of("kind", "scene", "boxes", List.of(List.of(10, 20, 30, 40, 0.94)))));
            c.store().insertFinding(new Finding(null, csv, Category.ID_NUMBER, 3, 1.0, "id-number",
                    Map.of("examples", List.of("110105********1234"))));
        }
    }

    @Test
    void jsonIsTheContractsShape() throws IOException {
        Cli.Result r = cli.run("findings", caseFolder, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode findings = Json.mapper().readTree(r.out()).get("findings");
        assertThat(findings).hasSize(2);
        JsonNode face = findings.get(0);
        assertThat(face.get("category").asText()).isEqualTo("FACE_IMAGE");
        assertThat(face.get("count").asInt()).isEqualTo(2);
        assertThat(face.get("confidence").asDouble()).isEqualTo(0.94);
        assertThat(face.get("detector").asText()).isEqualTo("blazeface");
        assertThat(face.get("artifact").get("source").asText()).isEqualTo("server");
        assertThat(face.get("artifact").get("locator").asText()).isEqualTo("/faces/visitor, 1.jpg");
        assertThat(face.get("artifact").get("sha256").asText()).hasSize(64);
        assertThat(face.get("artifact").get("id").isTextual()).isTrue();
        assertThat(face.get("details").get("kind").asText()).isEqualTo("scene");
    }

    @Test
    void aCategoryNarrowsAndTextAndCsvSayTheSame() {
        Cli.Result text = cli.run("findings", caseFolder, "--category", "id-number");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("ID_NUMBER").contains("server:/faces/brokers.csv")
                .contains("ID_NUMBER: 3 found in 1 artifacts").doesNotContain("FACE_IMAGE");
        Cli.Result csv = cli.run("findings", caseFolder, "--format", "csv");
        assertThat(csv.out().lines().toList()).hasSize(3).first()
                .isEqualTo("category,count,confidence,detector,source,locator,sha256,details");
        // a locator with a comma is quoted
        assertThat(csv.out()).contains(",\"/faces/visitor, 1.jpg\",");
    }

    @Test
    void anUnknownCategoryIsAUsageErrorListingTheKnownOnes() {
        Cli.Result r = cli.run("findings", caseFolder, "--category", "faces");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--category faces").contains("FACE_FEATURE");
    }

    @Test
    void aCaseWithoutFindingsSaysToAnalyseFirst() throws IOException {
        String empty = tmp.resolve("empty").toString();
        cli.run("case", "init", empty);
        assertThat(cli.run("findings", empty).out()).contains("run 'huisu analyze' first");
    }
}
