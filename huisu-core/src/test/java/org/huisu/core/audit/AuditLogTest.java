package org.huisu.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huisu.core.Json;
import org.huisu.core.hash.Digests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path tmp;

    private Path file;
    private MemoryAnchor anchor;
    private AuditLog log;

    /** The anchor as the case database keeps it, held in memory for these tests. */
    static final class MemoryAnchor implements AuditAnchor {
        Head head;

        @Override
        public Optional<Head> head() {
            return Optional.ofNullable(head);
        }

        @Override
        public void record(Head head) {
            this.head = head;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        file = tmp.resolve("audit.jsonl");
        anchor = new MemoryAnchor();
        log = new AuditLog(file, anchor);
        for (int i = 1; i <= 6; i++) {
            log.append(new AuditEntry("root", "Wang Li", "source list", List.of("source", "list", "/cases/" + i),
                    0, "listed " + i));
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedLogIsIntactAndItsHeadIsTheLastLinesHash() throws IOException {
        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(6);
        assertThat(v.headSha256()).isEqualTo(Digests.sha256(lines().get(5)));
    }

    @Test
    void eachLineCarriesTheHashOfTheLineBeforeIt() throws IOException {
        List<String> lines = lines();
        assertThat(Json.mapper().readTree(lines.get(0)).get("prev").asText()).isEqualTo(AuditLog.GENESIS);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(Json.mapper().readTree(lines.get(i)).get("prev").asText())
                    .isEqualTo(Digests.sha256(lines.get(i - 1)));
            assertThat(Json.mapper().readTree(lines.get(i)).get("seq").asLong()).isEqualTo(i + 1);
        }
    }

    @Test
    void anEntryRecordsTimeUserHostToolCommandArgumentsAndResult() throws IOException {
        var entry = Json.mapper().readTree(lines().get(2));
        assertThat(entry.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
        assertThat(entry.get("utcOffset").asText()).matches("[+-]\\d{2}:\\d{2}");
        assertThat(entry.get("user").asText()).isEqualTo("root");
        assertThat(entry.get("examiner").asText()).isEqualTo("Wang Li");
        assertThat(entry.get("host").asText()).isNotBlank();
        assertThat(entry.get("tool").asText()).startsWith("huisu ");
        assertThat(entry.get("command").asText()).isEqualTo("source list");
        assertThat(entry.get("arguments").toString()).isEqualTo("[\"source\",\"list\",\"/cases/3\"]");
        assertThat(entry.get("result").get("exit").asInt()).isZero();
        assertThat(entry.get("result").get("outcome").asText()).isEqualTo("listed 3");
    }

    @Test
    void anEditedLineIsNamed() throws IOException {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("listed 3", "listed 4"));
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(3);
        assertThat(v.problem()).contains("line 3 was changed");
    }

    @Test
    void anEditedLastLineIsNamedThroughTheAnchor() throws IOException {
        List<String> lines = lines();
        lines.set(5, lines.get(5).replace("\"exit\":0", "\"exit\":1"));
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(6);
        assertThat(v.problem()).contains("line 6 was changed");
    }

    @Test
    void aDeletedLineIsNamed() throws IOException {
        List<String> lines = lines();
        lines.remove(3);
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(4);
        assertThat(v.problem()).contains("line 4 holds entry #5 where entry #4 belongs");
    }

    @Test
    void linesCutFromTheEndAreNoticed() throws IOException {
        write(lines().subList(0, 4));

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(5);
        assertThat(v.problem()).contains("entries were removed from the end");
    }

    @Test
    void linesCutFromTheStartAreNoticed() throws IOException {
        write(lines().subList(2, 6));

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(1);
    }

    @Test
    void anInsertedLineIsNamed() throws IOException {
        List<String> lines = lines();
        String forged = lines.get(2).replace("\"seq\":3", "\"seq\":3").replace("listed 3", "forged");
        String forgedWithChain = forged.replaceFirst("\"prev\":\"[0-9a-f]{64}\"",
                "\"prev\":\"" + Digests.sha256(lines.get(1)) + "\"");
        lines.add(2, forgedWithChain);
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(3);
        assertThat(v.problem()).contains("line 3 was inserted");
    }

    @Test
    void swappedLinesAreNamed() throws IOException {
        List<String> lines = lines();
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(3);
        assertThat(v.problem()).contains("line 3 holds entry #4");
    }

    @Test
    void aLineAppendedBehindHuisusBackIsNamed() throws IOException {
        List<String> lines = lines();
        String last = lines.get(5);
        lines.add(last.replace("\"seq\":6", "\"seq\":7").replaceFirst("\"prev\":\"[0-9a-f]{64}\"",
                "\"prev\":\"" + Digests.sha256(last) + "\""));
        write(lines);

        AuditVerification v = log.verify();
        assertThat(v.firstBadLine()).isEqualTo(7);
        assertThat(v.problem()).contains("not written by Huisu");
    }

    @Test
    void garbageInTheLogIsNamed() throws IOException {
        List<String> lines = lines();
        lines.set(1, "not json at all");
        write(lines);

        assertThat(log.verify().firstBadLine()).isEqualTo(2);
    }

    @Test
    void aCutLogStaysBrokenAfterTheNextCommandAppends() throws IOException {
        write(lines().subList(0, 5));
        log.append(new AuditEntry("root", null, "source list", List.of(), 0, null));

        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(6);
        assertThat(v.problem()).contains("written after the log had been cut");
    }

    @Test
    void secretsInArgumentsAreNeverWritten() throws IOException {
        log.append(new AuditEntry("root", null, "source add", List.of("source", "add", "/c", "s3://bucket/x",
                "--secret-key", "wJalrXUtnFEMI", "--password=hunter2",
                "--jdbc", "jdbc:postgresql://huisu:pg-secret@db.example/case"), 0,
                "failed for https://user:pw@example.org/?X-Amz-Signature=abcdef"));

        String last = lines().get(6);
        assertThat(last).doesNotContain("wJalrXUtnFEMI", "hunter2", "pg-secret", ":pw@", "abcdef")
                .contains("s3://bucket/x", "--secret-key", "***");
        assertThat(log.verify().intact()).isTrue();
    }
}
