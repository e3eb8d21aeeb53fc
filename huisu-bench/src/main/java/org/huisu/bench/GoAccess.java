package org.huisu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huisu.bench.SyntheticAccessLog.Format;

/**
 * GoAccess (the Debian package goaccess), the anchor: the command that has it parse a log of either
 * format into a throw-away JSON report, and the request counts that report gives, to check that it
 * read the lines and not merely skipped them.
 */
final class GoAccess {

    /** GoAccess 1.7's panels; each one left out is a hash table it need not fill for every line. */
    static final List<String> PANELS = List.of("VISITORS", "REQUESTS", "REQUESTS_STATIC", "NOT_FOUND", "HOSTS", "OS",
            "BROWSERS", "VISIT_TIMES", "VIRTUAL_HOSTS", "REFERRERS", "REFERRING_SITES", "KEYPHRASES", "STATUS_CODES",
            "REMOTE_USER", "CACHE_STATUS", "GEO_LOCATION", "MIME_TYPE", "TLS_TYPE");

    /**
     * An OSS line's head is the combined log format's with the referer and user agent after the
     * request time: {@code 192.168.0.1 - - [03/Jan/2021:14:59:49 +0800] "GET /k HTTP/1.0" 200 999131
     * 127 "referer" "agent"}; {@code %^} skips the two reserved fields, the zone and the rest of the
     * line (OSS's own fields, which GoAccess has no place for).
     */
    static final String OSS_LOG_FORMAT = "%h %^[%d:%t %^] \"%r\" %s %b %L \"%R\" \"%u\" %^";

    /** What the JSON report's {@code general} section says GoAccess read. */
    record Counts(long total, long valid, long failed) {
    }

    private GoAccess() {
    }

    /**
     * GoAccess over {@code log} into {@code report} (a .json file): S3 with its predefined AWSS3
     * format, OSS with {@link #OSS_LOG_FORMAT}. Without {@code panels} it fills none of its panels,
     * so that what is timed is its parsing (and its general counts) rather than its report.
     */
    static List<String> command(Format format, Path log, Path report, boolean panels) {
        List<String> command = new ArrayList<>(List.of("goaccess", log.toString(), "--no-global-config",
                "--no-progress", "-o", report.toString()));
        switch (format) {
            case S3 -> command.addAll(List.of("--log-format=AWSS3", "--date-format=AWSS3", "--time-format=AWSS3"));
            case OSS -> command.addAll(List.of("--log-format=" + OSS_LOG_FORMAT, "--date-format=%d/%b/%Y",
                    "--time-format=%H:%M:%S"));
            default -> throw new IllegalStateException(format.name());
        }
        if (!panels) {
            PANELS.forEach(p -> command.add("--ignore-panel=" + p));
        }
        return command;
    }

    static Counts counts(Path report) throws IOException {
        JsonNode general = new ObjectMapper().readTree(report.toFile()).path("general");
        if (!general.has("total_requests")) {
            throw new BenchmarkFailure("GoAccess's report " + report + " has no general.total_requests");
        }
        return new Counts(general.path("total_requests").asLong(), general.path("valid_requests").asLong(),
                general.path("failed_requests").asLong());
    }

    static String version() throws IOException, InterruptedException {
        return GnuTime.output(List.of("goaccess", "--version"), Path.of(".")).lines()
                .filter(l -> l.startsWith("GoAccess")).findFirst().orElse("GoAccess ?").trim();
    }
}
