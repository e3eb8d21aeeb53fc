package org.huisu.cli.actor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Table;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu actor list CASE}: the actors analysis found and examiners attributed, with their addresses. */
@Command(name = "list", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class ActorListCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    public ActorListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Case c = session.openCase(caseFolder);
        List<Actor> actors = c.store().actors();
        if (format == OutputFormat.json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Actor a : actors) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", String.valueOf(a.id()));
                m.put("kind", a.kind().jsonName());
                m.put("name", a.name());
                m.put("addresses", a.addresses());
                m.put("attributes", a.attributes());
                out.add(m);
            }
            JsonOutput.print(session, Map.of("actors", out));
            return 0;
        }
        if (actors.isEmpty()) {
            session.out().println(session.text("actor.list.none", c.folder().root()));
            return 0;
        }
        Table table = new Table(session.text("actor.list.id"), session.text("actor.list.kind"),
                session.text("actor.list.name"), session.text("actor.list.addresses"),
                session.text("actor.list.attributed"));
        for (Actor a : actors) {
            Object attributions = a.attributes() == null ? null : a.attributes().get("attributions");
            table.row(a.id(), a.kind().jsonName(), a.name(), String.join(", ", a.addresses()),
                    attributions instanceof List<?> l ? l.size() + "" : "");
        }
        table.print(session.out());
        return 0;
    }
}
