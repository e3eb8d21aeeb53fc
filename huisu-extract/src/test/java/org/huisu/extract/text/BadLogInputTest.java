package org.huisu.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real log bundles hold besides good lines: each is an extraction error on its file, with a
 * count and the first examples, and the rest of the file and of the run is read.
 */
class BadLogInputTest {

    @TempDir
    Path tmp;

    private static String nginx(int i, String path) {
        return "198.51.100." + (i % 250) + " - - [14/Mar/2024:10:" + String.format("%02d", i % 60)
                + ":00 +0800] \"GET " + path + " HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"";
    }

    private static String nginxLines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(nginx(i, "/faces/" + i + ".jpg")).append('\n');
        }
        return b.toString();
    }

    @Test
    void aTruncatedGzipLogKeepsTheLinesBeforeTheCutAndSaysItWasCut() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(nginxLines(0, 5000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = b.toByteArray();
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        t.file("var/log/nginx/access.log.2.gz", Arrays.copyOf(whole, whole.length * 2 / 3));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY)) {
            List<ExtractionError> errors = x.errorsAt("/var/log/nginx/access.log.2.gz");
            assertThat(errors).extracting(ExtractionError::code).contains("TRUNCATED");
            long read = x.activities().size();
            assertThat(read).isGreaterThan(1000).isLessThan(5000);
        }
    }

    @Test
    void binaryDataNamedLikeALogIsAnErrorAndNoLineIsMadeUpFromIt() throws Exception {
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        t.file("var/log/upload.log", garbage);
        t.file("var/log/nginx/access.log", nginxLines(0, 3));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY)) {
            assertThat(x.errorsAt("/var/log/upload.log")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("NOT_TEXT");
                assertThat(e.plugin()).isEqualTo("file-type");
            });
            assertThat(x.activities()).hasSize(3).allMatch(a -> a.extractor().equals("web-access-log"));
        }
    }

    @Test
    void aTenMegabyteLineIsCountedAndCutAndTheLinesAroundItAreRead() throws Exception {
        String huge = "x".repeat(10 * 1024 * 1024);
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        t.file("logs/access.log", nginxLines(0, 10) + huge + "\n" + nginxLines(10, 20));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY)) {
            assertThat(x.activities()).hasSize(20);
            ExtractionError e = x.errorsAt("/logs/access.log").stream().filter(r -> r.code().equals("LINE_TOO_LONG"))
                    .findFirst().orElseThrow(() -> new AssertionError(x.errors().toString()));
            assertThat(e.occurrences()).isEqualTo(1);
            assertThat(e.examples()).singleElement().asString().startsWith("line 11: xxxx");
        }
    }

    @Test
    void aFileMixingTwoFormatsIsReadByBothAndEachCountsTheOthersLines() throws Exception {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            mixed.append(nginx(i, "/faces/" + i + ".jpg")).append('\n');
            mixed.append("Mar 14 10:").append(String.format("%02d", i)).append(":01 img-server-01 CRON[")
                    .append(300 + i).append("]: (facecap) CMD (/opt/facecap/bin/sweep.sh)\n");
        }
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        t.file("collected/messages-and-access.txt", mixed.toString());
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY)) {
            assertThat(x.activities().stream().filter(a -> a.extractor().equals("web-access-log"))).hasSize(12);
            assertThat(x.activities().stream().filter(a -> a.kind() == ActivityKind.RUN)).hasSize(12);
            assertThat(x.errorsAt("/collected/messages-and-access.txt")).filteredOn(e -> e.code().equals("BAD_LINE"))
                    .extracting(ExtractionError::plugin, ExtractionError::occurrences)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("web-access-log", 12L),
                            org.assertj.core.groups.Tuple.tuple("syslog", 12L));
        }
    }

    @Test
    void aGbkLineInAUtf8LogIsReadInGbkAndNotDropped() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.write(nginxLines(0, 2).getBytes(StandardCharsets.UTF_8));
        log.write((nginx(2, "/上传/人脸照片.jpg") + "\n").getBytes(Charset.forName("GBK")));
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        t.file("logs/access.log", log.toByteArray());
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY)) {
            assertThat(x.activities()).extracting(Activity::subject).contains("/上传/人脸照片.jpg");
            assertThat(x.at("/logs/access.log").attributes().get("web-access-log").toString())
                    .contains("gb18030Lines=1", "records=3", "badLines=0");
        }
    }

    @Test
    void timesWithoutAZoneAreReadInTheSourcesZoneAndTheAssumptionIsRecorded() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("e"));
        Path syslog = t.file("var/log/syslog", "Mar 14 02:30:01 img-server-01 CRON[812]: (facecap) CMD "
                + "(/opt/facecap/bin/daily_upload.sh)\n");
        java.nio.file.Files.setLastModifiedTime(syslog, java.nio.file.attribute.FileTime.from(
                Instant.parse("2024-03-15T00:00:00Z")));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, ZoneId.of("Asia/Shanghai"))) {
            assertThat(x.activities()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(ActivityKind.RUN);
                assertThat(a.started()).isEqualTo(Instant.parse("2024-03-13T18:30:01Z"));
            });
            assertThat(x.at("/var/log/syslog").attributes().get("syslog").toString())
                    .contains("assumedZone=Asia/Shanghai");
            assertThat(x.source().attributes()).containsEntry("timezone", "Asia/Shanghai");
        }
    }
}
