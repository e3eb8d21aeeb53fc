package org.huisu.cli.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.trace.walk.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu trace CASE --from REF}: where an artifact came from, or where it went, hop by hop with the reasons. */
@Command(name = "trace", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class TraceCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--from", paramLabel = "REF", required = true, descriptionKey = "option.trace.from")
    String from;

    @Option(names = "--direction", paramLabel = "upstream|downstream|both", defaultValue = "upstream",
            descriptionKey = "option.trace.direction")
    String direction;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "12", descriptionKey = "option.trace.depth")
    int depth;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "option.lang")
    String lang;

    public TraceCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String language = Language.use(lang);
        Trace.Direction d;
        try {
            d = Trace.Direction.valueOf(direction.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage(session.text("trace.badDirection", direction));
        }
        if (depth < 1 || depth > 100) {
            throw HuisuException.usage(session.text("trace.badDepth", depth));
        }
        Case c = session.openCase(caseFolder);
        Trace.Result result = new Trace(c.store()).walk(from, d, depth);
        session.outcome("traced " + d.name().toLowerCase(Locale.ROOT) + " from " + from + ": "
                + result.hops().size() + " hops");
        if (format == OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("artifact", result.from() == null ? null : String.valueOf(result.from().id()));
            start.put("source", result.fromSource());
            start.put("locator", result.from() == null ? null : result.from().locator());
            if (result.fromActivity() != null) {
                start.put("activity", String.valueOf(result.fromActivity().id()));
            }
            m.put("from", start);
            m.put("direction", d.name().toLowerCase(Locale.ROOT));
            List<Map<String, Object>> hops = new ArrayList<>();
            result.hops().forEach(h -> hops.add(Trace.json(h, language)));
            m.put("hops", hops);
            m.put("truncated", result.truncated());
            JsonOutput.print(session, m);
            return 0;
        }
        PrintWriter out = session.out();
        out.println(session.text("trace.title", session.text("trace." + d.name().toLowerCase(Locale.ROOT)),
                result.fromSource() + ":"
                + (result.from() == null ? from : result.from().locator())));
        if (result.hops().isEmpty()) {
            out.println(session.text("trace.none"));
            return 0;
        }
        for (Trace.Hop h : result.hops()) {
            String indent = "  ".repeat(Math.min(h.depth(), 10));
            String what;
            if (h.actor() != null) {
                what = h.actor().kind().jsonName() + " " + h.actor().name()
                        + (h.actor().addresses().isEmpty() ? "" : " (" + String.join(", ", h.actor().addresses()) + ")");
            } else if (h.activity() != null) {
                what = h.activity().kind().name() + " " + (h.activity().subject() == null ? "" : h.activity().subject())
                        + (h.activity().started() == null ? "" : " at " + h.activity().started())
                        + (h.artifact() == null ? "" : "  [" + h.sourceLabel() + ":" + h.artifact().locator() + "]");
            } else {
                what = h.artifact().kind().name() + " " + h.sourceLabel() + ":" + h.artifact().locator();
            }
            out.println(indent + "← " + h.relation().kind().provName() + " (" + h.relation().linker() + ", "
                    + String.format(Locale.ROOT, "%.2f", h.relation().confidence()) + ") " + what);
            out.println(indent + "   " + h.relation().explanation(language));
        }
        if (result.truncated()) {
            out.println(session.text("trace.truncated", Trace.MOST_HOPS));
        }
        return 0;
    }
}
