package org.huisu.formats.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huisu.formats.cloudlog.RecordFields.fixture;
import static org.huisu.formats.cloudlog.RecordFields.fixtureLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huisu.formats.LineParser;
import org.junit.jupiter.api.Test;

class CloudLogFormatsTest {

    private static final String COS_LINE = String.join("\t", "1.0", "examplebucket-1250000000", "ap-beijing",
            "2018-12-01T11:02:33Z", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", "GetObject", "192.168.0.1",
            "AKIDNYVCdoJQyGJ5b1234", "-", "0", "0", "/folder/text.txt", "get", "cos-go-sdk-v5.2.9", "200", "-", "-", "808",
            "12", "USER", "STANDARD", "100000000001", "10", "100000000001:100000000001", "NWQ1ZjY4", "808", "-",
            "STANDARD", "-", "\"GET /folder/text.txt HTTP/1.1\"", "-");

    private static Optional<String> detected(List<String> lines) {
        return CloudLogFormats.detect(lines).map(LineParser::name);
    }

    @Test
    void theFourFormatsHaveTheirOwnNames() {
        assertThat(CloudLogFormats.all().stream().map(LineParser::name).toList())
                .containsExactly("s3-access-log", "oss-access-log", "cos-access-log", "minio-audit-log");
        assertThat(CloudLogFormats.named("cos-access-log")).containsInstanceOf(CosAccessLogParser.class);
        assertThat(CloudLogFormats.named("apache-access-log")).isEmpty();
    }

    @Test
    void eachSampleIsDetectedAsItsFormat() {
        assertThat(detected(fixtureLines("s3-server-access.log"))).contains("s3-access-log");
        assertThat(detected(fixtureLines("oss-access.log"))).contains("oss-access-log");
        assertThat(detected(List.of(COS_LINE, COS_LINE.replace('\t', ' ')))).contains("cos-access-log");
        assertThat(detected(fixtureLines("minio-audit.jsonl"))).contains("minio-audit-log");
    }

    @Test
    void aPrettyPrintedMinioEntryIsDetectedFromItsFirstLines() {
        assertThat(detected(fixture("minio-audit.json").lines().limit(10).toList())).contains("minio-audit-log");
    }

    @Test
    void eachSampleLineIsRecognizedByItsOwnParserOnly() {
        Map<String, String> lines = Map.of("s3-access-log", fixtureLines("s3-server-access.log").get(8),
                "oss-access-log", fixtureLines("oss-access.log").get(0), "cos-access-log", COS_LINE,
                "minio-audit-log", fixtureLines("minio-audit.jsonl").get(0));
        lines.forEach((format, line) -> assertThat(CloudLogFormats.all().stream().filter(p -> p.recognizes(line))
                .map(LineParser::name).toList()).as(format).containsExactly(format));
    }

    @Test
    void blankLinesDoNotCount() {
        List<String> lines = new ArrayList<>(List.of("", "  "));
        lines.addAll(fixtureLines("oss-access.log"));
        lines.add("\t");
        assertThat(detected(lines)).contains("oss-access-log");
    }

    @Test
    void aFileWhereNoFormatHasAMajorityIsNotDetected() {
        List<String> s3 = fixtureLines("s3-server-access.log");
        assertThat(detected(List.of(s3.get(0), "not a log line", "nor this", "nor this"))).isEmpty();
        assertThat(detected(List.of(s3.get(0), fixtureLines("oss-access.log").get(0)))).isEmpty();
        assertThat(detected(List.of("127.0.0.1 - - [03/Jan/2021:14:59:49 +0800] \"GET / HTTP/1.0\" 200 9"))).isEmpty();
        assertThat(detected(List.of())).isEmpty();
        assertThat(detected(List.of("", " "))).isEmpty();
    }
}
