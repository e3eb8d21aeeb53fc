package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.huisu.bench.GnuTime.Measurement;
import org.huisu.bench.SyntheticAccessLog.Format;
import org.huisu.formats.cloudlog.AccessKind;

/**
 * Extraction of a cloud access log (AWS S3 and Alibaba OSS, 2 GiB each by default) three ways,
 * from the same run: the parser alone in this JVM on one thread, beside {@code wc -l} over the same
 * file (the floor) and GoAccess parsing it (the anchor); and the whole extraction into a case with
 * {@code huisu}, its heap bounded, on the log and on one an eighth its size, to show that memory
 * does not grow with the log. Every line must parse and every upload, download, deletion and listing
 * must be in the case; a missed speed target is printed, not failed.
 */
public final class CloudLogBenchmark {

    static final double TARGET_LINES_PER_SECOND_PER_CORE = 500_000;

    private final CloudLogOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final List<String> failures = new ArrayList<>();
    private Path work;
    private GnuTime gnuTime;
    private CaseExtraction extraction;

    /** The figures of one format. */
    private static final class Figures {
        final Format format;
        SyntheticAccessLog.Made log;
        ParsePass.Passes passes;
        ParsePass.Result parse;
        ParsePass.Result readerAlone;
        Measurement wc;
        Measurement goaccess;
        GoAccess.Counts goaccessCounts;
        Measurement goaccessFullReport;
        CaseExtraction.Result intoCase;
        SyntheticAccessLog.Made smallLog;
        CaseExtraction.Result intoCaseSmall;

        Figures(Format format) {
            this.format = format;
        }
    }

    private CloudLogBenchmark(CloudLogOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchMain.run(args, CloudLogOptions::parse, CloudLogOptions.USAGE, options -> new CloudLogBenchmark(options).run());
    }

    /** True when every check held; a missed target leaves it true. */
    private boolean run() throws IOException, InterruptedException {
        checkPrerequisites();
        WorkFolder folder = WorkFolder.open(options.work());
        work = folder.path();
        boolean finished = false;
        try {
            Path scratch = Files.createDirectories(work.resolve("scratch"));
            gnuTime = new GnuTime(scratch);
            extraction = new CaseExtraction(options.huisu().toAbsolutePath(), gnuTime, options.heap());
            checkSpace();
            describeMachine();
            List<Figures> all = new ArrayList<>();
            for (Format format : options.formats()) {
                all.add(measure(format));
            }
            report(all);
            // the figures are only as good as the machine was quiet: other work slows whichever step it falls on
            out.println("load average over the last minute after the runs: " + Machine.loadAverage());
            finished = failures.isEmpty();
        } finally {
            // after a failure the logs and cases are the evidence of what went wrong
            folder.cleanUp(options.keep(), finished, out, "the logs, the cases and the tools' reports");
        }
        if (!failures.isEmpty()) {
            System.err.println("huisu-bench: FAILED:");
            failures.forEach(f -> System.err.println("  " + f));
        }
        return failures.isEmpty();
    }

    private void checkPrerequisites() {
        if (!Files.isExecutable(GnuTime.PROGRAM)) {
            throw new BenchmarkFailure(GnuTime.PROGRAM + " is missing: install the Debian package 'time'");
        }
        Machine.need(List.of("goaccess"), "goaccess");
        Machine.need(List.of("wc"), null);
        if (!Files.isExecutable(options.huisu())) {
            throw new BenchmarkFailure(options.huisu() + ": no huisu launcher there; build the distribution"
                    + " (./huisu --version in the repository) or give its bin/huisu with --huisu");
        }
    }

    /** Each format's logs and cases are deleted before the next one's are made, unless --keep. */
    private void checkSpace() throws IOException {
        long perFormat = 3 * options.bytes();
        long needed = (options.keep() ? perFormat * options.formats().size() : perFormat) + (512L << 20);
        long free = Files.getFileStore(work).getUsableSpace();
        if (free < needed) {
            throw new BenchmarkFailure(work + " has " + (free >> 20) + " MiB free; the logs and the cases need about "
                    + (needed >> 20) + " MiB: give --work on a larger disk or a smaller --bytes");
        }
    }

    private void describeMachine() throws IOException, InterruptedException {
        out.printf("machine: %d cores, %s, %s of memory; %s; work folder on %s (%s)%n", Machine.cores(),
                Machine.cpuModel(), Machine.gib(Machine.memoryBytes()), Machine.java(),
                Files.getFileStore(work).name(), Files.getFileStore(work).type());
        out.println("this JVM (the parser's): " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.println("load average over the last minute before the runs: " + Machine.loadAverage());
        out.println("huisu:    " + firstLine(GnuTime.output(List.of(huisu(), "--version"), work))
                + " (" + options.huisu() + "), extraction with -Xmx" + options.heap() + " -XX:+UseSerialGC");
        out.println("wc:       " + firstLine(GnuTime.output(List.of("wc", "--version"), work)));
        out.println("goaccess: " + GoAccess.version());
    }

    private Figures measure(Format format) throws IOException, InterruptedException {
        Figures f = new Figures(format);
        Path dir = Files.createDirectories(work.resolve(format.name().toLowerCase(Locale.ROOT)));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        out.println();
        out.printf("%s access log: writing %s ...%n", format.label, Machine.gib(options.bytes()));
        f.log = SyntheticAccessLog.write(logs.resolve(format.fileName), format, options.bytes(), options.seed());
        out.printf("  %s: %,d lines, %,d bytes in %.1f s; %s%n", work.relativize(f.log.file()), f.log.lines(),
                f.log.bytes(), f.log.took().toMillis() / 1000.0, f.log.kinds());

        out.printf("  parser %s, one thread in a JVM of its own, 1 untimed + %d timed runs:", format.parserName,
                options.runs());
        f.passes = ParsePass.inOwnJvm(f.log.file(), format.parserName, options.runs(),
                tag -> out.print(tag.equals("first") ? " (untimed)" : ""));
        f.parse = f.passes.best();
        out.printf(" %s%n", seconds(f.passes.timed()));
        out.printf("  the line reader alone (no parser), the same way:");
        ParsePass.Passes reader = ParsePass.inOwnJvm(f.log.file(), ParsePass.NO_PARSER, options.runs(), tag -> { });
        f.readerAlone = reader.best();
        out.printf(" %s%n", seconds(reader.timed()));
        if (reader.first().lines() != f.log.lines()) {
            failures.add(format.label + ": the line reader read " + reader.first().lines() + " lines; the generator"
                    + " wrote " + f.log.lines());
        }
        // the passes read the same bytes the same way: the first one speaks for all
        checkParse(f, f.passes.first());

        out.print("  wc -l:");
        Path wcOut = work.resolve("scratch").resolve("wc.txt");
        for (int run = 0; run < options.runs(); run++) {
            Measurement m = gnuTime.run(List.of("wc", "-l", f.log.file().toString()), work, Redirect.to(wcOut.toFile()));
            long counted = Long.parseLong(Files.readString(wcOut).trim().split("\\s+")[0]);
            if (counted != f.log.lines()) {
                failures.add(format.label + ": wc -l counted " + counted + " lines, the generator wrote " + f.log.lines());
            }
            out.printf(" %.2f s", m.wallSeconds());
            f.wc = best(f.wc, m);
        }
        out.println();

        out.print("  GoAccess, panels off:");
        Path report = dir.resolve("goaccess.json");
        for (int run = 0; run < options.runs(); run++) {
            Measurement m = gnuTime.run(GoAccess.command(format, f.log.file(), report, false), work, Redirect.DISCARD);
            f.goaccessCounts = GoAccess.counts(report);
            out.printf(" %.2f s", m.wallSeconds());
            f.goaccess = best(f.goaccess, m);
        }
        GoAccess.Counts c = f.goaccessCounts;
        out.printf(" (%,d requests, %,d valid, %,d failed)%n", c.total(), c.valid(), c.failed());
        // a wrong format string would leave GoAccess timing its rejection of every line
        if (c.total() != f.log.lines() || c.valid() < 0.9 * f.log.lines()) {
            failures.add(format.label + ": GoAccess read " + c.total() + " requests, " + c.valid() + " of them valid,"
                    + " of the " + f.log.lines() + " lines: its figure is not a parsing figure");
        }
        out.print("  GoAccess, full report (one run):");
        f.goaccessFullReport = gnuTime.run(GoAccess.command(format, f.log.file(), report, true), work,
                Redirect.DISCARD);
        out.printf(" %.2f s%n", f.goaccessFullReport.wallSeconds());
        Files.deleteIfExists(report);

        out.printf("  into a case, -Xmx%s: source add + analyze ...", options.heap());
        f.intoCase = extraction.run(logs, dir.resolve("case"), format.parserName);
        out.printf(" %.1f s + %.1f s%n", f.intoCase.sourceAdd().wallSeconds(), f.intoCase.analyze().wallSeconds());
        checkCase(f.log, f.intoCase, format, "");

        Path smallDir = Files.createDirectories(work.resolve(dir.getFileName() + "-eighth"));
        Path smallLogs = Files.createDirectories(smallDir.resolve("logs"));
        f.smallLog = SyntheticAccessLog.write(smallLogs.resolve(format.fileName), format, options.smallBytes(),
                options.seed());
        out.printf("  an eighth of it (%,d lines) into a case, -Xmx%s ...", f.smallLog.lines(), options.heap());
        f.intoCaseSmall = extraction.run(smallLogs, smallDir.resolve("case"), format.parserName);
        out.printf(" %.1f s + %.1f s%n", f.intoCaseSmall.sourceAdd().wallSeconds(),
                f.intoCaseSmall.analyze().wallSeconds());
        checkCase(f.smallLog, f.intoCaseSmall, format, " (an eighth)");
        if (!options.keep() && failures.isEmpty()) {
            WorkFolder.delete(dir);
            WorkFolder.delete(smallDir);
        }
        return f;
    }

    private void checkParse(Figures f, ParsePass.Result r) {
        String label = f.format.label + ": the parser";
        if (r.errors() > 0) {
            failures.add(label + " could not read " + r.errors() + " of " + r.lines() + " lines; first: " + r.firstError());
        }
        if (r.lines() != f.log.lines() || r.values() != f.log.lines()) {
            failures.add(label + " read " + r.values() + " records from " + r.lines() + " lines; the generator wrote "
                    + f.log.lines() + " lines");
        }
        if (!r.kinds().equals(f.log.kinds())) {
            failures.add(label + " gave the kinds " + r.kinds() + "; the generator wrote " + f.log.kinds());
        }
    }

    private void checkCase(SyntheticAccessLog.Made log, CaseExtraction.Result r, Format format, String which) {
        String label = format.label + which + ": the case";
        Map<String, Long> expected = new TreeMap<>();
        for (AccessKind k : SyntheticAccessLog.RECORDED) {
            if (log.of(k) > 0) {
                expected.put(k.name(), log.of(k));
            }
        }
        if (r.activities() != log.recorded() || !r.activitiesByKind().equals(expected)) {
            failures.add(label + " holds " + r.activities() + " activities " + r.activitiesByKind() + "; the log has "
                    + log.recorded() + " uploads, downloads, deletions and listings " + expected);
        }
        if (!"DONE".equals(r.processing().get(format.parserName))) {
            failures.add(label + ": the " + format.parserName + " extractor's state is "
                    + r.processing().getOrDefault(format.parserName, "(it never ran)") + ", not DONE");
        }
        if (!r.errors().isEmpty()) {
            failures.add(label + " holds extraction errors: " + String.join("; ", r.errors()));
        }
    }

    /** Whether the extraction finished inside the heap given, with its item done and nothing recorded as failed. */
    private static boolean held(Format format, CaseExtraction.Result r) {
        return r != null && "DONE".equals(r.processing().get(format.parserName)) && r.errors().isEmpty();
    }

    private void report(List<Figures> all) {
        out.println();
        out.printf("Cloud access-log extraction: a %s log of each format (MB = 10^6 bytes); parser, wc -l and GoAccess"
                + " best of %d runs, the page cache warm (each file was just written and read)%n",
                Machine.gib(options.bytes()), options.runs());
        String row = "%-12s %11s %8s %15s %11s %13s %11s %12s %9s%n";
        out.printf(row, "format", "lines", "MB", "parse lines/s", "wc -l", "GoAccess", "into case", "peak RSS MB",
                "-Xmx" + options.heap());
        out.printf(row, "", "", "", "(one core)", "lines/s", "lines/s", "lines/s", "(1/8 | all)", "held");
        for (Figures f : all) {
            out.printf(row, f.format.label, count(f.log.lines()), String.format("%.0f", f.log.bytes() / 1e6),
                    count(f.parse.linesPerSecond()), count(f.log.lines() / f.wc.wallSeconds()),
                    count(f.log.lines() / f.goaccess.wallSeconds()),
                    count(f.log.lines() / f.intoCase.analyze().wallSeconds()),
                    String.format("%.0f | %.0f", f.intoCaseSmall.analyze().peakRssMegabytes(),
                            f.intoCase.analyze().peakRssMegabytes()),
                    held(f.format, f.intoCase) && held(f.format, f.intoCaseSmall) ? "yes" : "no");
        }
        out.println();
        out.println("details:");
        for (Figures f : all) {
            ParsePass.Result p = f.parse;
            ParsePass.Result reader = f.readerAlone;
            out.printf("  %s parser: %.2f s for %,d lines, %.0f MB/s; the thread's CPU time %.2f s (%s lines per CPU"
                    + " second); %s lines/s in the untimed first run; the line reader alone (TextLines, no parsing)"
                    + " %.2f s, %s lines/s, %.0f MB/s%n", f.format.label, p.wallNanos() / 1e9, p.lines(),
                    f.log.bytes() / 1e6 / (p.wallNanos() / 1e9), p.cpuNanos() / 1e9, count(p.linesPerCpuSecond()),
                    count(f.passes.first().linesPerSecond()), reader.wallNanos() / 1e9,
                    count(reader.linesPerSecond()), f.log.bytes() / 1e6 / (reader.wallNanos() / 1e9));
            out.printf("  %s wc -l: %.2f s, %.0f MB/s; GoAccess (panels off) %.2f s, %.0f MB/s, %,d of %,d requests"
                    + " valid, peak RSS %.0f MB; GoAccess full report %.2f s (%s lines/s), peak RSS %.0f MB%n",
                    f.format.label, f.wc.wallSeconds(), f.log.bytes() / 1e6 / f.wc.wallSeconds(),
                    f.goaccess.wallSeconds(), f.log.bytes() / 1e6 / f.goaccess.wallSeconds(),
                    f.goaccessCounts.valid(), f.goaccessCounts.total(), f.goaccess.peakRssMegabytes(),
                    f.goaccessFullReport.wallSeconds(), count(f.log.lines() / f.goaccessFullReport.wallSeconds()),
                    f.goaccessFullReport.peakRssMegabytes());
            for (CaseExtraction.Result r : List.of(f.intoCaseSmall, f.intoCase)) {
                SyntheticAccessLog.Made log = r == f.intoCase ? f.log : f.smallLog;
                Measurement a = r.analyze();
                CaseExtraction.HeapUse h = r.heap();
                out.printf("  %s into the case, %s: %,d lines -> %,d activities %s; source add %.1f s; analyze %.1f s"
                        + " (%s lines/s, user %.1f s, sys %.1f s, peak RSS %.0f MB); heap: %,d collections, %s,"
                        + " at most %d MiB committed%n", f.format.label,
                        r == f.intoCase ? "whole log" : "an eighth", log.lines(), r.activities(), r.activitiesByKind(),
                        r.sourceAdd().wallSeconds(), a.wallSeconds(), count(log.lines() / a.wallSeconds()),
                        a.userSeconds(), a.systemSeconds(), a.peakRssMegabytes(), h.collections(),
                        h.fullCollections() == 0 ? "none of them full"
                                : h.fullCollections() + " full, at most " + h.maxAfterFullMiB() + " MiB live after one",
                        h.maxCommittedMiB());
            }
        }
        out.println("  (into case: huisu analyze --only file-type,FORMAT, its JVM's start-up included; lines/s are the"
                + " log's lines over the wall time; peak RSS is GNU time's)");
        out.println();
        String target = "%-12s %-44s %-26s %s%n";
        out.printf(target, "huisu", "target", "measured", "");
        for (Figures f : all) {
            double rate = f.parse.linesPerSecond();
            out.printf(target, f.format.label, "parsing >= 500,000 lines/s per core",
                    count(rate) + " lines/s", verdict(rate >= TARGET_LINES_PER_SECOND_PER_CORE));
            boolean held = held(f.format, f.intoCase) && held(f.format, f.intoCaseSmall);
            out.printf(target, f.format.label, "heap under " + options.heap() + " whatever the log's size",
                    String.format("%.0f -> %.0f MB RSS", f.intoCaseSmall.analyze().peakRssMegabytes(),
                            f.intoCase.analyze().peakRssMegabytes()), verdict(held));
        }
    }

    private static String seconds(List<ParsePass.Result> passes) {
        return String.join(" ", passes.stream().map(r -> String.format("%.2f s", r.wallNanos() / 1e9)).toList());
    }

    private static Measurement best(Measurement best, Measurement m) {
        return best == null || m.wallSeconds() < best.wallSeconds() ? m : best;
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }

    private static String count(double n) {
        return String.format("%,.0f", n);
    }

    private String huisu() {
        return options.huisu().toAbsolutePath().toString();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
