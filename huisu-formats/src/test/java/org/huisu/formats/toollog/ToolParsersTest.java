package org.huisu.formats.toollog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.huisu.formats.toollog.ToolLogFixtures.errors;
import static org.huisu.formats.toollog.ToolLogFixtures.lines;
import static org.huisu.formats.toollog.ToolLogFixtures.skipped;
import static org.huisu.formats.toollog.ToolLogFixtures.value;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.formats.Parsed;
import org.huisu.formats.network.TextVariants;
import org.junit.jupiter.api.Test;

class ToolParsersTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private final AwsCliLogParser aws = new AwsCliLogParser(OFFICE);
    private final RcloneLogParser rclone = new RcloneLogParser(OFFICE);
    private final OssutilLogParser ossutil = new OssutilLogParser();
    private final ToolLogParser any = new ToolLogParser(OFFICE);

    // ------------------------------------------------------------------ aws cli

    @Test
    void awsCliOutputParsesWithZeroErrors() {
        assertThat(errors(aws, lines("aws-cli.txt"))).isZero();
        assertThat(lines("aws-cli.txt")).allMatch(aws::recognizes);
    }

    @Test
    void anAwsUploadNamesTheFileAsTypedAndTheObject() {
        String line = lines("aws-cli.txt").get(0);
        assertThat(value(aws, line)).isEqualTo(new ToolLogEvent(null, EventKind.UPLOAD,
                List.of("../../data/archive/faces-20240314.tar.gz"),
                List.of("s3://lakeview-faces/archives/2024/03/14/faces-20240314.tar.gz"), List.of(), "aws-cli", line,
                false, null, null, null));
    }

    @Test
    void awsDownloadCopyMoveAndDeleteAreTold() {
        List<String> l = lines("aws-cli.txt");
        assertThat(value(aws, l.get(2))).isEqualTo(new ToolLogEvent(null, EventKind.DOWNLOAD,
                List.of("review/C2024031400017.jpg"), List.of("s3://lakeview-faces/faces/2024/03/14/C2024031400017.jpg"),
                List.of(), "aws-cli", l.get(2), false, null, null, null));
        assertThat(value(aws, l.get(3)).remoteUris()).containsExactly(
                "s3://lakeview-faces/faces/2024/03/14/C2024031400017.jpg",
                "s3://lakeview-backup/faces/2024/03/14/C2024031400017.jpg");
        assertThat(value(aws, l.get(3)).kind()).isEqualTo(EventKind.COPY);
        assertThat(value(aws, l.get(4)).kind()).isEqualTo(EventKind.MOVE);
        assertThat(value(aws, l.get(5))).isEqualTo(new ToolLogEvent(null, EventKind.DELETE, List.of(),
                List.of("s3://lakeview-faces/faces/2024/03/13/C2024031300001.jpg"), List.of(), "aws-cli", l.get(5),
                false, null, null, null));
    }

    @Test
    void awsFailuresKeepThePlacesAndDropTheErrorText() {
        List<String> l = lines("aws-cli.txt");
        assertThat(value(aws, l.get(6))).isEqualTo(new ToolLogEvent(null, EventKind.UPLOAD,
                List.of("/data/capture/20240314/cam02/C2024031400018.jpg"),
                List.of("s3://lakeview-faces/faces/2024/03/14/C2024031400018.jpg"), List.of(), "aws-cli", l.get(6),
                true, null, null, null));
        assertThat(value(aws, l.get(7)).remoteUris())
                .containsExactly("s3://lakeview-faces/faces/2024/03/13/C2024031300002.jpg");
        assertThat(value(aws, l.get(8))).isEqualTo(new ToolLogEvent(null, EventKind.ERROR, List.of(), List.of(),
                List.of(), "aws-cli", l.get(8), true, null, null, null));
    }

    @Test
    void awsProgressAndDryRunsAreSkipped() {
        List<String> l = lines("aws-cli.txt");
        assertThat(skipped(aws, l.get(9))).isEqualTo("progress");
        assertThat(skipped(aws, l.get(10))).isEqualTo("a dry run: nothing was transferred");
    }

    @Test
    void theLineAProgressBarLeftBehindIsTheOneAfterTheLastCarriageReturn() {
        ToolLogEvent e = value(aws, "Completed 256.0 KiB/17.4 MiB (1.9 MiB/s) with 1 file(s) remaining\r"
                + "upload: ./x.tar.gz to s3://lakeview-faces/x.tar.gz\r\n");
        assertThat(e.localPaths()).containsExactly("./x.tar.gz");
        assertThat(e.remoteUris()).containsExactly("s3://lakeview-faces/x.tar.gz");
    }

    @Test
    void anAwsDebugRequestGivesItsLocalTimeOperationAndUrl() {
        String line = lines("aws-cli.txt").get(11);
        assertThat(value(aws, line)).isEqualTo(new ToolLogEvent(Instant.parse("2024-03-14T18:30:11.482Z"),
                EventKind.UPLOAD, List.of(), List.of(),
                List.of("https://lakeview-faces.s3.ap-east-1.amazonaws.com/faces/2024/03/14/C2024031400017.jpg"),
                "aws-cli", line, false, null, null, null));
        assertThat(skipped(aws, lines("aws-cli.txt").get(12))).isEqualTo("a debug line about something else");
    }

    // ------------------------------------------------------------------ rclone

    @Test
    void rcloneLogParsesWithZeroErrors() {
        assertThat(errors(rclone, lines("rclone.log"))).isZero();
    }

    @Test
    void rclonesCopiedLineNamesTheObjectRelativeToTheTransferInLocalTime() {
        String line = lines("rclone.log").get(1);
        assertThat(value(rclone, line)).isEqualTo(new ToolLogEvent(Instant.parse("2024-03-14T18:30:05Z"),
                EventKind.COPY, List.of(), List.of(), List.of(), "rclone", line, false, "cam01/C2024031400017.jpg",
                null, null));
    }

    @Test
    void rclonesStartLineGivesTheRunsRootsAndDirection() {
        String line = lines("rclone.log").get(0);
        assertThat(value(rclone, line)).isEqualTo(new ToolLogEvent(Instant.parse("2024-03-14T18:30:01Z"),
                EventKind.UPLOAD, List.of("/data/capture/20240314"), List.of("oss:lakeview-faces/faces/2024/03/14"),
                List.of(), "rclone", line, false, null, null, null));
    }

    @Test
    void rcloneFailuresDeletionsAndMovesAreTold() {
        List<String> l = lines("rclone.log");
        ToolLogEvent failed = value(rclone, l.get(3));
        assertThat(failed.kind()).isEqualTo(EventKind.COPY);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.object()).isEqualTo("cam02/C2024031400101.jpg");
        assertThat(value(rclone, l.get(4)).kind()).isEqualTo(EventKind.DELETE);
        assertThat(value(rclone, l.get(5)).kind()).isEqualTo(EventKind.MOVE);
        assertThat(value(rclone, l.get(5)).object()).isEqualTo("archives/faces-20240313.tar.gz");
    }

    @Test
    void rcloneDryRunsAndChatterAreSkipped() {
        List<String> l = lines("rclone.log");
        assertThat(skipped(rclone, l.get(6))).isEqualTo("a dry run: nothing was transferred");
        assertThat(rclone.parse(l.get(7))).isInstanceOf(Parsed.Skip.class);
        assertThat(rclone.parse(l.get(8))).isInstanceOf(Parsed.Skip.class);
    }

    @Test
    void rcloneMicrosecondsAndJsonLogsAreRead() {
        List<String> l = lines("rclone.log");
        assertThat(value(rclone, l.get(9)).time()).isEqualTo(Instant.parse("2024-03-14T18:30:05.123456Z"));
        assertThat(value(rclone, l.get(9)).kind()).isEqualTo(EventKind.COPY);
        assertThat(value(rclone, l.get(10))).isEqualTo(new ToolLogEvent(Instant.parse("2024-03-14T18:30:05.123456Z"),
                EventKind.COPY, List.of(), List.of(), List.of(), "rclone", l.get(10), false, "cam01/C2024031400020.jpg",
                null, null));
    }

    // ------------------------------------------------------------------ ossutil

    @Test
    void ossutilOutputParsesWithZeroErrors() {
        assertThat(errors(ossutil, lines("ossutil.txt"))).isZero();
    }

    @Test
    void ossutilsSummaryCountsTheUploadedFilesAndBytes() {
        String line = lines("ossutil.txt").get(0);
        assertThat(value(ossutil, line)).isEqualTo(new ToolLogEvent(null, EventKind.UPLOAD, List.of(), List.of(),
                List.of(), "ossutil", line, false, null, 150L, 3_456_789L));
    }

    @Test
    void ossutilsSummariesOfFailedRunsAreFailedWithWhatWasDone() {
        List<String> l = lines("ossutil.txt");
        assertThat(value(ossutil, l.get(5))).isEqualTo(new ToolLogEvent(null, EventKind.UPLOAD, List.of(), List.of(),
                List.of(), "ossutil", l.get(5), true, null, 148L, 3_456_789L));
        assertThat(value(ossutil, l.get(6)).fileCount()).isEqualTo(100L);
        assertThat(value(ossutil, l.get(6)).failed()).isTrue();
    }

    @Test
    void ossutilDownloadsRemovalsAndErrorsAreTold() {
        List<String> l = lines("ossutil.txt");
        assertThat(value(ossutil, l.get(7)).kind()).isEqualTo(EventKind.DOWNLOAD);
        assertThat(value(ossutil, l.get(7)).fileCount()).isEqualTo(3L);
        assertThat(value(ossutil, l.get(8))).isEqualTo(new ToolLogEvent(null, EventKind.DELETE, List.of(), List.of(),
                List.of(), "ossutil", l.get(8), false, null, 150L, null));
        assertThat(value(ossutil, l.get(9)).kind()).isEqualTo(EventKind.ERROR);
        assertThat(value(ossutil, l.get(9)).failed()).isTrue();
    }

    @Test
    void ossutilProgressAndSpeedLinesAreSkipped() {
        List<String> l = lines("ossutil.txt");
        assertThat(skipped(ossutil, l.get(2))).isEqualTo("progress");
        assertThat(skipped(ossutil, l.get(10))).isEqualTo("progress");
    }

    // ------------------------------------------------------------------ all of them

    @Test
    void theToolsParsersComeFirstAndTheApplicationsLast() {
        assertThat(value(any, lines("aws-cli.txt").get(0)).tool()).isEqualTo("aws-cli");
        assertThat(value(any, lines("rclone.log").get(1)).tool()).isEqualTo("rclone");
        assertThat(value(any, lines("ossutil.txt").get(0)).tool()).isEqualTo("ossutil");
        assertThat(value(any, lines("upload.log").get(2)).tool()).isNull();
        assertThat(any.parsers()).extracting(p -> p.name())
                .containsExactly("aws-cli-log", "rclone-log", "ossutil-log", "app-log");
    }

    @Test
    void everyFixtureParsesWithZeroErrorsThroughTheCombinedParser() {
        List<String> all = new ArrayList<>();
        for (String f : List.of("aws-cli.txt", "rclone.log", "ossutil.txt", "upload.log", "capture.log", "app-zh.log")) {
            all.addAll(lines(f));
        }
        assertThat(errors(any, all)).isZero();
        assertThat(all.stream().filter(l -> any.parse(l) instanceof Parsed.Value).count()).isEqualTo(35);
    }

    @Property
    void anyLineGivesAnAwsEventASkipOrAnErrorNeverAnException(@ForAll("toolLines") String line) {
        assertThatCode(() -> {
            aws.parse(line);
            aws.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyLineGivesAnRcloneEventASkipOrAnErrorNeverAnException(@ForAll("toolLines") String line) {
        assertThatCode(() -> {
            rclone.parse(line);
            rclone.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyLineGivesAnOssutilEventASkipOrAnErrorNeverAnException(@ForAll("toolLines") String line) {
        assertThatCode(() -> {
            ossutil.parse(line);
            ossutil.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyLineGivesAnEventThroughTheCombinedParserNeverAnException(@ForAll("toolLines") String line) {
        assertThatCode(() -> {
            any.parse(line);
            any.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> toolLines() {
        List<String> all = new ArrayList<>(lines("aws-cli.txt"));
        all.addAll(lines("rclone.log"));
        all.addAll(lines("ossutil.txt"));
        return TextVariants.of(all);
    }
}
