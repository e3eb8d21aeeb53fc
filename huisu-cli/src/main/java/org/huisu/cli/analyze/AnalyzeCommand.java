package org.huisu.cli.analyze;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.huisu.cli.Session;
import org.huisu.detect.face.FaceVideoDetector;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cli.terminal.Table;
import org.huisu.core.HuisuException;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.pipeline.Analysis;
import org.huisu.core.pipeline.Extractor;
import org.huisu.trace.Correlation;
import org.huisu.trace.link.Linker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu analyze CASE}: runs every extractor on everything the case's sources hold. */
@Command(name = "analyze", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class AnalyzeCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder", arity = "0..1")
    Path caseFolder;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "option.analyze.threads")
    Integer threads;

    @Option(names = "--only", paramLabel = "NAMES", split = ",", descriptionKey = "option.analyze.only")
    List<String> only = List.of();

    @Option(names = "--skip", paramLabel = "NAMES", split = ",", descriptionKey = "option.analyze.skip")
    List<String> skip = List.of();

    @Option(names = "--list", descriptionKey = "option.analyze.list")
    boolean list;

    @Option(names = "--video-fps", paramLabel = "F", descriptionKey = "option.analyze.videoFps")
    Double videoFps;

    public AnalyzeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Extractor> all = Analysis.discover();
        List<Linker> linkers = Correlation.discover();
        if (list) {
            Table table = new Table(session.text("analyze.extractor"), session.text("analyze.finds"));
            all.forEach(e -> table.row(e.name(), e.description()));
            linkers.forEach(l -> table.row(l.name(), l.description()));
            table.print(session.out());
            return 0;
        }
        if (caseFolder == null) {
            throw HuisuException.usage(session.text("analyze.noCase"));
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 256) {
            throw HuisuException.usage(session.text("source.add.badThreads", workers));
        }
        if (videoFps != null) {
            if (!(videoFps > 0 && videoFps <= 60)) {
                throw HuisuException.usage(session.text("analyze.badVideoFps", videoFps));
            }
            // read by the face-video detector, which has no other way to be told
            System.setProperty(FaceVideoDetector.FPS_PROPERTY, Double.toString(videoFps));
        }
        Set<String> linkerNames = new LinkedHashSet<>();
        linkers.forEach(l -> linkerNames.add(l.name()));
        Set<String> onlyExtractors = without(only, linkerNames);
        boolean onlyLinkers = !only.isEmpty() && onlyExtractors.isEmpty();
        List<Extractor> chosen = onlyLinkers ? List.of()
                : Analysis.select(all, onlyExtractors, without(skip, linkerNames));
        List<Linker> chosenLinkers = Correlation.select(linkers, Set.copyOf(only), Set.copyOf(skip));
        Case c = session.openCase(caseFolder);
        Analysis.Summary summary = chosen.isEmpty() ? null : run(session, c, chosen, workers);
        Correlation.Summary correlation = correlate(session, c, chosenLinkers);
        session.outcome("analysed " + (summary == null ? 0 : summary.items()) + " items with "
                + (summary == null ? 0 : summary.runs().size()) + " extractors, "
                + (summary == null ? 0 : summary.failed()) + " failed; "
                + correlation.relations().values().stream().mapToLong(Long::longValue).sum() + " relations made by "
                + correlation.relations().size() + " linkers");
        return 0;
    }

    private static Set<String> without(List<String> names, Set<String> linkerNames) {
        Set<String> left = new LinkedHashSet<>(names);
        left.removeAll(linkerNames);
        return left;
    }

    /** The correlate step: the linkers, then the chains; shared with the demo. */
    public static Correlation.Summary correlate(Session session, Case c, List<Linker> linkers) {
        Correlation.Summary summary = new Correlation(c, linkers)
                .run(session.progress(session.text("analyze.correlating")));
        Table table = new Table(session.text("analyze.linker"), session.text("analyze.relations"));
        summary.relations().forEach((name, n) -> table.row(name, Sizes.count(n)));
        table.print(session.out());
        session.out().println(session.text("analyze.correlated",
                Sizes.count(summary.relations().values().stream().mapToLong(Long::longValue).sum()),
                summary.relations().size(), String.format("%.1f", summary.elapsed().toMillis() / 1000.0),
                c.folder().root()));
        return summary;
    }

    /** Runs the analysis and prints its summary; shared with the demo, which runs it on its case. */
    public static Analysis.Summary run(Session session, Case c, List<Extractor> extractors, int threads) {
        Analysis.Summary summary = new Analysis(c, extractors, EvidenceFiles.best(),
                session.progress(session.text("analyze.progress"))).run(threads);
        var out = session.out();
        if (summary.runs().isEmpty()) {
            out.println(session.text("analyze.nothing", c.folder().root()));
            return summary;
        }
        Table table = new Table(session.text("analyze.extractor"), session.text("analyze.items"),
                session.text("analyze.rows"));
        Set<String> names = new LinkedHashSet<>(summary.runs().keySet());
        for (String name : names) {
            table.row(name, Sizes.count(summary.runs().get(name)), Sizes.count(summary.rows().getOrDefault(name, 0L)));
        }
        table.print(out);
        out.println(session.text("analyze.done", Sizes.count(summary.items()), Sizes.count(summary.failed()),
                String.format("%.1f", summary.elapsed().toMillis() / 1000.0), summary.passes()));
        return summary;
    }
}
