package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huisu.bench.SyntheticAccessLog.Format;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.cloudlog.AccessKind;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.cloudlog.ObjectAccess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticAccessLogTest {

    private static final int LINES = 5_000;

    @TempDir
    Path folder;

    private static List<ObjectAccess> parsedLines(Format format, List<AccessKind> expected) {
        LineParser<ObjectAccess> parser = CloudLogFormats.named(format.parserName).orElseThrow();
        SyntheticAccessLog.Lines lines = new SyntheticAccessLog.Lines(format, 7);
        List<ObjectAccess> parsed = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            line.setLength(0);
            expected.add(lines.next(line));
            Parsed<ObjectAccess> result = parser.parse(line.toString());
            assertThat(result).as(line.toString()).isInstanceOf(Parsed.Value.class);
            parsed.add(((Parsed.Value<ObjectAccess>) result).value());
        }
        return parsed;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyLineParsesToTheKindItWasWrittenAs(Format format) {
        List<AccessKind> expected = new ArrayList<>();
        List<ObjectAccess> parsed = parsedLines(format, expected);
        for (int i = 0; i < LINES; i++) {
            assertThat(parsed.get(i).kind()).as("line %d, %s", i + 1, parsed.get(i).operation())
                    .isEqualTo(expected.get(i));
        }
        assertThat(expected).contains(AccessKind.UPLOAD, AccessKind.UPLOAD_PART, AccessKind.DOWNLOAD,
                AccessKind.DELETE, AccessKind.LIST, AccessKind.METADATA, AccessKind.OTHER);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theLinesHoldWhatRealLogsHold(Format format) {
        List<ObjectAccess> parsed = parsedLines(format, new ArrayList<>());
        assertThat(parsed).extracting(ObjectAccess::status).contains(200, 204, 403, 404);
        assertThat(parsed).extracting(ObjectAccess::key).anySatisfy(k -> assertThat(k).startsWith("人脸/访客/"));
        assertThat(parsed).extracting(ObjectAccess::userAgent).anySatisfy(ua -> assertThat(ua).contains(" "));
        assertThat(parsed.stream().map(ObjectAccess::accessKeyId).filter(k -> k != null).distinct()).hasSize(3);
        assertThat(parsed.stream().map(ObjectAccess::remoteAddress).filter(a -> a != null).distinct().count())
                .isGreaterThanOrEqualTo(5);
        Instant previous = Instant.MIN;
        for (ObjectAccess a : parsed) {
            assertThat(a.time()).isAfterOrEqualTo(previous);
            previous = a.time();
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theFileWrittenHoldsTheLinesAndKindsItCounts(Format format) throws IOException {
        Path file = folder.resolve(format.fileName);
        SyntheticAccessLog.Made made = SyntheticAccessLog.write(file, format, 1 << 20, 3);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(made.bytes()).isEqualTo(Files.size(file)).isLessThanOrEqualTo(1 << 20)
                .isGreaterThan((1 << 20) - 4096);
        assertThat(made.lines()).isEqualTo(lines.size());
        LineParser<ObjectAccess> parser = CloudLogFormats.named(format.parserName).orElseThrow();
        Map<AccessKind, Long> kinds = new EnumMap<>(AccessKind.class);
        for (String line : lines) {
            kinds.merge(((Parsed.Value<ObjectAccess>) parser.parse(line)).value().kind(), 1L, Long::sum);
        }
        assertThat(made.kinds()).isEqualTo(kinds);
        assertThat(made.recorded()).isEqualTo(made.of(AccessKind.UPLOAD) + made.of(AccessKind.DOWNLOAD)
                + made.of(AccessKind.DELETE) + made.of(AccessKind.LIST));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSmallerFileOfTheSameSeedIsTheLargerOnesBeginning(Format format) throws IOException {
        SyntheticAccessLog.write(folder.resolve("large"), format, 200_000, 5);
        SyntheticAccessLog.write(folder.resolve("small"), format, 50_000, 5);
        byte[] small = Files.readAllBytes(folder.resolve("small"));
        byte[] large = Files.readAllBytes(folder.resolve("large"));
        assertThat(small).isEqualTo(java.util.Arrays.copyOf(large, small.length));
    }
}
