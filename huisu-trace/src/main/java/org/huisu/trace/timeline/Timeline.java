package org.huisu.trace.timeline;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huisu.core.Csv;
import org.huisu.core.Json;
import org.huisu.core.model.Activity;
import org.huisu.core.store.CaseStore;

/**
 * Every dated activity of the case in time order, in the columns Timesketch imports ({@code message},
 * {@code datetime}, {@code timestamp_desc}, and the rest as attributes): CSV or JSON lines, streamed.
 */
public final class Timeline {

    public enum Format {
        CSV, JSONL
    }

    private static final String[] COLUMNS = {"datetime", "timestamp_desc", "message", "kind", "stage", "actor",
        "subject", "source", "locator", "sha256", "extractor", "activity_id"};

    private Timeline() {
    }

    /** Writes the timeline; returns how many events it wrote. */
    public static long write(CaseStore store, Format format, PrintWriter out) {
        long[] n = {0};
        if (format == Format.CSV) {
            out.println(String.join(",", COLUMNS));
        }
        store.forEachTimelineRow(row -> {
            Map<String, Object> e = event(row);
            if (format == Format.CSV) {
                java.util.List<String> values = new java.util.ArrayList<>();
                for (String c : COLUMNS) {
                    values.add(Csv.field(e.get(c) == null ? null : e.get(c).toString()));
                }
                out.println(String.join(",", values));
            } else {
                out.println(Json.write(e));
            }
            n[0]++;
        });
        out.flush();
        return n[0];
    }

    static Map<String, Object> event(CaseStore.TimelineRow row) {
        Activity a = row.activity();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("datetime", a.started().toString());
        e.put("timestamp_desc", a.kind().name().charAt(0) + a.kind().name().substring(1).toLowerCase().replace('_', ' ')
                + " time");
        Object text = a.attributes().get("text");
        e.put("message", a.kind().name() + " " + (a.subject() == null ? "" : a.subject())
                + (a.attributes().get("remoteAddress") == null ? "" : " from " + a.attributes().get("remoteAddress"))
                + (text == null ? "" : " — " + text));
        e.put("kind", a.kind().name());
        e.put("stage", a.stage() == null ? null : a.stage().name());
        e.put("actor", row.actor());
        e.put("subject", a.subject());
        e.put("source", row.source());
        Object line = a.attributes().get("line");
        e.put("locator", row.locator() == null ? null : row.locator() + (line == null ? "" : "#line " + line));
        e.put("sha256", row.sha256());
        e.put("extractor", a.extractor());
        e.put("activity_id", a.id());
        return e;
    }
}
