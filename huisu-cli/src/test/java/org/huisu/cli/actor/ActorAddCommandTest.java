package org.huisu.cli.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An examiner's documented attribution, where the evidence holds no router or host configuration. */
class ActorAddCommandTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();
    private String caseFolder;

    @BeforeEach
    void aCase() {
        caseFolder = tmp.resolve("case").toString();
        assertThat(cli.run("case", "init", caseFolder, "--examiner", "Wang Li").exit()).isZero();
    }

    @Test
    void anAttributionIsKeptWithItsReferenceAndStandsInTheAuditLog() throws IOException {
        Cli.Result r = cli.run("actor", "add", caseFolder, "--name", "Lakeview sales office", "--address",
                "203.0.113.7", "--reference", "ISP letter 2024-07");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Attributed 203.0.113.7 to host 'Lakeview sales office'");
        // a second letter adds an address and its own reference to the same actor
        assertThat(cli.run("actor", "add", caseFolder, "--name", "Lakeview sales office", "--address",
                "2001:DB8::7", "--reference", "ISP letter 2024-09").exit()).isZero();

        JsonNode actors = Json.mapper().readTree(cli.run("actor", "list", caseFolder, "--format", "json").out())
                .get("actors");
        assertThat(actors).hasSize(1);
        JsonNode office = actors.get(0);
        assertThat(office.get("kind").asText()).isEqualTo("host");
        assertThat(office.get("addresses")).extracting(JsonNode::asText).containsExactlyInAnyOrder("203.0.113.7", "2001:db8::7");
        JsonNode attributions = office.get("attributes").get("attributions");
        assertThat(attributions).extracting(a -> a.get("reference").asText())
                .containsExactly("ISP letter 2024-07", "ISP letter 2024-09");
        assertThat(attributions.get(0).get("examiner").asText()).isEqualTo("Wang Li");

        String audit = Files.readString(Path.of(caseFolder, "audit.jsonl"), StandardCharsets.UTF_8);
        assertThat(audit).contains("actor add").contains("ISP letter 2024-07").contains("203.0.113.7");
        assertThat(cli.run("audit", "verify", caseFolder).exit()).isZero();
    }

    @Test
    void whatIsNotAnAddressOrHasNoReferenceIsRefused() {
        Cli.Result bad = cli.run("actor", "add", caseFolder, "--name", "X", "--address", "300.1.1.1", "--reference",
                "letter");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--address 300.1.1.1");
        assertThat(cli.run("actor", "add", caseFolder, "--name", "X", "--address", "10.0.0.1").exit()).isEqualTo(2);
        assertThat(cli.run("actor", "list", caseFolder).out()).contains("No actors");
    }
}
