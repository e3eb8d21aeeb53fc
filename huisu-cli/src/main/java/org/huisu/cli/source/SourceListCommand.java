package org.huisu.cli.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cli.terminal.Table;
import org.huisu.core.Timestamps;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu source list CASE}: the case's sources with counts and manifest hashes. */
@Command(name = "list", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class SourceListCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    public SourceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Case c = session.openCase(caseFolder);
        List<Source> sources = c.store().sources();
        session.outcome("listed " + sources.size() + " sources");
        if (format == OutputFormat.json) {
            JsonOutput.print(session, Map.of("sources", sources.stream().map(SourceListCommand::json).toList()));
            return 0;
        }
        if (sources.isEmpty()) {
            session.out().println(session.text("source.list.none", c.folder().root()));
            return 0;
        }
        Table table = new Table(session.text("source.list.id"), session.text("source.list.label"),
                session.text("source.list.kind"), session.text("source.list.items"), session.text("source.list.bytes"),
                session.text("source.list.errors"), session.text("source.list.acquired"),
                session.text("source.list.examiner"), session.text("source.list.manifest"),
                session.text("source.list.locator"));
        for (Source s : sources) {
            table.row(s.id(), s.label(), s.kind().cliName(), Sizes.count(s.items()), Sizes.bytes(s.bytes()),
                    Sizes.count(s.errors()), Timestamps.forDisplay(Timestamps.format(s.acquired())), s.examiner(),
                    s.manifestSha256(), s.locator());
        }
        table.print(session.out());
        return 0;
    }

    /** The contract's JSON shape of a source, shared with {@code source add --format json}. */
    static Map<String, Object> json(Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(s.id()));
        m.put("label", s.label());
        m.put("kind", s.kind().cliName());
        m.put("locator", s.locator());
        m.put("items", s.items());
        m.put("bytes", s.bytes());
        m.put("errors", s.errors());
        m.put("manifestSha256", s.manifestSha256());
        m.put("acquired", Timestamps.format(s.acquired()));
        m.put("utcOffset", s.utcOffset());
        m.put("examiner", s.examiner());
        m.put("hash", HashAlgorithm.labels(s.hashAlgorithms()));
        m.put("copied", s.copied());
        return m;
    }
}
