package org.huisu.cli.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.trace.Correlation;
import org.huisu.trace.chain.Chains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huisu chain CASE}: per category of personal information found, the stages it went through
 * — COLLECT to DELETE — with actors, places, times, counts, confidence, explanation and evidence,
 * as the last {@code analyze} assembled them; a stage without evidence is shown missing.
 */
@Command(name = "chain", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class ChainCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "option.lang")
    String lang;

    public ChainCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String language = Language.use(lang);
        Case c = session.openCase(caseFolder);
        Chains chains = stored(session, c);
        session.outcome("read the chains of " + chains.chains().size() + " categories");
        if (format == OutputFormat.json) {
            JsonOutput.print(session, json(chains, language));
        } else {
            print(session, chains, language);
        }
        return 0;
    }

    static Chains stored(Session session, Case c) {
        Chains chains = Correlation.stored(c.store());
        if (chains == null) {
            throw HuisuException.unreadable(session.text("chain.notCorrelated", c.folder().root()));
        }
        return chains;
    }

    /** The contract's JSON: explanations in the language asked for. */
    static Map<String, Object> json(Chains chains, String language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", chains.caseName());
        m.put("generated", chains.generated());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Chains.Chain chain : chains.chains()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("category", chain.category());
            c.put("records", Map.of("total", chain.total(), "unique", chain.unique()));
            List<Map<String, Object>> stages = new ArrayList<>();
            for (Chains.StageReport s : chain.stages()) {
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("stage", s.stage());
                st.put("status", s.found() ? "found" : "missing");
                st.put("activity", s.activity());
                st.put("actors", s.actors());
                st.put("locations", s.locations());
                st.put("from", s.from());
                st.put("to", s.to());
                st.put("records", s.records());
                st.put("confidence", s.confidence());
                st.put("explanation", s.explanation().getOrDefault(language, s.explanation().get("en")));
                List<Map<String, Object>> evidence = new ArrayList<>();
                for (Chains.EvidenceRef e : s.evidence()) {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("artifact", String.valueOf(e.artifact()));
                    ev.put("source", e.source());
                    ev.put("locator", e.locator());
                    ev.put("sha256", e.sha256());
                    evidence.add(ev);
                }
                st.put("evidence", evidence);
                stages.add(st);
            }
            c.put("stages", stages);
            list.add(c);
        }
        m.put("chains", list);
        return m;
    }

    /** The chains for people; shared with the demo, which ends with them. */
    public static void print(Session session, Chains chains, String language) {
        PrintWriter out = session.out();
        if (chains.chains().isEmpty()) {
            out.println(session.text("chain.none"));
            return;
        }
        for (Chains.Chain chain : chains.chains()) {
            out.println(session.text("chain.title", chain.category(), Sizes.count(chain.total()),
                    Sizes.count(chain.unique())));
            for (Chains.StageReport s : chain.stages()) {
                String explanation = s.explanation().getOrDefault(language, s.explanation().get("en"));
                if (!s.found()) {
                    out.println(String.format("  %-9s %s", s.stage(), explanation));
                    continue;
                }
                out.println(String.format("  %-9s %-13s %s → %s  %s  %s", s.stage(), s.activity(), shortTime(s.from()),
                        shortTime(s.to()), session.text("chain.records", Sizes.count(s.records())),
                        session.text("chain.confidence", String.format(java.util.Locale.ROOT, "%.2f", s.confidence()))));
                if (!s.actors().isEmpty()) {
                    List<String> actors = new ArrayList<>();
                    for (Chains.ActorRef a : s.actors()) {
                        actors.add(a.kind() + " " + a.name() + (a.addresses().isEmpty() ? ""
                                : " (" + String.join(", ", a.addresses()) + ")"));
                    }
                    out.println("      " + session.text("chain.actors") + String.join("; ", actors));
                }
                if (!s.locations().isEmpty()) {
                    out.println("      " + session.text("chain.where") + String.join(", ", s.locations()));
                }
                out.println("      " + session.text("chain.why") + explanation);
                for (Chains.EvidenceRef e : s.evidence().subList(0, Math.min(3, s.evidence().size()))) {
                    out.println("      " + session.text("chain.evidence") + e.source() + ":" + e.locator()
                            + (e.sha256() == null ? "" : "  sha256 " + e.sha256().substring(0, 16) + "…"));
                }
            }
            out.println();
        }
    }

    private static String shortTime(String iso) {
        if (iso == null) {
            return "?";
        }
        return iso.length() >= 16 ? iso.substring(0, 10) + " " + iso.substring(11, 16) : iso;
    }
}
