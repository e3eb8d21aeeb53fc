package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huisu.bench.GnuTime.Measurement;
import org.huisu.bench.InProcessAnalysis.Located;
import org.huisu.core.model.Category;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Finding;
import org.huisu.core.progress.Progress;
import org.huisu.detect.face.FaceImageDetector;
import org.huisu.detect.identity.IdNumberDetector;
import org.huisu.detect.vector.FileVectorDetector;
import org.huisu.detect.vector.SqliteVectorDetector;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.ScenarioGenerator;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.samples.SamplePhotos;

/**
 * The detectors' accuracy and speed: Huisu's face detector (BlazeFace through OpenCV's DNN module)
 * against OpenCV's Haar cascade as Autopsy calls it, run from Python on the same images in the same
 * run; the vector detectors on a generated case's databases and on a database of ordinary floats;
 * the identity-number detector on 18-digit strings with a wrong check character.
 */
public final class DetectionBenchmark {

    static final double TARGET_RECALL = 0.95;
    static final double TARGET_PRECISION = 0.97;
    static final double TARGET_IMAGES_PER_SECOND = 100;
    static final double TARGET_OVER_HAAR = 2.0;
    static final int ID_STRINGS = 10_000;

    /** Autopsy's call: OpenCV's defaults. The tutorial's is the other set of parameters people copy. */
    private static final int AUTOPSY_NEIGHBOURS = 3;
    private static final int TUTORIAL_NEIGHBOURS = 5;
    private static final int TUTORIAL_MIN_SIZE = 30;
    private static final String BLAZEFACE = "blazeface-short+full";

    private final DetectionOptions options;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final List<String> failures = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();
    private Path work;
    private HaarScript haar;
    private FaceImageDetector faces;

    private DetectionBenchmark(DetectionOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchMain.run(args, DetectionOptions::parse, DetectionOptions.USAGE, options -> new DetectionBenchmark(options).run());
    }

    private boolean run() throws IOException, InterruptedException, SQLException {
        checkPrerequisites();
        WorkFolder workFolder = WorkFolder.open(options.work());
        work = workFolder.path();
        boolean finished = false;
        try {
            Path scratch = Files.createDirectories(work.resolve("scratch"));
            haar = new HaarScript(options.python(), options.script(), options.cascade(), options.threads(),
                    new GnuTime(scratch), scratch);
            faces = options.models() == null ? new FaceImageDetector() : new FaceImageDetector(options.models());
            out.printf("machine: %d cores, %s, %s of memory; %s%n", Machine.cores(), Machine.cpuModel(),
                    Machine.gib(Machine.memoryBytes()), Machine.java());
            out.println("load average over the last minute before the runs: " + Machine.loadAverage());
            faceBenchmark();
            vectorBenchmark();
            identifierBenchmark();
            printTargets();
            finished = BenchMain.closing(out, failures);
            return finished;
        } finally {
            workFolder.cleanUp(options.keep(), finished, out, "images/, cases/, world/, floats/, ids/, scratch/");
        }
    }

    private void checkPrerequisites() {
        if (!Files.isExecutable(GnuTime.PROGRAM)) {
            throw new BenchmarkFailure(GnuTime.PROGRAM + " is missing: install the Debian package 'time'");
        }
        if (!Files.isExecutable(options.python())) {
            throw new BenchmarkFailure(options.python() + " is missing: install the Debian packages 'python3' and"
                    + " 'python3-opencv', or give another Python with --python");
        }
        if (!Files.isRegularFile(options.cascade())) {
            throw new BenchmarkFailure(options.cascade() + " is missing: install the Debian package 'opencv-data', or"
                    + " give another cascade with --cascade");
        }
        if (!Files.isRegularFile(options.script())) {
            throw new BenchmarkFailure(options.script() + " is missing: run from the repository's root, or give the"
                    + " script with --script");
        }
    }

    // ------------------------------------------------------------------ faces

    private void faceBenchmark() throws IOException, InterruptedException {
        Path samples = SamplePhotos.location();
        out.printf("%nmaking the images from %s: 200 LFW images at %d px, %d full photos, %d photos of %d x %d ...%n",
                samples, FaceTestImages.LFW_SIZE, FaceTestImages.PHOTOS.size(), options.speedImages(),
                FaceTestImages.SPEED_SIZE, FaceTestImages.SPEED_SIZE);
        FaceTestImages.Made images = FaceTestImages.make(samples, work.resolve("images"), options.speedImages(),
                options.seed());

        out.println("check run (untimed): huisu's face detector and the Haar cascade over every image ...");
        InProcessAnalysis.Result huisuAll = InProcessAnalysis.run(images.root(), work.resolve("cases/faces-check"),
                options.threads(), List.of(faces));
        Map<String, Integer> huisu = new TreeMap<>();
        Map<String, Finding> found = huisuAll.byLocator(Category.FACE_IMAGE);
        for (String image : images.all()) {
            Finding f = found.get("/" + image);
            huisu.put(image, f == null ? 0 : f.count());
        }
        found.values().stream().map(f -> String.valueOf(f.details().get("model"))).distinct()
                .filter(m -> !m.equals(BLAZEFACE)).findAny().ifPresent(m -> {
                    throw new BenchmarkFailure("huisu's face detector ran with '" + m + "', not BlazeFace: install the"
                            + " models with scripts/install-models, or give their folder with --models");
                });
        expectNoErrors("huisu, faces (check run)", huisuAll.errors());
        HaarScript.Run haarAll = haar.run(images.root(), images.all(), AUTOPSY_NEIGHBOURS, 0, "check");
        List<String> accuracyImages = new ArrayList<>(images.lfw());
        accuracyImages.addAll(images.photos());
        HaarScript.Run haarTutorial = haar.run(images.root(), accuracyImages, TUTORIAL_NEIGHBOURS, TUTORIAL_MIN_SIZE,
                "tutorial");
        if (!haarAll.errors().isEmpty()) {
            failures.add("the Haar script could not decode " + haarAll.errors());
        }
        out.printf("huisu: FaceImageDetector (%s) in this JVM, %d threads; haar: %s, %s, %d processes%n", BLAZEFACE,
                options.threads(), options.cascade().getFileName(), haarAll.versions(), options.threads());

        Map<String, Map<String, Integer>> byTool = new LinkedHashMap<>();
        byTool.put("huisu (blazeface)", huisu);
        byTool.put("haar (Autopsy: 1.1, 3)", haarAll.faces());
        byTool.put("haar (1.1, 5, 30 px)", haarTutorial.faces());

        out.printf("%nLFW subset: 100 faces and 100 non-faces, 25 px scaled to %d px (PNG); an image counts as a face"
                + " when at least one box is found in it%n", FaceTestImages.LFW_SIZE);
        String row = "%-26s %7s %10s %12s %18s%n";
        out.printf(row, "tool", "recall", "precision", "faces found", "non-faces flagged");
        Map<String, double[]> lfw = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : byTool.entrySet()) {
            int truePositive = 0;
            int falsePositive = 0;
            for (String image : images.lfw()) {
                boolean flagged = e.getValue().getOrDefault(image, 0) > 0;
                if (flagged && FaceTestImages.isLfwFace(image)) {
                    truePositive++;
                } else if (flagged) {
                    falsePositive++;
                }
            }
            double recall = truePositive / (double) FaceTestImages.LFW_FACES;
            int flaggedImages = truePositive + falsePositive;
            double precision = flaggedImages == 0 ? 0 : truePositive / (double) flaggedImages;
            lfw.put(e.getKey(), new double[] {recall, precision});
            out.printf(row, e.getKey(), String.format("%.3f", recall), String.format("%.3f", precision),
                    truePositive + "/100", falsePositive + "/100");
        }

        List<String> missed = images.lfw().stream().filter(FaceTestImages::isLfwFace)
                .filter(i -> huisu.getOrDefault(i, 0) == 0).toList();
        List<String> flagged = images.lfw().stream().filter(i -> !FaceTestImages.isLfwFace(i))
                .filter(i -> huisu.getOrDefault(i, 0) > 0)
                .map(i -> i + String.format(" (score %.2f)", found.get("/" + i).confidence())).toList();
        out.println("huisu missed " + (missed.isEmpty() ? "no face" : String.join(", ", missed)) + "; flagged "
                + (flagged.isEmpty() ? "no non-face" : String.join(", ", flagged)));

        out.println();
        out.println("full photos: faces found (boxes), against the faces in them");
        StringBuilder header = new StringBuilder();
        byTool.keySet().forEach(k -> header.append(String.format(" %24s", k)));
        out.printf("%-18s %9s%s%n", "photo", "expected", header);
        boolean everyFace = true;
        boolean noneOnNegatives = true;
        List<String> haarMissed = new ArrayList<>();
        for (Map.Entry<String, Integer> p : FaceTestImages.PHOTOS.entrySet()) {
            String image = "photos/" + p.getKey();
            StringBuilder counts = new StringBuilder();
            for (Map<String, Integer> tool : byTool.values()) {
                counts.append(String.format(" %24d", tool.getOrDefault(image, 0)));
            }
            out.printf("%-18s %9d%s%n", p.getKey(), p.getValue(), counts);
            int h = huisu.getOrDefault(image, 0);
            if (p.getValue() > 0 && h != p.getValue()) {
                everyFace = false;
            }
            if (p.getValue() == 0 && h > 0) {
                noneOnNegatives = false;
            }
            if (!haarAll.faces().getOrDefault(image, 0).equals(p.getValue())) {
                haarMissed.add(p.getKey());
            }
        }
        out.println("(a count above the expected one is a box on something that is not a face, or two boxes on one"
                + " face)");

        out.println();
        out.printf("speed: %d photos of %d x %d (JPEG), each read from disk, decoded and searched; %d threads; %d timed"
                + " runs, median%n", images.speed().size(), FaceTestImages.SPEED_SIZE, FaceTestImages.SPEED_SIZE,
                options.threads(), options.runs());
        Path speedFolder = images.root().resolve("speed");
        List<String> speedFiles = images.speed().stream().map(s -> s.substring("speed/".length())).toList();
        List<Double> huisuWall = new ArrayList<>();
        List<Double> huisuCpu = new ArrayList<>();
        List<Double> haarOwn = new ArrayList<>();
        List<Measurement> haarWhole = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            Path caseFolder = work.resolve("cases/speed-" + run);
            InProcessAnalysis.Result r = InProcessAnalysis.run(speedFolder, caseFolder, options.threads(),
                    List.of(faces));
            expectNoErrors("huisu, faces (timed run " + run + ")", r.errors());
            huisuWall.add(r.wallSeconds());
            huisuCpu.add(r.cpuSeconds());
            HaarScript.Run h = haar.run(speedFolder, speedFiles, AUTOPSY_NEIGHBOURS, 0, "speed-" + run);
            haarOwn.add(h.ownSeconds());
            haarWhole.add(h.measurement());
            out.printf("timed run %d of %d:  huisu %.2f s  haar %.2f s (%.2f s with Python's start-up)%n", run,
                    options.runs(), r.wallSeconds(), h.ownSeconds(), h.measurement().wallSeconds());
            if (!options.keep()) {
                WorkFolder.delete(caseFolder);
            }
        }
        int n = images.speed().size();
        double hw = median(huisuWall);
        double hc = median(huisuCpu);
        double ho = median(haarOwn);
        TimedRuns haarRuns = new TimedRuns("haar", haarWhole);
        double haarWall = haarRuns.medianWall();
        double haarCpu = haarRuns.median(Measurement::userSeconds) + haarRuns.median(Measurement::systemSeconds);
        String speedRow = "%-52s %9s %9s %8s %6s%n";
        out.printf(speedRow, "tool", "median s", "images/s", "CPU s", "CPU %");
        out.printf(speedRow, "huisu (analysis in this JVM, models loaded)", String.format("%.2f", hw),
                String.format("%.1f", n / hw), String.format("%.2f", hc), String.format("%.0f", 100 * hc / hw));
        out.printf(speedRow, "haar (the script's own timer, cascade loaded)", String.format("%.2f", ho),
                String.format("%.1f", n / ho), "", "");
        out.printf(speedRow, "haar (whole process, Python's start-up included)", String.format("%.2f", haarWall),
                String.format("%.1f", n / haarWall), String.format("%.2f", haarCpu),
                String.format("%.0f", 100 * haarCpu / haarWall));
        out.println("(huisu's CPU is this JVM's during the analysis, the collector and compiler included; haar's is"
                + " user + system of the Python processes, median)");
        long huisuWithFace = images.speed().stream().filter(s -> huisu.getOrDefault(s, 0) > 0).count();
        long haarWithFace = images.speed().stream().filter(s -> haarAll.faces().getOrDefault(s, 0) > 0).count();
        out.printf("speed-set photos with a face found (check run; not scored): huisu %d, haar %d of %d%n",
                huisuWithFace, haarWithFace, n);

        double[] h = lfw.get("huisu (blazeface)");
        double[] a = lfw.get("haar (Autopsy: 1.1, 3)");
        target("LFW recall", String.format("%.3f", h[0]), String.format(">= %.2f", TARGET_RECALL),
                h[0] >= TARGET_RECALL);
        target("LFW precision", String.format("%.3f", h[1]), String.format(">= %.2f", TARGET_PRECISION),
                h[1] >= TARGET_PRECISION);
        target("LFW recall and precision vs haar", String.format("%.3f/%.3f vs %.3f/%.3f", h[0], h[1], a[0], a[1]),
                "both >=, one >", h[0] >= a[0] && h[1] >= a[1] && (h[0] > a[0] || h[1] > a[1]));
        target("every face in the full photos", everyFace ? "all" : "not all", "exact counts", everyFace);
        target("no face on the negatives", noneOnNegatives ? "none" : "some", "none", noneOnNegatives);
        target("images/s, 512 x 512, decoding included", String.format("%.1f", n / hw),
                String.format(">= %.0f", TARGET_IMAGES_PER_SECOND), n / hw >= TARGET_IMAGES_PER_SECOND);
        target("images/s / haar's (its own timer)", String.format("%.2fx", ho / hw),
                String.format(">= %.1fx", TARGET_OVER_HAAR), ho / hw >= TARGET_OVER_HAAR);
        if (!haarMissed.isEmpty()) {
            out.println("haar (Autopsy's call) got the count wrong on " + String.join(", ", haarMissed));
        }
    }

    // ------------------------------------------------------------------ vectors

    private void vectorBenchmark() throws IOException, SQLException {
        Scenario scenario = new Scenario(options.seed(), options.records(), 4, Provider.S3, LocalDate.of(2024, 3, 12));
        out.printf("%ngenerating a case (seed %d, %d face records over %d days) ...%n", scenario.seed(),
                scenario.records(), scenario.days());
        ScenarioGenerator.Result world = new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, options.threads())
                .generate(scenario, work.resolve("world"));
        Map<String, Long> truth = world.truth().counts();
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("face_analysis.db:face_capture.feature", truth.get("featureVectors"));
        expected.put("face_analysis.db:person.template", truth.get("personTemplates"));
        expected.put("sales_assistant.db:visit_record.face_feature", truth.get("appRecords"));
        InProcessAnalysis.Result generated = InProcessAnalysis.run(world.layout().evidence(),
                work.resolve("cases/vectors"), options.threads(), List.of(new SqliteVectorDetector(),
                        new FileVectorDetector()));
        expectNoErrors("huisu, vectors in the generated case", generated.errors());
        Map<String, Long> found = vectorsByColumn(generated.of(Category.FACE_FEATURE));

        Path floats = FloatColumnsDatabase.write(work.resolve("floats"), options.seed());
        InProcessAnalysis.Result ordinary = InProcessAnalysis.run(floats.getParent(), work.resolve("cases/floats"),
                options.threads(), List.of(new SqliteVectorDetector(), new FileVectorDetector()));
        expectNoErrors("huisu, vectors in the float database", ordinary.errors());
        Map<String, Long> falseVectors = vectorsByColumn(ordinary.of(Category.FACE_FEATURE));

        out.printf("vectors: the generated case's evidence (%s: server, phone, router, bucket logs), %.2f s; then %s,"
                + " %.2f s%n", world.layout().evidence().getFileName(), generated.wallSeconds(),
                FloatColumnsDatabase.NAME, ordinary.wallSeconds());
        String row = "%-48s %9s %9s%n";
        out.printf(row, "column", "found", "expected");
        boolean all = true;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            long f = found.getOrDefault(e.getKey(), 0L);
            all &= f == e.getValue();
            out.printf(row, e.getKey(), f, e.getValue());
        }
        for (Map.Entry<String, Long> e : found.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                all = false;
                out.printf(row, e.getKey() + " (not vectors)", e.getValue(), 0);
            }
        }
        out.printf(row, FloatColumnsDatabase.NAME + " (prices, coordinates, track, arrays)",
                falseVectors.values().stream().mapToLong(Long::longValue).sum(), 0);
        falseVectors.forEach((column, count) -> out.printf(row, "  " + column, count, 0));
        out.printf("(%s: %,d products, %,d stores, %,d GPS points as REAL columns; %d routes as JSON arrays of 256"
                + " coordinates; %d price series as BLOBs of 512 float32)%n", FloatColumnsDatabase.NAME,
                FloatColumnsDatabase.PRODUCTS, FloatColumnsDatabase.STORES, FloatColumnsDatabase.TRACK_POINTS,
                FloatColumnsDatabase.ROUTES, FloatColumnsDatabase.PRICE_SERIES);
        target("every vector of the generated case", all ? "all" : "not all", "exact counts", all);
        target("vectors in ordinary float data", String.valueOf(falseVectors.size()), "0", falseVectors.isEmpty());
    }

    /** {@code name:table.column} (or {@code name:path} for a file) and the vectors found there. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> vectorsByColumn(List<Located> findings) {
        Map<String, Long> m = new TreeMap<>();
        for (Located l : findings) {
            Object columns = l.finding().details().get("columns");
            if (columns instanceof List<?> list && !list.isEmpty()) {
                for (Object o : list) {
                    Map<String, Object> c = (Map<String, Object>) o;
                    String where = c.containsKey("table") ? c.get("table") + "." + c.get("column")
                            : String.valueOf(c.getOrDefault("path", c.getOrDefault("column", c.get("shape"))));
                    m.merge(l.name() + ":" + where, ((Number) c.get("vectors")).longValue(), Long::sum);
                }
            } else {
                m.merge(l.name(), (long) l.finding().count(), Long::sum);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ identifiers

    private void identifierBenchmark() throws IOException {
        IdNumberStrings.Sets sets = IdNumberStrings.make(ID_STRINGS, options.seed());
        Path folder = Files.createDirectories(work.resolve("ids"));
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("random-wrong-check.txt", sets.randomWrongCheck());
        files.put("well-formed-wrong-check.txt", sets.wellFormedWrongCheck());
        files.put("well-formed-right-check.txt", sets.wellFormedRightCheck());
        for (Map.Entry<String, List<String>> e : files.entrySet()) {
            // labelled, so that nothing but the number's own rules can turn it down; in ASCII, since
            // TextSniffer takes UTF-8 whose 8 KiB head ends inside a Chinese character for binary
            Files.write(folder.resolve(e.getKey()), e.getValue().stream().map(n -> "id_card=" + n).toList(),
                    StandardCharsets.UTF_8);
        }
        InProcessAnalysis.Result r = InProcessAnalysis.run(folder, work.resolve("cases/ids"), options.threads(),
                List.of(new IdNumberDetector()));
        expectNoErrors("huisu, identity numbers", r.errors());
        Map<String, Finding> found = r.byLocator(Category.ID_NUMBER);
        out.printf("%nidentity numbers: %,d distinct 18-digit strings a file, one a line after the label 'id_card=',"
                + " through the id-number detector (%.2f s)%n", ID_STRINGS, r.wallSeconds());
        String row = "%-32s %9s %9s%n";
        out.printf(row, "file", "found", "expected");
        long[] counts = new long[3];
        int i = 0;
        for (String name : files.keySet()) {
            Finding f = found.get("/" + name);
            counts[i] = f == null ? 0 : f.count();
            out.printf(row, name, counts[i], i == 2 ? ID_STRINGS : 0);
            i++;
        }
        out.println("(random: 17 random digits and a digit that is not their check character; well-formed: a"
                + " province and prefecture, a birth date from 1940 to 2005 and a sequence, with a wrong check digit,"
                + " then with the right check character)");
        long falsePositives = counts[0] + counts[1];
        target("identity numbers with a wrong check", String.valueOf(falsePositives), "0", falsePositives == 0);
        if (counts[2] != ID_STRINGS) {
            failures.add("the id-number detector found " + counts[2] + " of the " + ID_STRINGS + " valid numbers");
        }
    }

    // ------------------------------------------------------------------ report

    private void target(String what, String measured, String target, boolean met) {
        targets.add(new String[] {what, measured, target, met ? "PASS" : "MISS"});
    }

    private void printTargets() {
        out.println();
        String row = "%-40s %-26s %-16s %s%n";
        out.printf(row, "target", "measured", "target", "");
        targets.forEach(t -> out.printf(row, (Object[]) t));
    }

    private void expectNoErrors(String what, List<ExtractionError> errors) {
        for (ExtractionError e : errors) {
            failures.add(what + ": " + e.locator() + ": " + e.code() + " " + e.message());
        }
    }

    private static double median(List<Double> values) {
        return TimedRuns.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
