package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huisu.bench.GnuTime.Measurement;

/**
 * Correlation at the scale, from the same run: a case of about 1,000,000 activities and
 * 200,000 artifacts (the sample case, its bucket's other traffic and a file share, see
 * {@link ScaleCase}) correlated in a JVM of its own with a 2 GiB heap, then {@code chain} and two
 * {@code trace} walks answered in another fresh JVM; beside them the anchor, the sqlite3 shell
 * running on the same database the two grouping queries a naive correlation would start with —
 * the floor of touching that much data once. A missed target is printed, not failed; a case that
 * did not reach its size, a walk that found nothing, or a child that failed for another reason
 * than its heap fails the run.
 */
public final class CorrelationBenchmark {

    static final double TARGET_SECONDS = 60;
    static final double TARGET_HEAP_MIB = 2048;
    static final double TARGET_ANSWER_MILLIS = 1000;
    /** The heap a correlation that ran out of --heap is run again with, to tell how much it needs and how long it takes. */
    static final String RETRY_HEAP = "8g";

    static final String ANCHOR_SQL = """
            SELECT sha256, count(*) FROM artifacts WHERE sha256 IS NOT NULL GROUP BY sha256 HAVING count(*) > 1;
            SELECT json_extract(attributes,'$.remoteAddress'), count(*) FROM activities GROUP BY 1;
            """;

    private final CorrelationOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final List<String> failures = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private Path work;
    private GnuTime gnuTime;

    /** One correlation run in its child JVM: what it printed, parsed, and what GNU time saw; null figures when it failed. */
    private record Correlated(String heap, Measurement time, Map<String, String> figures, String failure,
            List<String> stages, CaseExtraction.HeapUse gc) {

        boolean finished() {
            return failure == null;
        }

        double seconds() {
            return Long.parseLong(figures.get("elapsedNanos")) / 1e9;
        }

        double peakHeapMib() {
            return Long.parseLong(figures.get("peakHeapBytes")) / (double) (1 << 20);
        }
    }

    /** A walk {@code trace} is timed on: its name in the child's figures, its direction, where it starts, its row. */
    private record Walk(String name, String direction, String ref, String figure) {

        String argument() {
            return name + ":" + direction + ":" + ref;
        }
    }

    private CorrelationBenchmark(CorrelationOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchMain.run(args, CorrelationOptions::parse, CorrelationOptions.USAGE,
                options -> new CorrelationBenchmark(options).run());
    }

    /** True when every check held; a missed target leaves it true. */
    private boolean run() throws IOException, InterruptedException, SQLException {
        checkPrerequisites();
        WorkFolder folder = WorkFolder.open(options.work());
        work = folder.path();
        boolean finished = false;
        try {
            Path scratch = Files.createDirectories(work.resolve("scratch"));
            gnuTime = new GnuTime(scratch);
            checkSpace();
            describeMachine();

            out.println();
            ScaleCase.Built built = new ScaleCase(options, out).build(work);
            describeCase(built);
            Path db = built.caseFolder().resolve("case.db");

            out.println();
            out.print("anchor: the sqlite3 shell, the two grouping queries on case.db ...");
            Path anchorOut = scratch.resolve("anchor.txt");
            Measurement anchor = gnuTime.run(List.of("sqlite3", db.toString(), ANCHOR_SQL), work,
                    Redirect.to(anchorOut.toFile()));
            long anchorRows;
            try (var lines = Files.lines(anchorOut, StandardCharsets.UTF_8)) {
                anchorRows = lines.count();
            }
            out.printf(" %.2f s, %,d rows out, peak RSS %.0f MB%n", anchor.wallSeconds(), anchorRows,
                    anchor.peakRssMegabytes());

            out.printf("correlating in a JVM of its own (-Xmx%s -XX:+UseSerialGC) ...%n", options.heap());
            Correlated correlated = correlate(built, options.heap());
            Correlated retried = null;
            if (!correlated.finished()) {
                out.println("  did not finish: " + correlated.failure());
                if (correlated.failure().contains("OutOfMemoryError")
                        && options.heapBytes() < OptionValues.size("--heap", RETRY_HEAP)) {
                    out.printf("correlating again with -Xmx%s, to see what it needs ...%n", RETRY_HEAP);
                    retried = correlate(built, RETRY_HEAP);
                    if (!retried.finished()) {
                        out.println("  did not finish either: " + retried.failure());
                    }
                }
            }
            Correlated done = correlated.finished() ? correlated : retried != null && retried.finished() ? retried
                    : null;
            if (done == null) {
                failures.add("correlation did not finish: " + (retried != null ? retried : correlated).failure());
            }
            Map<String, Long> byLinker = done == null ? Map.of() : relationsByLinker(db);

            List<Walk> walks = List.of(
                    new Walk("upstream", "UPSTREAM", built.objectRef(), "trace up from a bucket photo, ms"),
                    new Walk("database", "DOWNSTREAM", built.databaseRef(), "trace down from the face db, ms"),
                    new Walk("script", "DOWNSTREAM", built.scriptRef(), "trace down from the upload script, ms"));
            Map<String, String> answers = null;
            if (done != null) {
                out.printf("chain and trace in a fresh JVM (the launcher's -Xmx1g), %d runs each ...", options.runs());
                Path answersOut = scratch.resolve("answers.txt");
                List<String> command = java("-Xmx1g", ChainAndTrace.class.getName(), built.caseFolder().toString(),
                        Integer.toString(options.runs()));
                walks.forEach(w -> command.add(w.argument()));
                Measurement m = gnuTime.run(command, work, Redirect.to(answersOut.toFile()));
                answers = figures(Files.readAllLines(answersOut, StandardCharsets.UTF_8), ChainAndTrace.RESULT);
                out.printf(" %.1f s in all, peak RSS %.0f MB%n", m.wallSeconds(), m.peakRssMegabytes());
                checkAnswers(answers, built);
            }

            report(built, anchor, correlated, retried, byLinker, walks, answers);
            finished = BenchMain.closing(out, failures);
            return finished;
        } finally {
            folder.cleanUp(options.keep(), finished, out, "world/ (the sample case), traffic/, share/, case/, scratch/");
        }
    }

    private void checkPrerequisites() {
        if (!Files.isExecutable(GnuTime.PROGRAM)) {
            throw new BenchmarkFailure(GnuTime.PROGRAM + " is missing: install the Debian package 'time'");
        }
        Machine.need(List.of("sqlite3"), "sqlite3");
    }

    /** The log, the share, the sample case and a case database holding all of them, with room to spare. */
    private void checkSpace() throws IOException {
        long needed = 2L * options.activities() * 1000 + 12L * options.artifacts() * 1024 + (2L << 30);
        long free = Files.getFileStore(work).getUsableSpace();
        if (free < needed) {
            throw new BenchmarkFailure(work + " has " + (free >> 20) + " MiB free; the case needs about "
                    + (needed >> 20) + " MiB: give --work on a larger disk or smaller sizes");
        }
    }

    private void describeMachine() throws IOException, InterruptedException {
        out.printf("machine: %d cores, %s, %s of memory; %s; work folder %s on %s (%s)%n", Machine.cores(),
                Machine.cpuModel(), Machine.gib(Machine.memoryBytes()), Machine.java(), work,
                Files.getFileStore(work).name(), Files.getFileStore(work).type());
        out.println("this JVM (builds the case): " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.println("sqlite3: " + GnuTime.output(List.of("sqlite3", "--version"), work).lines().findFirst()
                .orElse("").trim());
        out.println("load average over the last minute before the runs: " + Machine.loadAverage());
    }

    private void describeCase(ScaleCase.Built built) {
        out.printf("%nthe case: %,d activities (SELECT count(*) FROM activities), %,d artifacts (FROM artifacts)%n",
                built.activities(), built.artifacts());
        out.printf("  %-16s %12s %12s%n", "source", "artifacts", "activities");
        built.bySource().forEach((label, n) -> out.printf("  %-16s %,12d %,12d%n", label, n[0], n[1]));
        out.printf("  trace from: %s (a face photo of the bucket the phone's app holds), upstream;%n"
                + "              %s and %s, downstream%n", built.objectRef(), built.databaseRef(), built.scriptRef());
        if (built.activities() < 0.9 * options.activities()) {
            failures.add("the case holds " + built.activities() + " activities, not about " + options.activities()
                    + ": not every access-log line became an activity");
        }
        if (built.artifacts() < 0.9 * options.artifacts()) {
            failures.add("the case holds " + built.artifacts() + " artifacts, not about " + options.artifacts());
        }
    }

    /** Correlation in its JVM under GNU time, with its collections logged; a failure is returned, not thrown. */
    private Correlated correlate(ScaleCase.Built built, String heap) throws IOException, InterruptedException {
        Path scratch = work.resolve("scratch");
        Path output = scratch.resolve("correlate-" + heap + ".txt");
        Path gcLog = scratch.resolve("correlate-" + heap + "-gc.log");
        List<String> command = java("-Xmx" + heap, CorrelateCase.class.getName(), built.caseFolder().toString());
        if (!gcLog.toString().contains(" ")) {
            command.add(1, "-Xlog:gc:file=" + gcLog);
        }
        Measurement m;
        try {
            m = gnuTime.run(command, work, Redirect.to(output.toFile()));
        } catch (BenchmarkFailure e) {
            String message = e.getMessage();
            String reason = message.contains("OutOfMemoryError") ? "java.lang.OutOfMemoryError (-Xmx" + heap + ")"
                    : message;
            return new Correlated(heap, null, Map.of(), reason, List.of(), heapUse(gcLog));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<String> stages = lines.stream().filter(l -> l.startsWith("  ")).toList();
        stages.forEach(out::println);
        Map<String, String> figures = figures(lines, CorrelateCase.RESULT);
        return new Correlated(heap, m, figures, null, stages, heapUse(gcLog));
    }

    private static CaseExtraction.HeapUse heapUse(Path gcLog) throws IOException {
        return Files.isRegularFile(gcLog) ? CaseExtraction.heapUse(Files.readAllLines(gcLog, StandardCharsets.UTF_8))
                : new CaseExtraction.HeapUse(0, 0, -1, -1);
    }

    /** This JVM's java and class path, with the launcher's collector and the heap given, running {@code main}. */
    private static List<String> java(String heapOption, String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms32m", heapOption, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                main));
        command.addAll(List.of(args));
        return command;
    }

    /** The {@code key=value} pairs of the child's result line. */
    private static Map<String, String> figures(List<String> lines, String tag) {
        for (String line : lines) {
            if (line.startsWith(tag + " ")) {
                Map<String, String> m = new HashMap<>();
                for (String pair : line.substring(tag.length() + 1).split(" ")) {
                    int eq = pair.indexOf('=');
                    m.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return m;
            }
        }
        throw new BenchmarkFailure("the child printed no '" + tag + "' line:\n" + String.join("\n", lines));
    }

    /**
     * The sample case's own path back from the app to the office must be there to be walked; the
     * other walks are timed whatever they find (the number of hops is printed with them).
     */
    private void checkAnswers(Map<String, String> a, ScaleCase.Built built) {
        if (Long.parseLong(a.get("chainItems")) == 0) {
            failures.add("chain: the correlated case holds no chain");
        }
        if (Long.parseLong(a.get("upstreamItems")) == 0) {
            failures.add("trace " + built.objectRef() + " upstream found nothing");
        }
    }

    private static Map<String, Long> relationsByLinker(Path db) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT linker, count(*) FROM relations GROUP BY linker ORDER BY 2 DESC")) {
            while (r.next()) {
                m.put(r.getString(1), r.getLong(2));
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ report

    private void row(String figure, String ours, String target, String anchor, Boolean met) {
        rows.add(new String[] {figure, ours, target, anchor, met == null ? "-" : met ? "PASS" : "FAIL"});
    }

    private void report(ScaleCase.Built built, Measurement anchor, Correlated correlated, Correlated retried,
            Map<String, Long> byLinker, List<Walk> walks, Map<String, String> answers) {
        String anchorFigure = String.format("sqlite3 %.2f s", anchor.wallSeconds());
        if (correlated.finished()) {
            row("correlation, s", String.format("%.1f", correlated.seconds()), String.format("<= %.0f", TARGET_SECONDS),
                    anchorFigure, correlated.seconds() <= TARGET_SECONDS);
            row("peak heap used, MiB", String.format("%.0f", correlated.peakHeapMib()),
                    String.format("< %.0f", TARGET_HEAP_MIB), String.format("sqlite3 RSS %.0f MB",
                            anchor.peakRssMegabytes()), correlated.peakHeapMib() < TARGET_HEAP_MIB);
        } else {
            String more = retried != null && retried.finished() ? String.format(" (-Xmx%s: %.1f)", RETRY_HEAP,
                    retried.seconds()) : "";
            row("correlation, s", "no result" + more, String.format("<= %.0f", TARGET_SECONDS), anchorFigure, false);
            String heapMore = retried != null && retried.finished() ? String.format(" (-Xmx%s: %.0f)", RETRY_HEAP,
                    retried.peakHeapMib()) : "";
            row("peak heap used, MiB", "> " + correlated.heap() + heapMore, String.format("< %.0f", TARGET_HEAP_MIB),
                    String.format("sqlite3 RSS %.0f MB", anchor.peakRssMegabytes()), false);
        }
        if (answers != null) {
            answer("chain, ms", answers, "chain", "chains");
            for (Walk w : walks) {
                answer(w.figure(), answers, w.name(), "hops");
            }
        } else {
            row("chain, ms", "not run", String.format("< %.0f", TARGET_ANSWER_MILLIS), "-", false);
            walks.forEach(w -> row(w.figure(), "not run", String.format("< %.0f", TARGET_ANSWER_MILLIS), "-", false));
        }

        out.println();
        out.printf("Correlation on %,d activities and %,d artifacts (the sample case, %,d face records over %d days,"
                + " plus %,d access-log lines and %,d small files), %d cores%n", built.activities(), built.artifacts(),
                options.records(), options.days(), built.traffic().lines(), built.share().files(), Machine.cores());
        String row = "%-38s %-26s %-10s %-22s %s%n";
        out.printf(row, "figure", "ours", "target", "anchor", "");
        rows.forEach(r -> out.printf(row, (Object[]) r));
        out.printf("anchor: sqlite3 grouping queries %.2f s%n", anchor.wallSeconds());
        out.println("(chain and trace: first run in a fresh JVM | best of " + options.runs() + ", judged on the first;"
                + " a missed target is a FAIL here and leaves the exit status 0)");

        out.println();
        out.println("details:");
        for (Correlated c : retried == null ? List.of(correlated) : List.of(correlated, retried)) {
            if (!c.finished()) {
                out.printf("  correlation, -Xmx%s: did not finish (%s); collector: %d collections, %d full, most"
                        + " left after a full one %d MiB%n", c.heap(), c.failure(), c.gc().collections(),
                        c.gc().fullCollections(), c.gc().maxAfterFullMiB());
                continue;
            }
            out.printf("  correlation, -Xmx%s: %.1f s in the run (loading the case %.1f s), %.1f s for the whole JVM;"
                    + " %s relations, %s chains; peak RSS %.0f MB; collector: %d collections (%s ms), %d full, most"
                    + " left after a full one %d MiB%n", c.heap(), c.seconds(),
                    Long.parseLong(c.figures().get("loadNanos")) / 1e9, c.time().wallSeconds(),
                    c.figures().get("relations"), c.figures().get("chains"), c.time().peakRssMegabytes(),
                    c.gc().collections(), c.figures().get("gcMillis"), c.gc().fullCollections(),
                    c.gc().maxAfterFullMiB());
        }
        if (!byLinker.isEmpty()) {
            StringBuilder b = new StringBuilder("  relations in the case by linker:");
            byLinker.forEach((l, n) -> b.append(String.format(" %s %,d;", l, n)));
            out.println(b.substring(0, b.length() - 1));
        }
        if (answers != null) {
            out.printf("  chain: %s chains, %s characters of JSON; the case opened in %.0f ms before (not counted)%n",
                    answers.get("chainItems"), answers.get("chainJson"), Long.parseLong(answers.get("openNanos")) / 1e6);
            for (Walk w : walks) {
                out.printf("  trace %s %s: %s hops, %s characters of JSON%n", w.ref(),
                        w.direction().toLowerCase(Locale.ROOT), answers.get(w.name() + "Items"),
                        answers.get(w.name() + "Json"));
            }
        }
        out.printf("  the traffic: %,d lines (%,d to the case's own objects) in %,d hourly files; the share: %,d"
                + " files in %,d folders, %,d of them copies%n", built.traffic().lines(),
                built.traffic().toRealObjects(), built.traffic().files().size(), built.share().files(),
                built.share().folders(), built.share().copies());
    }

    /** A row for one of chain and trace, judged on its first run: what a command-line user waits for. */
    private void answer(String figure, Map<String, String> a, String name, String items) {
        double first = Long.parseLong(a.get(name + "FirstNanos")) / 1e6;
        double best = Long.parseLong(a.get(name + "BestNanos")) / 1e6;
        row(figure, String.format("%.0f | %.0f (%s %s)", first, best, a.get(name + "Items"), items),
                String.format("< %.0f", TARGET_ANSWER_MILLIS), "-", first < TARGET_ANSWER_MILLIS);
    }
}
