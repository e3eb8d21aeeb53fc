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
import org.huisu.formats.network.TextVariants;
import org.junit.jupiter.api.Test;

class ApplicationLogParserTest {

    private final ApplicationLogParser parser = new ApplicationLogParser(ZoneId.of("Asia/Shanghai"));

    private static ToolLogEvent event(String time, EventKind kind, List<String> local, List<String> remote,
            List<String> urls, String raw, boolean failed) {
        return new ToolLogEvent(Instant.parse(time), kind, local, remote, urls, null, raw, failed, null, null, null);
    }

    @Test
    void realApplicationLogsParseWithZeroErrors() {
        List<String> all = new ArrayList<>(lines("upload.log"));
        all.addAll(lines("capture.log"));
        all.addAll(lines("app-zh.log"));
        assertThat(errors(parser, all)).isZero();
    }

    @Test
    void aChineseUploadLineWithAnArrowGivesItsLocalFileAndItsObject() {
        String line = lines("app-zh.log").get(0);
        assertThat(value(parser, line)).isEqualTo(event("2024-03-14T18:30:05Z", EventKind.UPLOAD,
                List.of("/data/capture/20240314/cam01/x.jpg"), List.of("oss://bucket/faces/x.jpg"), List.of(), line,
                false));
    }

    @Test
    void aChineseFailureIsAFailedUploadWithAZonedFractionalTime() {
        String line = lines("app-zh.log").get(1);
        assertThat(value(parser, line)).isEqualTo(event("2024-03-14T18:30:07.221Z", EventKind.UPLOAD,
                List.of("/data/capture/20240314/cam02/C2.jpg"), List.of(), List.of(), line, true));
    }

    @Test
    void chineseDeletionAndCaptureWordsAreRead() {
        List<String> zh = lines("app-zh.log");
        assertThat(value(parser, zh.get(2))).isEqualTo(event("2024-03-14T18:41:36.118Z", EventKind.DELETE,
                List.of("/data/capture/20240314"), List.of(), List.of(), zh.get(2), false));
        assertThat(value(parser, zh.get(3))).isEqualTo(event("2024-03-14T01:41:07Z", EventKind.CAPTURE,
                List.of("/data/capture/20240314/cam01/C2024031400017.jpg"), List.of(), List.of(), zh.get(3), false));
    }

    @Test
    void theUploadScriptsLogGivesPackUploadAndRemove() {
        List<String> log = lines("upload.log");
        assertThat(skipped(parser, log.get(0))).isEqualTo("no local path, URL or bucket URI");
        assertThat(value(parser, log.get(1))).isEqualTo(event("2024-03-14T18:30:09Z", EventKind.PACKAGE,
                List.of("/data/archive/faces-20240314.tar.gz"), List.of(), List.of(), log.get(1), false));
        assertThat(value(parser, log.get(2))).isEqualTo(event("2024-03-14T18:30:14Z", EventKind.UPLOAD,
                List.of("/data/archive/faces-20240314.tar.gz"),
                List.of("oss://lakeview-faces/archives/2024/03/14/faces-20240314.tar.gz"), List.of(), log.get(2),
                false));
        assertThat(value(parser, log.get(4))).isEqualTo(event("2024-03-14T18:41:36Z", EventKind.DELETE,
                List.of("/data/capture/20240314", "/data/archive/faces-20240314.tar.gz"), List.of(), List.of(),
                log.get(4), false));
    }

    @Test
    void theCaptureServicesLogGivesCapturesAndSkipsMatches() {
        List<String> log = lines("capture.log");
        assertThat(value(parser, log.get(0))).isEqualTo(event("2024-03-14T01:41:07.532Z", EventKind.CAPTURE,
                List.of("/data/capture/20240314/cam01/C2024031400017.jpg"), List.of(), List.of(), log.get(0), false));
        assertThat(skipped(parser, log.get(1))).isEqualTo("no local path, URL or bucket URI");
        assertThat(value(parser, log.get(2)).kind()).isEqualTo(EventKind.CAPTURE);
        assertThat(value(parser, log.get(3)).localPaths())
                .containsExactly("/data/capture/20240314/clips/V20240314_012.mp4");
    }

    @Test
    void epochMillisecondsAndAnHttpUrlAreRead() {
        String line = "1710441005123 INFO PUT https://lakeview-faces.oss-cn-hangzhou.aliyuncs.com/faces/2024/03/14/C1.jpg 200";
        assertThat(value(parser, line)).isEqualTo(event("2024-03-14T18:30:05.123Z", EventKind.UPLOAD, List.of(),
                List.of(), List.of("https://lakeview-faces.oss-cn-hangzhou.aliyuncs.com/faces/2024/03/14/C1.jpg"), line,
                false));
    }

    @Test
    void aCopyTakesItsDirectionFromWhichSideIsRemote() {
        assertThat(value(parser, "2024-03-15 02:30:05 copied /data/x.jpg to s3://b/x.jpg").kind())
                .isEqualTo(EventKind.UPLOAD);
        assertThat(value(parser, "2024-03-15 02:30:05 copied s3://b/x.jpg to /tmp/x.jpg").kind())
                .isEqualTo(EventKind.DOWNLOAD);
        assertThat(value(parser, "2024-03-15 02:30:05 copied s3://a/x.jpg -> cos://b-1250000000/x.jpg").kind())
                .isEqualTo(EventKind.COPY);
        assertThat(value(parser, "2024-03-15 02:30:05 /data/x.jpg => gs://b/x.jpg").kind()).isEqualTo(EventKind.UPLOAD);
    }

    @Test
    void aDownloadNamesTheObjectAndWhereItWent() {
        String line = "[2024-03-16 10:02:44] downloaded oss://lakeview-faces/faces/2024/03/14/C1.jpg to /tmp/review/C1.jpg";
        assertThat(value(parser, line)).isEqualTo(event("2024-03-16T02:02:44Z", EventKind.DOWNLOAD,
                List.of("/tmp/review/C1.jpg"), List.of("oss://lakeview-faces/faces/2024/03/14/C1.jpg"), List.of(),
                line, false));
    }

    @Test
    void windowsPathsAreLocalPaths() {
        assertThat(value(parser, "2024-03-15 02:30:05 saved D:\\capture\\cam01\\x.jpg").localPaths())
                .containsExactly("D:\\capture\\cam01\\x.jpg");
    }

    @Test
    void wordsInsidePathsAreNotVerbs() {
        assertThat(skipped(parser, "2024-03-15 02:30:05 scanning /data/upload/deleted/x.jpg"))
                .isEqualTo("no word saying what happened to the file");
    }

    @Test
    void aSummaryWithZeroErrorsIsNotAFailure() {
        assertThat(value(parser, "2024-03-15 02:41:36 uploaded 150 files to oss://lakeview-faces/faces/, errors: 0")
                .failed()).isFalse();
    }

    @Test
    void aLineWithoutATimeIsSkipped() {
        assertThat(skipped(parser, "uploaded /data/x.jpg -> oss://b/x.jpg")).isEqualTo("no time at the start of the line");
        assertThat(parser.recognizes("uploaded /data/x.jpg -> oss://b/x.jpg")).isFalse();
    }

    @Property
    void anyLineGivesAnEventOrASkipNeverAnException(@ForAll("appLines") String line) {
        assertThatCode(() -> {
            parser.parse(line);
            parser.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> appLines() {
        List<String> all = new ArrayList<>(lines("upload.log"));
        all.addAll(lines("capture.log"));
        all.addAll(lines("app-zh.log"));
        all.add("1710441005.123 saved /data/x.jpg");
        all.add("[15/Mar/2024:02:30:05 +0800] uploaded C:\\x.jpg -> s3://b/x");
        return TextVariants.of(all);
    }
}
