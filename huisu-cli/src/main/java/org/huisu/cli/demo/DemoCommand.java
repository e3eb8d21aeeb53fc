package org.huisu.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.huisu.cli.Session;
import org.huisu.cli.analyze.AnalyzeCommand;
import org.huisu.cli.trace.ChainCommand;
import org.huisu.trace.Correlation;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cli.terminal.Table;
import org.huisu.core.HuisuException;
import org.huisu.cloud.CloudInspection;
import org.huisu.cloud.KeySelection;
import org.huisu.cloud.ReadOnlyS3;
import org.huisu.cloud.S3Credentials;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.pipeline.Analysis;
import org.huisu.scenario.Layout;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.ScenarioGenerator;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.cloud.S3Server;
import org.huisu.scenario.samples.SamplePhotos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huisu demo}: generates the sample face-capture case, serves its bucket over S3, makes a
 * Huisu case of it and runs every step Huisu has on it.
 */
@Command(name = "demo", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    /** The key the demo's S3 server accepts, as lawfully obtained credentials would be. */
    public static final String ACCESS_KEY = "AKIAHUISUDEMOEXAMPLE";
    public static final String SECRET_KEY = "huisu-demo-secret-for-127.0.0.1-only";

    /** The label of the bucket's source. */
    public static final String BUCKET = "bucket";

    private final Session session;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "huisu-demo", descriptionKey = "option.demo.dir")
    Path dir;

    @Option(names = "--records", paramLabel = "N", defaultValue = "1500", descriptionKey = "option.demo.records")
    int records;

    @Option(names = "--days", paramLabel = "D", defaultValue = "10", descriptionKey = "option.demo.days")
    int days;

    @Option(names = "--provider", paramLabel = "s3|oss", defaultValue = "s3", descriptionKey = "option.demo.provider")
    String provider;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240315", descriptionKey = "option.demo.seed")
    long seed;

    @Option(names = "--serve", descriptionKey = "option.demo.serve")
    boolean serve;

    public DemoCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        Provider cloud = parseProvider();
        Scenario scenario;
        try {
            scenario = new Scenario(seed, records, days, cloud, Scenario.of(seed, records, cloud).firstDay());
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage("--records " + records + " --days " + days + ": " + e.getMessage());
        }
        Path root = dir.toAbsolutePath().normalize();
        clearPreviousDemo(root);
        SamplePhotos photos = SamplePhotos.load();
        var out = session.out();
        out.println(session.text("demo.generating", root, seed, Sizes.count(records), days, cloud.cliName()));
        int threads = Runtime.getRuntime().availableProcessors();
        ScenarioGenerator.Result world = new ScenarioGenerator(photos, session.progress(session.text("demo.progress")),
                threads).generate(scenario, root);
        Layout layout = world.layout();
        out.println(session.text("demo.generated", String.format("%.1f", world.elapsed().toMillis() / 1000.0),
                layout.evidence(), layout.truth()));

        try (S3Server s3 = S3Server.start(layout.cloud(), 0, ACCESS_KEY, SECRET_KEY)) {
            out.println(session.text("demo.serving", cloud.uri(""), s3.endpoint(), ACCESS_KEY));
            Case c = Case.create(root.resolve("case"), session.text("demo.caseName"), examiner());
            session.created(c);
            session.examiner(c.info().examiner());
            List<Source> sources = new ArrayList<>();
            record Evidence(Path path, String label, SourceKind kind) {
            }
            for (Evidence e : List.of(new Evidence(layout.server(), Layout.SERVER, SourceKind.DIRECTORY),
                    new Evidence(layout.phone(), Layout.PHONE, SourceKind.ANDROID),
                    new Evidence(layout.router(), Layout.ROUTER, SourceKind.DIRECTORY),
                    new Evidence(layout.bucketLogs(), Layout.BUCKET_LOGS, SourceKind.LOGS))) {
                Acquisition.Result r = new Acquisition(c, EvidenceFiles.best(),
                        session.progress(session.text("demo.acquiring", e.label())))
                        .run(new Acquisition.Request(e.path(), e.label(), e.kind(), EnumSet.of(HashAlgorithm.SHA256),
                                false, false, threads, c.info().examiner(), Scenario.OFFICE_ZONE));
                sources.add(r.source());
            }
            // the bucket as an examiner sees it: remotely, read-only, over the S3 protocol
            CloudInspection.Result bucket = new CloudInspection(c,
                    session.progress(session.text("demo.acquiring", BUCKET)))
                    .run(new CloudInspection.Request("s3://" + cloud.bucket(),
                            new ReadOnlyS3.Endpoint(s3.endpoint(), "us-east-1", true, 8, 8),
                            new S3Credentials(ACCESS_KEY, SECRET_KEY, null), BUCKET, KeySelection.all(), false,
                            c.info().examiner(), Scenario.OFFICE_ZONE));
            sources.add(bucket.source());
            out.println(session.text("demo.case", c.folder().root()));
            Table table = new Table(session.text("source.list.id"), session.text("source.list.label"),
                    session.text("source.list.kind"), session.text("source.list.items"),
                    session.text("source.list.bytes"), session.text("source.list.errors"),
                    session.text("source.list.manifest"));
            for (Source s : sources) {
                table.row(s.id(), s.label(), s.kind().cliName(), Sizes.count(s.items()), Sizes.bytes(s.bytes()),
                        Sizes.count(s.errors()), s.manifestSha256().substring(0, 16) + "…");
            }
            table.print(out);
            out.println(session.text("demo.analysing"));
            AnalyzeCommand.run(session, c, Analysis.discover(), threads);
            Correlation.Summary correlation = AnalyzeCommand.correlate(session, c, Correlation.discover());
            out.println(session.text("demo.chain"));
            ChainCommand.print(session, correlation.chains(), session.locale().getLanguage().equals("zh") ? "zh" : "en");
            out.println(session.text("demo.next", c.folder().root()));
            session.outcome("generated the sample case (seed " + seed + ", " + records + " records, " + cloud.cliName()
                    + ") and acquired " + sources.size() + " sources");
            out.println(session.text("demo.done", String.format("%.1f",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0)));
            if (serve) {
                out.println(session.text("demo.serveUntil", s3.endpoint(), ACCESS_KEY, SECRET_KEY, cloud.bucket()));
                out.flush();
                new CountDownLatch(1).await();
            }
        }
        return 0;
    }

    private Provider parseProvider() {
        try {
            return Provider.fromCliName(provider);
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage(session.text("demo.badProvider", provider));
        }
    }

    private String examiner() {
        String who = session.examiner(null);
        return who != null ? who : session.text("demo.examiner");
    }

    /** A folder holding an earlier demo (its truth.json and case) is replaced; anything else is refused. */
    private void clearPreviousDemo(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(root)) {
            empty = entries.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!Files.isRegularFile(root.resolve("truth.json")) || !Files.isDirectory(root.resolve("evidence"))) {
            throw HuisuException.usage(session.text("demo.notADemo", root));
        }
        session.out().println(session.text("demo.replacing", root));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
