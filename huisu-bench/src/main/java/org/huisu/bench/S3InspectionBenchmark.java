package org.huisu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.huisu.bench.GnuTime.Measurement;
import org.huisu.scenario.cloud.S3Server;

/**
 * Remote inspection of a bucket — {@code huisu source add CASE s3://bench} — against
 * {@code aws s3 sync} of the same bucket into a folder, both from s3proxy on 127.0.0.1 in this JVM,
 * timed in one run, with a check that both downloaded every object and got the bytes the bucket
 * was made with.
 */
public final class S3InspectionBenchmark {

    /** The two programs that fetch the bucket. */
    enum Contender {
        HUISU,
        AWSCLI
    }

    static final double TARGET_OVER_AWSCLI = 1.0;

    // the key s3proxy checks every signature against; a benchmark's, never a real one
    private static final String KEY_ID = "AKIAHUISUBENCH000001";
    private static final String SECRET = "huisu-bench-secret-not-a-real-key";
    private static final String LAUNCHER_JAVA_OPTIONS = "-Xms32m -Xmx1g -XX:+UseSerialGC";

    private final S3InspectionOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final com.sun.management.OperatingSystemMXBean thisProcess =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Path work;
    private Path cases;
    private Path folders;
    private Path scratch;
    private GnuTime gnuTime;
    private SyntheticBucket.Made bucket;
    private S3Server server;
    private AwsCli aws;
    private final List<Double> huisuOwnSeconds = new ArrayList<>();
    private final Map<Contender, List<Double>> serverCpuSeconds = new EnumMap<>(Contender.class);
    private JsonNode checkedRequests;

    private S3InspectionBenchmark(S3InspectionOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchMain.run(args, S3InspectionOptions::parse, S3InspectionOptions.USAGE, options -> {
            new S3InspectionBenchmark(options).run();
            return true;
        });
    }

    private void run() throws IOException, InterruptedException {
        checkPrerequisites();
        WorkFolder workFolder = WorkFolder.open(options.work());
        work = workFolder.path();
        cases = work.resolve("cases");
        folders = work.resolve("folders");
        scratch = work.resolve("scratch");
        boolean finished = false;
        try {
            Files.createDirectories(cases);
            Files.createDirectories(folders);
            Files.createDirectories(scratch);
            gnuTime = new GnuTime(scratch);
            makeBucket();
            aws = AwsCli.at(options.aws(), Files.createDirectories(work.resolve("aws")));
            server = S3Server.start(bucket.root(), 0, KEY_ID, SECRET);
            try {
                describeMachine();
                Map<Contender, TimedRuns> results = measure();
                report(results);
                // the figures are only as good as the machine was quiet
                out.println("load average over the last minute after the runs: " + Machine.loadAverage());
            } finally {
                server.close();
            }
            finished = true;
        } finally {
            // after a failure the cases and folders are the evidence of what went wrong
            workFolder.cleanUp(options.keep(), finished, out, "s3/ (the bucket), cases/, folders/, aws/, scratch/");
        }
    }

    private void checkPrerequisites() {
        if (!Files.isExecutable(GnuTime.PROGRAM)) {
            throw new BenchmarkFailure(GnuTime.PROGRAM + " is missing: install the Debian package 'time'");
        }
        if (!Files.isExecutable(options.aws())) {
            throw new BenchmarkFailure(options.aws() + " is missing: install the Debian package 'awscli', or give"
                    + " another aws with --aws");
        }
        Machine.need(List.of("sync"), null);
        if (!Files.isExecutable(options.huisu())) {
            throw new BenchmarkFailure(options.huisu() + ": no huisu launcher there; build the distribution"
                    + " (./huisu --version in the repository) or give its bin/huisu with --huisu");
        }
    }

    private void makeBucket() throws IOException {
        var shape = new SyntheticBucket.Shape(options.objects(), options.size(), options.seed());
        // the bucket, the check run's case and folder, and one timed run's of each at a time
        long needed = 3 * shape.bytes() + (512L << 20);
        long free = Files.getFileStore(work).getUsableSpace();
        if (free < needed) {
            throw new BenchmarkFailure(work + " has " + (free >> 20) + " MiB free; the bucket, the cases and the"
                    + " folders need about " + (needed >> 20) + " MiB: give --work on a larger disk");
        }
        out.printf("making the bucket: %,d objects of %,d bytes ...%n", shape.objects(), shape.size());
        bucket = SyntheticBucket.makeOrReuse(work, shape);
        out.printf("bucket s3://%s in %s: %,d objects, %,d bytes, %s%n", SyntheticBucket.BUCKET, bucket.root(),
                shape.objects(), shape.bytes(), bucket.reused() ? "reused from an earlier run"
                        : String.format("put through jclouds' filesystem store in %.1f s",
                                bucket.took().toMillis() / 1000.0));
    }

    private void describeMachine() throws IOException, InterruptedException {
        out.printf("machine: %d cores, %s, %s of memory; work folder on %s (%s)%n", Machine.cores(),
                Machine.cpuModel(), Machine.gib(Machine.memoryBytes()), Files.getFileStore(work).name(),
                Files.getFileStore(work).type());
        out.printf("server: s3proxy %s (jclouds filesystem store) at %s, in this JVM (%s; %s)%n",
                implementationVersion(org.gaul.s3proxy.S3Proxy.class), server.endpoint(), Machine.java(),
                jvmOptions());
        out.println("load average over the last minute before the runs: " + Machine.loadAverage());
        String javaOptions = System.getenv("HUISU_JAVA_OPTS");
        out.println("huisu:  " + firstLine(GnuTime.output(List.of(huisu(), "--version"), work)) + " ("
                + options.huisu() + "), --connections " + options.connections() + ", JVM options "
                + (javaOptions == null ? LAUNCHER_JAVA_OPTIONS + " (the launcher's)" : javaOptions
                        + " (HUISU_JAVA_OPTS)"));
        AwsCli.TransferDefaults defaults = aws.transferDefaults();
        out.println("awscli: " + firstLine(GnuTime.output(List.of(options.aws().toString(), "--version"), work))
                + " (" + options.aws() + "), max_concurrent_requests "
                + (defaults == null ? "10 (not configured: awscli's default, which could not be read)"
                        : defaults.maxConcurrentRequests() + " (not configured: awscli's default), transfer client "
                                + defaults.preferredTransferClient())
                + ", addressing_style path (" + aws.config() + "), checksums "
                + (aws.version().knowsChecksumSettings() ? "when_required (AWS_REQUEST_CHECKSUM_CALCULATION,"
                        + " AWS_RESPONSE_CHECKSUM_VALIDATION)" : "as before awscli 2.23 (it has no checksum settings)"));
    }

    /** One untimed run of each tool (it warms the page cache and is the correctness check), then the timed runs. */
    private Map<Contender, TimedRuns> measure() throws IOException, InterruptedException {
        out.println();
        out.println("check run (untimed): huisu source add and aws s3 sync of the whole bucket ...");
        HuisuRun huisuCheck = runHuisu(0);
        Path awsCheck = runAws(0).folder();
        check(huisuCheck, awsCheck);
        if (!options.keep()) {
            WorkFolder.delete(cases.resolve("run-0"));
            WorkFolder.delete(awsCheck);
        }

        Map<Contender, List<Measurement>> measured = new EnumMap<>(Contender.class);
        for (Contender c : Contender.values()) {
            measured.put(c, new ArrayList<>());
            serverCpuSeconds.put(c, new ArrayList<>());
        }
        // interleaved, so that whatever else the machine does falls on both alike
        for (int run = 1; run <= options.runs(); run++) {
            out.printf("timed run %d of %d:", run, options.runs());
            for (Contender c : Contender.values()) {
                long serverCpu = thisProcess.getProcessCpuTime();
                Measurement m = switch (c) {
                    case HUISU -> {
                        HuisuRun huisuRun = runHuisu(run);
                        huisuOwnSeconds.add(huisuRun.ownSeconds());
                        yield huisuRun.measurement();
                    }
                    case AWSCLI -> runAws(run).measurement();
                };
                serverCpuSeconds.get(c).add((thisProcess.getProcessCpuTime() - serverCpu) / 1e9);
                measured.get(c).add(m);
                out.printf("  %s %.2f s", c.name().toLowerCase(Locale.ROOT), m.wallSeconds());
                if (!options.keep()) {
                    WorkFolder.delete(c == Contender.HUISU ? cases.resolve("run-" + run) : folders.resolve("run-" + run));
                }
            }
            out.println();
        }
        Map<Contender, TimedRuns> results = new EnumMap<>(Contender.class);
        results.put(Contender.HUISU, new TimedRuns("huisu source add", measured.get(Contender.HUISU)));
        results.put(Contender.AWSCLI, new TimedRuns("aws s3 sync", measured.get(Contender.AWSCLI)));
        return results;
    }

    /** One {@code source add} into a fresh case: its measurement, huisu's own timer and the manifest it sealed. */
    record HuisuRun(Measurement measurement, double ownSeconds, Path manifest, JsonNode json) {
    }

    private HuisuRun runHuisu(int run) throws IOException, InterruptedException {
        Path caseFolder = cases.resolve("run-" + run);
        WorkFolder.delete(caseFolder);
        GnuTime.output(List.of(huisu(), "case", "init", caseFolder.toString(), "--name", "huisu-bench run " + run,
                "--examiner", "huisu-bench"), work);
        Path jsonFile = cases.resolve("run-" + run + ".json");
        flushWrites();
        Measurement measurement = gnuTime.run(List.of(huisu(), "source", "add", caseFolder.toString(),
                "s3://" + SyntheticBucket.BUCKET, "--endpoint", server.endpoint().toString(), "--path-style",
                "--connections", Integer.toString(options.connections()), "--label", "bench", "--format", "json"),
                work, Redirect.to(jsonFile.toFile()),
                Map.of("HUISU_S3_ACCESS_KEY", KEY_ID, "HUISU_S3_SECRET_KEY", SECRET));
        String text = Files.readString(jsonFile, StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(text);
        long objects = options.objects();
        if (json.path("objects").asLong(-1) != objects || json.path("downloaded").asLong(-1) != objects
                || json.path("bytes").asLong(-1) != objects * options.size() || json.path("errors").asLong(-1) != 0
                || !json.path("manifestObject").isTextual() || !json.path("seconds").isNumber()) {
            throw new BenchmarkFailure("huisu source add (run " + run + ") recorded other than the bucket's " + objects
                    + " objects and " + objects * options.size() + " bytes, all downloaded, without errors:\n" + text);
        }
        return new HuisuRun(measurement, json.path("seconds").asDouble(),
                caseFolder.resolve(json.path("manifestObject").asText()), json);
    }

    record AwsRun(Measurement measurement, Path folder) {
    }

    private AwsRun runAws(int run) throws IOException, InterruptedException {
        Path folder = folders.resolve("run-" + run);
        WorkFolder.delete(folder);
        flushWrites();
        Measurement measurement = gnuTime.run(aws.sync(server.endpoint(), SyntheticBucket.BUCKET, folder), work,
                Redirect.to(scratch.resolve("aws-run-" + run + ".txt").toFile()), aws.environment(KEY_ID, SECRET));
        long files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        if (files != options.objects()) {
            throw new BenchmarkFailure("aws s3 sync (run " + run + ") wrote " + files + " files into " + folder
                    + "; the bucket has " + options.objects() + " objects");
        }
        return new AwsRun(measurement, folder);
    }

    /**
     * Writes what is still in the page cache to disk before a run: huisu flushes its file system at
     * the end of an inspection (syncfs), which would otherwise also write the other tool's files.
     */
    private void flushWrites() throws IOException, InterruptedException {
        GnuTime.output(List.of("sync"), work);
    }

    /** Both tools' SHA-256 of every object must be that of the bytes the bucket was made with. */
    private void check(HuisuRun huisuRun, Path awsFolder) throws IOException {
        HashListings.BucketListing listing = HashListings.fromHuisuS3Listing(huisuRun.manifest());
        Map<String, String> byAws = HashListings.ofFolder(awsFolder);
        Map<String, String> made = SyntheticBucket.sha256ByKey(bucket.shape());
        if (listing.objects() != options.objects() || listing.sha256ByKey().size() != options.objects()) {
            throw new BenchmarkFailure("huisu's manifest " + huisuRun.manifest() + " lists " + listing.objects()
                    + " objects, " + listing.sha256ByKey().size() + " of them downloaded; the bucket has "
                    + options.objects());
        }
        List<String> huisuVsMade = HashListings.differences("huisu", listing.sha256ByKey(), "the bucket", made, 10);
        if (!huisuVsMade.isEmpty()) {
            throw new BenchmarkFailure("huisu's manifest " + huisuRun.manifest() + " and the bucket disagree:\n  "
                    + String.join("\n  ", huisuVsMade));
        }
        List<String> awsVsMade = HashListings.differences("awscli", byAws, "the bucket", made, 10);
        if (!awsVsMade.isEmpty()) {
            throw new BenchmarkFailure("the files aws s3 sync wrote in " + awsFolder + " and the bucket disagree:\n  "
                    + String.join("\n  ", awsVsMade));
        }
        checkedRequests = huisuRun.json().path("requests");
        out.printf("check: huisu's manifest and awscli's files give the same SHA-256 as the bucket's bytes for each"
                + " of the %,d objects (huisu's manifest %s)%n", made.size(), work.relativize(huisuRun.manifest()));
        out.printf("  %,d of the objects have an ETag (checked by huisu against their MD5); s3proxy also lists %,d"
                + " folder keys ending in '/', which huisu records as placeholders and awscli skips (--exclude '*/')%n",
                listing.withEtag(), listing.placeholders());
    }

    private void report(Map<Contender, TimedRuns> results) {
        TimedRuns huisu = results.get(Contender.HUISU);
        TimedRuns awscli = results.get(Contender.AWSCLI);
        long objects = options.objects();
        long bytes = bucket.shape().bytes();
        out.println();
        out.printf("S3 inspection: %,d objects of %,d bytes (%.1f MB) from s3proxy on 127.0.0.1; median of %d runs;"
                + " huisu --connections %d%n", objects, options.size(), bytes / 1e6, options.runs(),
                options.connections());
        String row = "%-18s %9s %10s %8s %8s %8s %6s %12s %13s%n";
        out.printf(row, "tool", "median s", "objects/s", "MB/s", "user s", "sys s", "CPU %", "peak RSS MB",
                "server CPU s");
        for (Map.Entry<Contender, TimedRuns> e : results.entrySet()) {
            TimedRuns r = e.getValue();
            double wall = r.medianWall();
            double user = r.median(Measurement::userSeconds);
            double sys = r.median(Measurement::systemSeconds);
            double serverCpu = TimedRuns.median(serverCpuSeconds.get(e.getKey()).stream()
                    .mapToDouble(Double::doubleValue).toArray());
            out.printf(row, r.label(), String.format("%.2f", wall), String.format("%.0f", objects / wall),
                    String.format("%.1f", bytes / 1e6 / wall), String.format("%.2f", user), String.format("%.2f", sys),
                    String.format("%.0f", 100 * (user + sys) / wall), String.format("%.0f", r.peakRssMegabytes()),
                    String.format("%.2f", serverCpu));
        }
        out.println("(MB = 10^6 bytes; wall time includes huisu's JVM start-up; user/sys are CPU seconds of the tool's"
                + " processes, median; peak RSS is the largest of the runs; server CPU is s3proxy's, this JVM's,"
                + " during the tool's run, median)");
        double own = TimedRuns.median(huisuOwnSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        out.printf("huisu's own timer (list, download, hash, database, flush to disk; JVM start-up and case opening"
                + " left out): %.2f s median, %.0f objects/s, %.1f MB/s; requests sent: %s%n", own, objects / own,
                bytes / 1e6 / own, checkedRequests);

        double overAws = awscli.medianWall() / huisu.medianWall();
        out.println();
        String line = "%-24s %10s   %-12s %s%n";
        out.printf(line, "huisu", "measured", "target", "");
        out.printf(line, "throughput / awscli's", String.format("%.3fx", overAws),
                String.format(">= %.1fx", TARGET_OVER_AWSCLI), overAws >= TARGET_OVER_AWSCLI ? "PASS" : "MISS");
    }

    private String huisu() {
        return options.huisu().toAbsolutePath().toString();
    }

    private static String jvmOptions() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return options.isEmpty() ? "the JVM's default options" : String.join(" ", options);
    }

    private static String implementationVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "(version unknown)" : version;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
