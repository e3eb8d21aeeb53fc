package org.huisu.cli.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cli.terminal.Table;
import org.huisu.core.HuisuException;
import org.huisu.core.Timestamps;
import org.huisu.core.casefolder.Case;
import org.huisu.core.store.CaseStore;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu source show CASE LABEL}: one source with its chain of custody and extraction errors. */
@Command(name = "show", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class SourceShowCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Parameters(index = "1", paramLabel = "SOURCE", descriptionKey = "option.source.show.source")
    String reference;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    public SourceShowCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Case c = session.openCase(caseFolder);
        Source s = c.store().sourceByLabel(reference)
                .or(() -> reference.matches("\\d+") ? c.store().source(Long.parseLong(reference))
                        : java.util.Optional.empty())
                .orElseThrow(() -> HuisuException.usage(session.text("source.show.unknown", reference, caseFolder)));
        List<Custody> custody = c.store().custody(s.id());
        List<ExtractionError> errors = c.store().errors(s.id());
        Map<ArtifactKind, Long> artifacts = c.store().artifactCounts(s.id());
        List<CaseStore.ActivityCount> activities = c.store().activityCounts(s.id());
        session.outcome("showed source " + s.id() + " '" + s.label() + "'");
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", SourceListCommand.json(s));
            json.put("custody", custody.stream().map(SourceShowCommand::json).toList());
            json.put("errors", errors.stream().map(SourceShowCommand::json).toList());
            Map<String, Object> kinds = new LinkedHashMap<>();
            artifacts.forEach((k, n) -> kinds.put(k.name(), n));
            json.put("artifacts", kinds);
            json.put("activities", activities.stream().map(SourceShowCommand::json).toList());
            JsonOutput.print(session, json);
            return 0;
        }
        var out = session.out();
        out.println(session.text("source.show.title", s.label(), s.id(), s.kind().cliName(), s.locator()));
        out.println(session.text("source.show.counts", Sizes.count(s.items()), Sizes.bytes(s.bytes()),
                Sizes.count(s.bytes()), Sizes.count(s.errors())));
        out.println(session.text("source.add.manifest", s.manifestSha256(),
                c.folder().root().relativize(c.objects().path(s.manifestSha256()))));
        out.println(session.text("source.show.custody"));
        for (Custody k : custody) {
            out.println(session.text("source.show.custodyEntry", Timestamps.forDisplay(Timestamps.format(k.time())),
                    k.utcOffset(), k.event(), k.examiner(), k.osUser(), k.machine(), k.tool(), k.locator()));
        }
        out.println(session.text("source.show.artifacts", artifacts.entrySet().stream()
                .map(e -> e.getKey().name() + " " + Sizes.count(e.getValue())).collect(Collectors.joining(", "))));
        if (!activities.isEmpty()) {
            out.println(session.text("source.show.activities"));
            Table table = new Table("  " + session.text("source.show.activity"), session.text("source.show.stage"),
                    session.text("source.show.extractor"),
                    session.text("source.show.count"), session.text("source.show.first"),
                    session.text("source.show.last"));
            for (CaseStore.ActivityCount a : activities) {
                table.row("  " + a.kind().name(), a.stage() == null ? "-" : a.stage().name(), a.extractor(), Sizes.count(a.count()),
                        Timestamps.forDisplay(Timestamps.format(a.first())),
                        Timestamps.forDisplay(Timestamps.format(a.last())));
            }
            table.print(out);
        }
        out.println(session.text("source.show.errors", Sizes.count(errors.size())));
        for (ExtractionError e : errors) {
            out.println("  " + e.code() + "  " + e.locator() + ": " + e.message() + (e.occurrences() > 1 ? " (×"
                    + e.occurrences() + ")" : "") + (e.examples().isEmpty() ? "" : " — "
                    + String.join("; ", e.examples())));
        }
        return 0;
    }

    private static Map<String, Object> json(Custody k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", k.event());
        m.put("time", Timestamps.format(k.time()));
        m.put("utcOffset", k.utcOffset());
        m.put("examiner", k.examiner());
        m.put("osUser", k.osUser());
        m.put("machine", k.machine());
        m.put("tool", k.tool());
        m.put("locator", k.locator());
        m.put("manifestSha256", k.manifestSha256());
        m.put("details", k.details());
        return m;
    }

    private static Map<String, Object> json(CaseStore.ActivityCount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activity", a.kind().name());
        m.put("stage", a.stage() == null ? null : a.stage().name());
        m.put("extractor", a.extractor());
        m.put("count", a.count());
        m.put("first", Timestamps.format(a.first()));
        m.put("last", Timestamps.format(a.last()));
        return m;
    }

    private static Map<String, Object> json(ExtractionError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("locator", e.locator());
        m.put("phase", e.phase().name());
        m.put("code", e.code());
        m.put("message", e.message());
        m.put("occurrences", e.occurrences());
        m.put("examples", e.examples());
        m.put("artifact", e.artifactId() == null ? null : String.valueOf(e.artifactId()));
        m.put("time", Timestamps.format(e.occurred()));
        return m;
    }
}
