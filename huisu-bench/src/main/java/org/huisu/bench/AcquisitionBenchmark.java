package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.bench.GnuTime.Measurement;

/**
 * Acquisition throughput of {@code huisu source add} against {@code sha256sum} and
 * {@code hashdeep} over the same tree of files, all three timed in one run, with the peak memory
 * of each and a check that all three found the same SHA-256 for every file.
 */
public final class AcquisitionBenchmark {

    /** The three programs that hash the tree. */
    enum Contender {
        HUISU("huisu source add"),
        SHA256SUM("sha256sum (find|xargs)"),
        HASHDEEP("hashdeep -c sha256");

        final String label;

        Contender(String label) {
            this.label = label;
        }
    }

    static final double TARGET_OVER_SHA256SUM = 1.5;
    static final double TARGET_OVER_HASHDEEP = 1.0;
    static final double TARGET_RSS_MEGABYTES = 300;
    static final int TARGET_RSS_AT_FILES = 100_000;

    private static final Pattern JSON_NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern JSON_MANIFEST = Pattern.compile("\"manifestObject\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private WorkFolder workFolder;
    private Path work;
    private Path cases;
    private Path listings;
    private GnuTime gnuTime;
    private SyntheticTree.Made tree;
    private final List<Double> huisuOwnSeconds = new ArrayList<>();

    private AcquisitionBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchMain.run(args, BenchOptions::parse, BenchOptions.USAGE, options -> {
            new AcquisitionBenchmark(options).run();
            return true;
        });
    }

    private void run() throws IOException, InterruptedException {
        checkPrerequisites();
        workFolder = WorkFolder.open(options.work());
        work = workFolder.path();
        cases = work.resolve("cases");
        listings = work.resolve("listings");
        boolean finished = false;
        try {
            Files.createDirectories(cases);
            Files.createDirectories(listings);
            gnuTime = new GnuTime(listings);
            makeTree();
            describeMachine();
            Map<Contender, TimedRuns> results = measure();
            report(results);
            finished = true;
        } finally {
            // after a failure the listings and cases are the evidence of what went wrong
            workFolder.cleanUp(options.keep(), finished, out, "tree/, cases/, listings/");
        }
    }

    private void checkPrerequisites() {
        if (!Files.isExecutable(GnuTime.PROGRAM)) {
            throw new BenchmarkFailure(GnuTime.PROGRAM + " is missing: install the Debian package 'time'");
        }
        Machine.need(List.of("hashdeep"), "hashdeep");
        Machine.need(List.of("sha256sum", "find", "xargs", "bash"), null);
        if (!Files.isExecutable(options.huisu())) {
            throw new BenchmarkFailure(options.huisu() + ": no huisu launcher there; build the distribution"
                    + " (./huisu --version in the repository) or give its bin/huisu with --huisu");
        }
        // Java turns file names into bytes with the locale's charset; the tree has Chinese names
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            throw new BenchmarkFailure("file names are encoded as " + System.getProperty("sun.jnu.encoding")
                    + "; run with LC_ALL=C.UTF-8");
        }
    }

    private void makeTree() throws IOException {
        var shape = new SyntheticTree.Shape(options.files(), options.bytes(), options.largeFiles(), options.seed());
        if (!Files.isRegularFile(SyntheticTree.marker(work))) {
            long free = Files.getFileStore(work).getUsableSpace();
            if (free < options.bytes() + (512L << 20)) {
                throw new BenchmarkFailure(work + " has " + (free >> 20) + " MiB free; the tree needs "
                        + (options.bytes() >> 20) + " MiB and the cases some more: give --work on a larger disk");
            }
        }
        out.printf("making the tree: %,d files, %s ...%n", options.files(), Machine.gib(options.bytes()));
        tree = SyntheticTree.makeOrReuse(work, shape);
        out.printf("tree %s: %,d files, %,d bytes (%s), %s%n", tree.root(), tree.files(), tree.bytes(),
                Machine.gib(tree.bytes()), tree.reused() ? "reused from an earlier run"
                        : String.format("made in %.1f s", tree.took().toMillis() / 1000.0));
    }

    private void describeMachine() throws IOException, InterruptedException {
        // SHA extensions decide who wins a SHA-256 race more than anything else on the machine
        String sha = Machine.hasCpuFlag("sha_ni") ? "with SHA extensions" : "without SHA extensions";
        out.printf("machine: %d cores, %s %s, %s of memory, tree on %s (%s)%n",
                Machine.cores(), Machine.cpuModel(), sha, Machine.gib(Machine.memoryBytes()),
                Files.getFileStore(tree.root()).name(), Files.getFileStore(tree.root()).type());
        out.println("load average over the last minute before the runs: " + Machine.loadAverage());
        out.println("huisu:     " + firstLine(GnuTime.output(List.of(huisu(), "--version"), work))
                + " (" + options.huisu() + ")");
        out.println("sha256sum: " + firstLine(GnuTime.output(List.of("sha256sum", "--version"), work)));
        out.println("hashdeep:  " + firstLine(GnuTime.output(List.of("hashdeep", "-V"), work)));
    }

    /** One untimed run of each tool (it warms the cache and gives the listings to compare), then the timed runs. */
    private Map<Contender, TimedRuns> measure() throws IOException, InterruptedException {
        out.println();
        out.println(options.cold()
                ? "page cache: emptied (sync; echo 3 > /proc/sys/vm/drop_caches) before every run: disk and CPU"
                : "page cache: warm; each tool ran once untimed first, so every timed run reads from memory: CPU");
        out.println("check run (untimed): huisu, sha256sum and hashdeep over the tree ...");
        Path sha256sumListing = listings.resolve("sha256sum.txt");
        Path hashdeepListing = listings.resolve("hashdeep.txt");
        Path manifest = runHuisu(0).manifest();
        runSha256sum(Redirect.to(sha256sumListing.toFile()));
        runHashdeep(Redirect.to(hashdeepListing.toFile()));
        checkAgreement(manifest, sha256sumListing, hashdeepListing);

        Map<Contender, List<Measurement>> measured = new EnumMap<>(Contender.class);
        for (Contender c : Contender.values()) {
            measured.put(c, new ArrayList<>());
        }
        // interleaved, so that whatever else the machine does falls on all three alike
        for (int run = 1; run <= options.runs(); run++) {
            out.printf("timed run %d of %d:", run, options.runs());
            for (Contender c : Contender.values()) {
                Measurement m = switch (c) {
                    case HUISU -> {
                        HuisuRun huisuRun = runHuisu(run);
                        huisuOwnSeconds.add(huisuRun.ownSeconds());
                        yield huisuRun.measurement();
                    }
                    case SHA256SUM -> runSha256sum(Redirect.DISCARD);
                    case HASHDEEP -> runHashdeep(Redirect.DISCARD);
                };
                measured.get(c).add(m);
                out.printf("  %s %.2f s", c.name().toLowerCase(Locale.ROOT), m.wallSeconds());
            }
            out.println();
        }
        Map<Contender, TimedRuns> results = new EnumMap<>(Contender.class);
        measured.forEach((c, list) -> results.put(c, new TimedRuns(c.label, list)));
        return results;
    }

    /** One {@code source add} into a fresh case: its measurement, huisu's own timer and the manifest it sealed. */
    record HuisuRun(Measurement measurement, double ownSeconds, Path manifest) {
    }

    private HuisuRun runHuisu(int run) throws IOException, InterruptedException {
        Path caseFolder = cases.resolve("run-" + run);
        WorkFolder.delete(caseFolder);
        GnuTime.output(List.of(huisu(), "case", "init", caseFolder.toString(), "--name", "huisu-bench run " + run,
                "--examiner", "huisu-bench"), work);
        Path json = cases.resolve("run-" + run + ".json");
        dropCachesIfCold();
        Measurement measurement = gnuTime.run(List.of(huisu(), "source", "add", caseFolder.toString(),
                tree.root().toString(), "--label", "tree", "--threads", Integer.toString(options.threads()),
                "--format", "json"), work, Redirect.to(json.toFile()));
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Map<String, Double> numbers = jsonNumbers(text);
        Matcher manifest = JSON_MANIFEST.matcher(text);
        if (numbers.getOrDefault("errors", -1.0) != 0 || numbers.getOrDefault("files", -1.0) != tree.files()
                || numbers.getOrDefault("bytes", -1.0) != tree.bytes() || !manifest.find()) {
            throw new BenchmarkFailure("huisu source add recorded other than the tree's " + tree.files()
                    + " files and " + tree.bytes() + " bytes without errors, or no manifestObject:\n" + text);
        }
        return new HuisuRun(measurement, numbers.get("seconds"), caseFolder.resolve(manifest.group(1)));
    }

    /** sha256sum as people run it over a tree: one process at a time, fed by find and xargs. */
    private Measurement runSha256sum(Redirect stdout) throws IOException, InterruptedException {
        dropCachesIfCold();
        return gnuTime.run(List.of("bash", "-c", "set -o pipefail; find . -type f -print0 | xargs -0 sha256sum"),
                tree.root(), stdout);
    }

    private Measurement runHashdeep(Redirect stdout) throws IOException, InterruptedException {
        dropCachesIfCold();
        return gnuTime.run(List.of("hashdeep", "-r", "-c", "sha256", "-j", Integer.toString(options.threads()),
                tree.root().toString()), work, stdout);
    }

    private void checkAgreement(Path manifest, Path sha256sumListing, Path hashdeepListing) throws IOException {
        Map<String, String> bySha256sum = HashListings.fromSha256sum(sha256sumListing);
        Map<String, String> byHuisu = HashListings.fromHuisuManifest(manifest);
        Map<String, String> byHashdeep = HashListings.fromHashdeep(hashdeepListing, tree.root());
        if (bySha256sum.size() != tree.files()) {
            throw new BenchmarkFailure("sha256sum listed " + bySha256sum.size() + " files, the tree has "
                    + tree.files() + " (" + sha256sumListing + ")");
        }
        List<String> huisuVsSha = HashListings.differences("huisu", byHuisu, "sha256sum", bySha256sum, 10);
        if (!huisuVsSha.isEmpty()) {
            throw new BenchmarkFailure("huisu's manifest " + manifest + " and sha256sum disagree:\n  "
                    + String.join("\n  ", huisuVsSha));
        }
        List<String> hashdeepVsSha = HashListings.differences("hashdeep", byHashdeep, "sha256sum", bySha256sum, 10);
        if (!hashdeepVsSha.isEmpty()) {
            throw new BenchmarkFailure("hashdeep " + hashdeepListing + " and sha256sum disagree:\n  "
                    + String.join("\n  ", hashdeepVsSha));
        }
        out.printf("check: all three give the same SHA-256 for each of the %,d files (huisu's manifest %s)%n",
                bySha256sum.size(), work.relativize(manifest));
    }

    private void dropCachesIfCold() throws IOException, InterruptedException {
        if (!options.cold()) {
            return;
        }
        GnuTime.output(List.of("sync"), work);
        try {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
        } catch (IOException e) {
            throw new BenchmarkFailure("--cold: cannot empty the page cache (" + e + "); run as root or leave out --cold", e);
        }
    }

    private void report(Map<Contender, TimedRuns> results) {
        TimedRuns huisu = results.get(Contender.HUISU);
        TimedRuns sha = results.get(Contender.SHA256SUM);
        TimedRuns hashdeep = results.get(Contender.HASHDEEP);
        out.println();
        out.printf("Acquisition: %,d files, %s (%,d bytes); median of %d runs; %d threads for huisu and hashdeep%n",
                tree.files(), Machine.gib(tree.bytes()), tree.bytes(), options.runs(), options.threads());
        out.printf("%-24s %9s %8s %9s %8s %8s %6s %12s%n",
                "tool", "median s", "MB/s", "files/s", "user s", "sys s", "CPU %", "peak RSS MB");
        for (TimedRuns r : results.values()) {
            double wall = r.medianWall();
            double user = r.median(Measurement::userSeconds);
            double sys = r.median(Measurement::systemSeconds);
            out.printf("%-24s %9.2f %8.0f %9.0f %8.2f %8.2f %6.0f %12.0f%n", r.label(), wall,
                    tree.bytes() / 1e6 / wall, tree.files() / wall, user, sys, 100 * (user + sys) / wall,
                    r.peakRssMegabytes());
        }
        out.println("(MB = 10^6 bytes; user/sys are CPU seconds of the process and its children, median;"
                + " peak RSS is the largest of the runs)");
        double own = TimedRuns.median(huisuOwnSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        out.printf("huisu's own timer (walk, hash, database; JVM start-up and case opening left out):"
                + " %.2f s median, %.0f MB/s%n", own, tree.bytes() / 1e6 / own);

        double overSha = sha.medianWall() / huisu.medianWall();
        double overHashdeep = hashdeep.medianWall() / huisu.medianWall();
        double rss = huisu.peakRssMegabytes();
        out.println();
        String rssVerdict = tree.files() >= TARGET_RSS_AT_FILES ? verdict(rss < TARGET_RSS_MEGABYTES)
                : String.format("n/a at %,d files (run with --files %d)", tree.files(), TARGET_RSS_AT_FILES);
        String row = "%-24s %10s   %-26s %s%n";
        out.printf(row, "huisu", "measured", "target", "");
        out.printf(row, "throughput / sha256sum", String.format("%.3fx", overSha),
                String.format(">= %.1fx", TARGET_OVER_SHA256SUM), verdict(overSha >= TARGET_OVER_SHA256SUM));
        out.printf(row, "throughput / hashdeep", String.format("%.3fx", overHashdeep),
                String.format(">= %.1fx", TARGET_OVER_HASHDEEP), verdict(overHashdeep >= TARGET_OVER_HASHDEEP));
        out.printf(row, "peak RSS", String.format("%.0f MB", rss),
                String.format("< %.0f MB at %,d files", TARGET_RSS_MEGABYTES, TARGET_RSS_AT_FILES), rssVerdict);
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }

    private String huisu() {
        return options.huisu().toAbsolutePath().toString();
    }

    private static Map<String, Double> jsonNumbers(String json) {
        Map<String, Double> numbers = new HashMap<>();
        Matcher m = JSON_NUMBER.matcher(json);
        while (m.find()) {
            numbers.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
        }
        return numbers;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
