package org.huisu.cli.source;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cloud.S3Locator;
import org.huisu.core.HuisuException;
import org.huisu.core.Timestamps;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu source add CASE LOCATOR}: acquires an evidence source. */
@Command(name = "add", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class SourceAddCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Parameters(index = "1", paramLabel = "LOCATOR", descriptionKey = "option.source.add.locator")
    String locator;

    @Option(names = "--label", paramLabel = "TEXT", descriptionKey = "option.source.add.label")
    String label;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto", descriptionKey = "option.source.add.kind")
    String kind;

    @Option(names = "--hash", paramLabel = "LIST", defaultValue = "sha256", descriptionKey = "option.source.add.hash")
    String hash;

    @Option(names = "--copy", descriptionKey = "option.source.add.copy")
    boolean copy;

    @Option(names = "--again", descriptionKey = "option.source.add.again")
    boolean again;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "option.source.add.threads")
    Integer threads;

    @Option(names = "--timezone", paramLabel = "ZONE", descriptionKey = "option.source.add.timezone")
    String timezone;

    @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "option.source.add.endpoint")
    String endpoint;

    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1", descriptionKey = "option.source.add.region")
    String region;

    @Option(names = "--path-style", descriptionKey = "option.source.add.pathStyle")
    boolean pathStyle;

    @Option(names = "--include", paramLabel = "GLOB", descriptionKey = "option.source.add.include")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", descriptionKey = "option.source.add.exclude")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-bytes", paramLabel = "SIZE", descriptionKey = "option.source.add.maxBytes")
    String maxBytes;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "8", descriptionKey = "option.source.add.connections")
    int connections;

    @Option(names = "--examiner", paramLabel = "NAME", descriptionKey = "option.source.add.examiner")
    String examiner;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    public SourceAddCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Set<HashAlgorithm> algorithms;
        try {
            algorithms = HashAlgorithm.parseList(hash);
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage("--hash " + hash + ": " + e.getMessage());
        }
        SourceKind sourceKind = parseKind();
        if (S3Locator.isS3(locator) || sourceKind == SourceKind.S3) {
            return new CloudSourceAdd(session, this).run();
        }
        if (endpoint != null || pathStyle || !includes.isEmpty() || !excludes.isEmpty() || maxBytes != null) {
            throw HuisuException.usage(session.text("source.add.cloudOptionsOnly", locator));
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 256) {
            throw HuisuException.usage(session.text("source.add.badThreads", workers));
        }
        ZoneId zone = parseZone();
        Case c = session.openCase(caseFolder);
        String who = session.examiner(examiner);
        Progress progress = session.progress(session.text("source.add.progress"));
        Acquisition.Result result = new Acquisition(c, EvidenceFiles.best(), progress)
                .run(new Acquisition.Request(Path.of(locator), label, sourceKind, algorithms, copy, again, workers,
                        who, zone));
        Source s = result.source();
        session.outcome("acquired source " + s.id() + " '" + s.label() + "' (" + s.items() + " items, "
                + s.bytes() + " bytes, " + s.errors() + " errors), manifest sha256 " + s.manifestSha256());
        if (format == OutputFormat.json) {
            printJson(c, result);
        } else {
            printText(c, result);
        }
        return 0;
    }

    ZoneId parseZone() {
        if (timezone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            throw HuisuException.usage(session.text("source.add.badZone", timezone));
        }
    }

    private SourceKind parseKind() {
        if (kind.equals("auto")) {
            return null;
        }
        try {
            return SourceKind.fromCliName(kind);
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage(session.text("source.add.badKind", kind));
        }
    }

    private void printText(Case c, Acquisition.Result r) {
        Source s = r.source();
        Acquisition.Counts n = r.counts();
        double seconds = Math.max(r.elapsed().toMillis(), 1) / 1000.0;
        var out = session.out();
        out.println(session.text("source.add.done", s.label(), s.id(), s.kind().cliName(), s.locator()));
        out.println(session.text("source.add.items", Sizes.count(n.items()), Sizes.count(n.files()),
                Sizes.count(n.directories()), Sizes.count(n.links()), Sizes.count(n.special())));
        out.println(session.text("source.add.bytes", Sizes.bytes(n.bytes()), Sizes.count(n.bytes()),
                String.format("%.1f", seconds), Sizes.rate(n.bytes() / seconds)));
        out.println(session.text("source.add.hashes", HashAlgorithm.labels(s.hashAlgorithms()),
                s.copied() ? session.text("source.add.copied") : ""));
        out.println(session.text("source.add.manifest", s.manifestSha256(), c.folder().root().relativize(r.manifest())));
        out.println(session.text("source.add.custody", s.examiner(),
                Timestamps.forDisplay(Timestamps.format(s.acquired()))));
        if (!r.sameManifest().isEmpty()) {
            out.println(session.text("source.add.again", r.sameManifest().get(0).label()));
        }
        if (n.accessTimesNotKept() > 0) {
            out.println(session.text("source.add.atime", Sizes.count(n.accessTimesNotKept())));
        }
        out.println(session.text("source.add.errors", Sizes.count(n.errors())));
        for (ExtractionError e : r.errors()) {
            out.println("  ! " + e.message());
        }
        if (n.errors() > r.errors().size()) {
            out.println(session.text("source.add.moreErrors", Sizes.count(n.errors() - r.errors().size())));
        }
    }

    private void printJson(Case c, Acquisition.Result r) {
        Map<String, Object> json = new LinkedHashMap<>(SourceListCommand.json(r.source()));
        json.put("files", r.counts().files());
        json.put("directories", r.counts().directories());
        json.put("links", r.counts().links());
        json.put("special", r.counts().special());
        json.put("seconds", r.elapsed().toMillis() / 1000.0);
        json.put("manifestObject", c.folder().root().relativize(r.manifest()).toString());
        json.put("accessTimesNotKept", r.counts().accessTimesNotKept());
        List<Map<String, Object>> errors = r.errors().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locator", e.locator());
            m.put("code", e.code());
            m.put("message", e.message());
            return m;
        }).toList();
        json.put("firstErrors", errors);
        JsonOutput.print(session, json);
    }
}
