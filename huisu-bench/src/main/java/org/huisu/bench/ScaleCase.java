package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.cloud.CloudInspection;
import org.huisu.cloud.KeySelection;
import org.huisu.cloud.ReadOnlyS3;
import org.huisu.cloud.S3Credentials;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.pipeline.Analysis;
import org.huisu.core.progress.Progress;
import org.huisu.scenario.Layout;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.ScenarioGenerator;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.cloud.S3Server;
import org.huisu.scenario.samples.SamplePhotos;
import org.huisu.scenario.server.ImageServerWriter;

/**
 * The case correlation is measured on, built in this JVM: the sample case generated, its sources
 * acquired as {@code huisu demo} acquires them (the folders, and the bucket read back over S3 from
 * an s3proxy on 127.0.0.1) and analysed; then grown to the sizes asked with a month's worth of the
 * bucket's other traffic (an S3 access log, one activity a line) and a seized file share of small
 * files, both acquired and analysed too. Prints each step as it goes.
 */
final class ScaleCase {

    /** The bucket source's label, as the demo names it. */
    static final String BUCKET = "bucket";
    /** The added sources' labels. */
    static final String TRAFFIC = "bucket-traffic";
    static final String SHARE = "file-share";

    private static final String ACCESS_KEY = "AKIAHUISUBENCHEXAMPL";
    private static final String SECRET_KEY = "huisu-bench-secret-for-127.0.0.1-only";
    private static final String EXAMINER = "huisu-bench";

    /**
     * The case built: its folder, what it holds, and the references {@code trace} is timed from — a
     * face photo of the bucket, and the image server's face database and upload script.
     */
    record Built(Path caseFolder, long activities, long artifacts, Map<String, long[]> bySource, String objectRef,
            String databaseRef, String scriptRef, BackgroundTraffic.Made traffic, FileShareTree.Made share) {
    }

    private final CorrelationOptions options;
    private final PrintStream out;

    ScaleCase(CorrelationOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Built build(Path work) throws IOException, SQLException {
        Scenario scenario = new Scenario(options.seed(), options.records(), options.days(), Provider.S3,
                Scenario.of(options.seed(), options.records(), Provider.S3).firstDay());
        int threads = options.threads();
        out.printf("generating the sample case: seed %d, %,d face records over %d days ...", scenario.seed(),
                scenario.records(), scenario.days());
        ScenarioGenerator.Result world = new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, threads)
                .generate(scenario, work.resolve("world"));
        Layout layout = world.layout();
        out.printf(" %.1f s%n", world.elapsed().toMillis() / 1000.0);

        Path caseFolder = work.resolve("case");
        try (Case c = Case.create(caseFolder, "huisu-bench correlation", EXAMINER)) {
            long started = System.nanoTime();
            out.print("acquiring its sources (img-server-01, phone-01, router, bucket-logs; the bucket over S3) ...");
            acquire(c, layout.server(), Layout.SERVER, SourceKind.DIRECTORY);
            acquire(c, layout.phone(), Layout.PHONE, SourceKind.ANDROID);
            acquire(c, layout.router(), Layout.ROUTER, SourceKind.DIRECTORY);
            acquire(c, layout.bucketLogs(), Layout.BUCKET_LOGS, SourceKind.LOGS);
            try (S3Server s3 = S3Server.start(layout.cloud(), 0, ACCESS_KEY, SECRET_KEY)) {
                new CloudInspection(c, Progress.NONE).run(new CloudInspection.Request(
                        "s3://" + layout.provider().bucket(), new ReadOnlyS3.Endpoint(s3.endpoint(), "us-east-1", true,
                                8, 8), new S3Credentials(ACCESS_KEY, SECRET_KEY, null), BUCKET, KeySelection.all(),
                        false, EXAMINER, Scenario.OFFICE_ZONE));
            }
            out.printf(" %.1f s%n", seconds(started));
            analyse(c, "analysing it");

            Path db = c.folder().database();
            long activities = count(db, "SELECT count(*) FROM activities");
            long artifacts = count(db, "SELECT count(*) FROM artifacts");
            out.printf("the sample case holds %,d activities and %,d artifacts%n", activities, artifacts);

            long lines = Math.max(0, options.activities() - activities);
            List<BackgroundTraffic.RealObject> objects = bucketObjects(c);
            out.printf("writing the bucket's other traffic: %,d S3 access-log lines, %d in 1,000 to its %,d objects ...",
                    lines, BackgroundTraffic.REAL_PER_MILLE, objects.size());
            BackgroundTraffic.Made traffic = BackgroundTraffic.write(work.resolve("traffic"), lines, objects,
                    scenario.firstDay(), scenario.days(), options.seed());
            out.printf(" %.1f s (%,d files, %.0f MB)%n", traffic.took().toMillis() / 1000.0, traffic.files().size(),
                    traffic.bytes() / 1e6);
            started = System.nanoTime();
            out.print("acquiring it ...");
            acquire(c, work.resolve("traffic"), TRAFFIC, SourceKind.LOGS);
            out.printf(" %.1f s%n", seconds(started));
            analyse(c, "analysing it");

            long sofar = count(db, "SELECT count(*) FROM artifacts");
            int files = FileShareTree.filesFor(options.artifacts() - sofar);
            out.printf("writing a file share: %,d small files, a fifth of them copies ...", files);
            FileShareTree.Made share = FileShareTree.write(work.resolve("share"), files, options.seed());
            out.printf(" %.1f s (%,d folders, %,d copies, %.0f MB)%n", share.took().toMillis() / 1000.0,
                    share.folders(), share.copies(), share.bytes() / 1e6);
            started = System.nanoTime();
            out.print("acquiring it ...");
            acquire(c, share.root(), SHARE, SourceKind.DIRECTORY);
            out.printf(" %.1f s%n", seconds(started));
            analyse(c, "analysing it");

            activities = count(db, "SELECT count(*) FROM activities");
            artifacts = count(db, "SELECT count(*) FROM artifacts");
            Map<String, long[]> bySource = bySource(db);
            String object = objectThePhoneHolds(db, layout.provider());
            return new Built(caseFolder, activities, artifacts, bySource, object,
                    Layout.SERVER + ":" + ImageServerWriter.DATABASE, Layout.SERVER + ":" + ImageServerWriter.SCRIPT,
                    traffic, share);
        }
    }

    private void acquire(Case c, Path evidence, String label, SourceKind kind) {
        new Acquisition(c, EvidenceFiles.best(), Progress.NONE).run(new Acquisition.Request(evidence, label, kind,
                EnumSet.of(HashAlgorithm.SHA256), false, false, options.threads(), EXAMINER, Scenario.OFFICE_ZONE));
    }

    private void analyse(Case c, String what) {
        long started = System.nanoTime();
        out.print(what + " (every extractor and detector, " + options.threads() + " threads) ...");
        Analysis.Summary s = new Analysis(c, Analysis.discover(), EvidenceFiles.best(), Progress.NONE)
                .run(options.threads());
        out.printf(" %.1f s, %,d items%s%n", seconds(started), s.items(), s.failed() == 0 ? ""
                : ", " + s.failed() + " failed");
    }

    /** The bucket's objects as its inspection listed them. */
    private static List<BackgroundTraffic.RealObject> bucketObjects(Case c) {
        Source bucket = c.store().sourceByLabel(BUCKET).orElseThrow(() -> new BenchmarkFailure(
                "the case has no source " + BUCKET + ": the bucket was not inspected"));
        List<BackgroundTraffic.RealObject> objects = new ArrayList<>();
        c.store().forEachArtifact(bucket.id(), a -> {
            if (a.kind() == ArtifactKind.CLOUD_OBJECT) {
                objects.add(new BackgroundTraffic.RealObject(a.locator(), a.size() == null ? 0 : a.size()));
            }
        });
        return objects;
    }

    /**
     * A face photo of the bucket that the sales phone's app holds a copy of, as {@code s3://bucket/key}:
     * where an examiner starts tracing back.
     */
    private static String objectThePhoneHolds(Path db, Provider provider) throws SQLException {
        String sql = """
                SELECT o.locator FROM artifacts o JOIN sources so ON so.id = o.source_id
                WHERE so.label = ? AND o.kind = 'CLOUD_OBJECT' AND o.locator LIKE 'faces/%'
                  AND EXISTS (SELECT 1 FROM artifacts p JOIN sources sp ON sp.id = p.source_id
                              WHERE sp.label = ? AND p.sha256 = o.sha256)
                ORDER BY o.id LIMIT 1""";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, BUCKET);
            s.setString(2, Layout.PHONE);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new BenchmarkFailure(db + ": no face photo of the bucket has a copy on " + Layout.PHONE
                            + "; the sample case is not what the benchmark expects");
                }
                return provider.uri(r.getString(1));
            }
        }
    }

    /** Artifacts and activities (those read from each source's files) by source label. */
    private static Map<String, long[]> bySource(Path db) throws SQLException {
        Map<String, long[]> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT s.label, (SELECT count(*) FROM artifacts a WHERE a.source_id ="
                    + " s.id) FROM sources s ORDER BY s.id")) {
                while (r.next()) {
                    m.put(r.getString(1), new long[] {r.getLong(2), 0});
                }
            }
            try (ResultSet r = s.executeQuery("SELECT s.label, count(*) FROM activities v JOIN artifacts a ON a.id ="
                    + " v.evidence_id JOIN sources s ON s.id = a.source_id GROUP BY s.label")) {
                while (r.next()) {
                    m.computeIfAbsent(r.getString(1), k -> new long[2])[1] = r.getLong(2);
                }
            }
        }
        return m;
    }

    static long count(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
