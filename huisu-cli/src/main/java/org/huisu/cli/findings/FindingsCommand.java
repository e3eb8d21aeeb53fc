package org.huisu.cli.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cli.terminal.Table;
import org.huisu.core.Csv;
import org.huisu.core.HuisuException;
import org.huisu.core.Json;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.Category;
import org.huisu.core.store.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huisu findings CASE [--category C] [--format text|json|csv]}: the personal information the
 * detectors found, artifact by artifact, as the contract gives it. Identity and phone numbers are
 * stored masked; nothing here unmasks them.
 */
@Command(name = "findings", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class FindingsCommand implements Callable<Integer> {

    /** Text for people, JSON for programs, CSV for spreadsheets. */
    enum Format {
        text, json, csv
    }

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    java.nio.file.Path caseFolder;

    @Option(names = "--category", paramLabel = "C", descriptionKey = "option.findings.category")
    String category;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            descriptionKey = "option.findings.format")
    Format format;

    public FindingsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Category only = parseCategory();
        Case c = session.openCase(caseFolder);
        switch (format) {
            case json -> printJson(c, only);
            case csv -> printCsv(c, only);
            default -> printText(c, only);
        }
        return 0;
    }

    private Category parseCategory() {
        if (category == null) {
            return null;
        }
        try {
            return Category.valueOf(category.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage(session.text("findings.badCategory", category,
                    String.join(", ", java.util.Arrays.stream(Category.values()).map(Enum::name).toList())));
        }
    }

    private void printText(Case c, Category only) {
        var out = session.out();
        Map<Category, long[]> totals = new TreeMap<>();
        Table table = new Table(session.text("findings.category"), session.text("findings.count"),
                session.text("findings.confidence"), session.text("findings.detector"),
                session.text("findings.where"));
        c.store().forEachFinding(only, row -> {
            long[] t = totals.computeIfAbsent(row.finding().category(), k -> new long[2]);
            t[0]++;
            t[1] += row.finding().count();
            table.row(row.finding().category().name(), Sizes.count(row.finding().count()),
                    String.format(Locale.ROOT, "%.2f", row.finding().confidence()), row.finding().detector(),
                    row.sourceLabel() + ":" + row.artifact().locator());
        });
        if (totals.isEmpty()) {
            out.println(session.text("findings.none", c.folder().root()));
            return;
        }
        table.print(out);
        totals.forEach((category, t) -> out.println(session.text("findings.total", category.name(),
                Sizes.count(t[1]), Sizes.count(t[0]))));
    }

    private void printJson(Case c, Category only) {
        List<Map<String, Object>> findings = new ArrayList<>();
        c.store().forEachFinding(only, row -> findings.add(json(row)));
        JsonOutput.print(session, Map.of("findings", findings));
    }

    static Map<String, Object> json(CaseStore.FindingRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", row.finding().category().name());
        m.put("count", row.finding().count());
        m.put("confidence", row.finding().confidence());
        m.put("detector", row.finding().detector());
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("id", String.valueOf(row.artifact().id()));
        artifact.put("source", row.sourceLabel());
        artifact.put("locator", row.artifact().locator());
        artifact.put("sha256", row.artifact().sha256());
        m.put("artifact", artifact);
        m.put("details", row.finding().details());
        return m;
    }

    private void printCsv(Case c, Category only) {
        var out = session.out();
        out.println("category,count,confidence,detector,source,locator,sha256,details");
        c.store().forEachFinding(only, row -> out.println(String.join(",", row.finding().category().name(),
                Integer.toString(row.finding().count()),
                String.format(Locale.ROOT, "%.4f", row.finding().confidence()), Csv.field(row.finding().detector()),
                Csv.field(row.sourceLabel()), Csv.field(row.artifact().locator()),
                row.artifact().sha256() == null ? "" : row.artifact().sha256(),
                Csv.field(Json.write(row.finding().details())))));
    }
}
