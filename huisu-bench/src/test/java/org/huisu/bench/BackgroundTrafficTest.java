package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.cloudlog.AccessKind;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.cloudlog.ObjectAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundTrafficTest {

    private static final int LINES = 20_000;
    private static final List<BackgroundTraffic.RealObject> REAL = List.of(
            new BackgroundTraffic.RealObject("faces/2024/03/06/cam02_20240306143101_000013.jpg", 14_213),
            new BackgroundTraffic.RealObject("archives/faces-20240306.tar.gz", 2_604_118));

    @TempDir
    Path folder;

    private List<ObjectAccess> written() throws IOException {
        BackgroundTraffic.Made made = BackgroundTraffic.write(folder, LINES, REAL, LocalDate.of(2024, 3, 6), 2, 7);
        LineParser<ObjectAccess> parser = CloudLogFormats.named("s3-access-log").orElseThrow();
        List<ObjectAccess> parsed = new ArrayList<>();
        for (Path file : made.files()) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Parsed<ObjectAccess> result = parser.parse(line);
                assertThat(result).as(line).isInstanceOf(Parsed.Value.class);
                parsed.add(((Parsed.Value<ObjectAccess>) result).value());
            }
        }
        assertThat(parsed).hasSize(LINES);
        return parsed;
    }

    @Test
    void everyLineIsAnS3RecordThatBecomesAnActivity() throws IOException {
        assertThat(written()).extracting(ObjectAccess::kind).allMatch(k -> k == AccessKind.UPLOAD
                || k == AccessKind.DOWNLOAD || k == AccessKind.LIST).contains(AccessKind.UPLOAD, AccessKind.DOWNLOAD,
                AccessKind.LIST);
    }

    @Test
    void aShareOfTheLinesFetchOrOverwriteTheCasesOwnObjectsFromElsewhere() throws IOException {
        List<ObjectAccess> parsed = written();
        List<ObjectAccess> real = parsed.stream().filter(a -> REAL.stream().anyMatch(o -> o.key().equals(a.key())))
                .toList();
        assertThat(real.size()).isBetween(LINES * BackgroundTraffic.REAL_PER_MILLE / 2000,
                LINES * BackgroundTraffic.REAL_PER_MILLE * 2 / 1000);
        assertThat(real).extracting(ObjectAccess::kind).contains(AccessKind.UPLOAD, AccessKind.DOWNLOAD);
        assertThat(parsed).extracting(ObjectAccess::bucket).containsOnly("lakeview-faces");
        assertThat(parsed.stream().map(ObjectAccess::remoteAddress).distinct().count()).isGreaterThan(1000);
    }

    @Test
    void theTimesOnlyGoForwardFromFileToFile() throws IOException {
        Instant previous = Instant.MIN;
        for (ObjectAccess a : written()) {
            assertThat(a.time()).isAfterOrEqualTo(previous);
            previous = a.time();
        }
    }
}
