package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoAccessTest {

    @TempDir
    Path folder;

    @Test
    void theCountsComeFromTheReportsGeneralSection() throws IOException {
        // the head of a report GoAccess 1.7 wrote with every panel ignored
        Path report = Files.writeString(folder.resolve("goaccess.json"), "{\"general\": {\"date_time\": "
                + "\"2026-11-30 00:07:55 +0000\", \"total_requests\": 311951, \"valid_requests\": 302748, "
                + "\"failed_requests\": 9203, \"generation_time\": 3, \"unique_visitors\": 0, \"log_size\": 209714649, "
                + "\"bandwidth\": 180025112039, \"log_path\": [\"s3.log\"]}}");
        assertThat(GoAccess.counts(report)).isEqualTo(new GoAccess.Counts(311951, 302748, 9203));
    }

    @Test
    void aReportWithoutCountsStopsTheBenchmark() throws IOException {
        Path report = Files.writeString(folder.resolve("goaccess.json"), "{\"general\": {}}");
        assertThatThrownBy(() -> GoAccess.counts(report)).isInstanceOf(BenchmarkFailure.class)
                .hasMessageContaining("total_requests");
    }
}
