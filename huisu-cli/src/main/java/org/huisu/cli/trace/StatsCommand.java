package org.huisu.cli.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.core.casefolder.Case;
import org.huisu.trace.chain.Chains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu stats CASE}: records per category (total, unique, by source, by day), vectors, persons, deletion pattern. */
@Command(name = "stats", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class StatsCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "option.lang")
    String lang;

    public StatsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String language = Language.use(lang);
        Case c = session.openCase(caseFolder);
        Chains.Stats stats = ChainCommand.stored(session, c).stats();
        session.outcome("read the statistics");
        String pattern = stats.deletion().pattern() == null ? null
                : stats.deletion().pattern().getOrDefault(language, stats.deletion().pattern().get("en"));
        if (format == OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sources", stats.sources());
            m.put("artifacts", stats.artifacts());
            m.put("personalInformation", stats.personalInformation());
            m.put("featureVectors", stats.featureVectors());
            m.put("estimatedPersons", stats.estimatedPersons());
            Map<String, Object> deletion = new LinkedHashMap<>();
            deletion.put("uploadedThenDeleted", stats.deletion().uploadedThenDeleted());
            deletion.put("pattern", pattern);
            m.put("deletion", deletion);
            JsonOutput.print(session, m);
            return 0;
        }
        PrintWriter out = session.out();
        out.println(session.text("stats.case", Sizes.count(stats.sources()), Sizes.count(stats.artifacts())));
        stats.personalInformation().forEach((category, s) -> {
            out.println(session.text("stats.category", category, Sizes.count(s.total()), Sizes.count(s.unique())));
            s.bySource().forEach((label, n) -> out.println("    " + label + ": " + Sizes.count(n)));
            if (!s.byDay().isEmpty()) {
                StringBuilder days = new StringBuilder();
                s.byDay().forEach((day, n) -> days.append(days.length() == 0 ? "" : ", ").append(day).append(' ')
                        .append(Sizes.count(n)));
                out.println("    " + session.text("stats.byDay") + days);
            }
        });
        out.println(session.text("stats.vectors", Sizes.count(stats.featureVectors()),
                Sizes.count(stats.estimatedPersons())));
        out.println(session.text("stats.deletion", Sizes.count(stats.deletion().uploadedThenDeleted()),
                pattern == null ? session.text("stats.noPattern") : pattern));
        return 0;
    }
}
