package org.huisu.bench;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.bench.GnuTime.Measurement;

/**
 * A log extracted into a case as a user does it — {@code huisu case init}, {@code huisu source add}
 * of the folder holding the log, {@code huisu analyze --only file-type,FORMAT} — with the JVM's heap
 * bounded and its collections logged, each step under GNU time; then what the case holds, read from
 * its database.
 */
final class CaseExtraction {

    /** A collection as {@code -Xlog:gc} writes it: {@code Pause Young (Allocation Failure) 69M->3M(247M) 2.1ms}. */
    private static final Pattern COLLECTION = Pattern.compile("Pause (\\w+) .*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * The heap as the serial collector saw it: how many collections, how many of them full, the most
     * left after a full one (what was live; after a young one the old generation's garbage is still
     * counted), and the most committed. -1 where no figure was logged.
     */
    record HeapUse(int collections, int fullCollections, long maxAfterFullMiB, long maxCommittedMiB) {
    }

    /** What the case holds after the analysis, and what it took. */
    record Result(Measurement sourceAdd, Measurement analyze, long activities, Map<String, Long> activitiesByKind,
            Map<String, String> processing, List<String> errors, HeapUse heap) {
    }

    private final Path huisu;
    private final GnuTime gnuTime;
    private final String heap;

    CaseExtraction(Path huisu, GnuTime gnuTime, String heap) {
        this.huisu = huisu;
        this.gnuTime = gnuTime;
        this.heap = heap;
    }

    /**
     * Extracts the logs in {@code logs} into a new case at {@code caseFolder} with the extractor
     * {@code extractor}; GC log and analyze output go beside the case.
     */
    Result run(Path logs, Path caseFolder, String extractor) throws IOException, InterruptedException {
        Path dir = caseFolder.getParent();
        Path gcLog = dir.resolve(caseFolder.getFileName() + "-gc.log");
        // the launcher splits HUISU_JAVA_OPTS at blanks
        String gcOption = gcLog.toString().contains(" ") ? "" : " -Xlog:gc:file=" + gcLog;
        Map<String, String> environment = Map.of("HUISU_JAVA_OPTS", "-Xmx" + heap + " -XX:+UseSerialGC" + gcOption);
        GnuTime.output(List.of(huisu.toString(), "case", "init", caseFolder.toString(), "--name",
                "huisu-bench " + extractor, "--examiner", "huisu-bench"), dir);
        Measurement add = gnuTime.run(List.of(huisu.toString(), "source", "add", caseFolder.toString(),
                logs.toString(), "--label", "logs", "--kind", "logs"), dir,
                Redirect.to(dir.resolve(caseFolder.getFileName() + "-source-add.txt").toFile()), environment);
        Measurement analyze = gnuTime.run(List.of(huisu.toString(), "analyze", caseFolder.toString(), "--only",
                "file-type," + extractor), dir, Redirect.to(dir.resolve(caseFolder.getFileName() + "-analyze.txt")
                .toFile()), environment);
        HeapUse heapUse = Files.isRegularFile(gcLog) ? heapUse(Files.readAllLines(gcLog, StandardCharsets.UTF_8))
                : new HeapUse(0, 0, -1, -1);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + caseFolder.resolve("case.db"));
                Statement s = db.createStatement()) {
            Map<String, Long> byKind = new TreeMap<>();
            long total = 0;
            try (ResultSet r = s.executeQuery("SELECT kind, count(*) FROM activities WHERE extractor = '" + extractor
                    + "' GROUP BY kind")) {
                while (r.next()) {
                    byKind.put(r.getString(1), r.getLong(2));
                    total += r.getLong(2);
                }
            }
            Map<String, String> processing = new TreeMap<>();
            try (ResultSet r = s.executeQuery("SELECT plugin, state FROM processing")) {
                while (r.next()) {
                    processing.merge(r.getString(1), r.getString(2), (a, b) -> a + "," + b);
                }
            }
            List<String> errors = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT plugin, code, occurrences, message, examples FROM extraction_errors ORDER BY id")) {
                while (r.next()) {
                    errors.add(r.getString(1) + " " + r.getString(2) + " ×" + r.getLong(3) + ": " + r.getString(4)
                            + (r.getString(5) == null ? "" : " " + r.getString(5)));
                }
            }
            return new Result(add, analyze, total, byKind, processing, errors, heapUse);
        } catch (SQLException e) {
            throw new BenchmarkFailure(caseFolder.resolve("case.db") + ": cannot read the case (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The heap figures of a {@code -Xlog:gc} log. */
    static HeapUse heapUse(List<String> gcLog) {
        int collections = 0;
        int full = 0;
        long afterFull = -1;
        long committed = -1;
        for (String line : gcLog) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                collections++;
                if (m.group(1).equals("Full")) {
                    full++;
                    afterFull = Math.max(afterFull, Long.parseLong(m.group(3)));
                }
                committed = Math.max(committed, Long.parseLong(m.group(4)));
            }
        }
        return new HeapUse(collections, full, afterFull, committed);
    }
}
