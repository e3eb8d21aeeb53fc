package org.huisu.detect.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of one kind found in one artifact: how many, how many different, where (name, lines,
 * columns) and a few masked examples — never a number itself, so that no finding can leak one.
 */
final class Tally {

    /** Masked examples kept. */
    static final int EXAMPLES = 5;
    /** Line numbers kept, for the examiner to open the file where they are. */
    static final int LINES = 20;
    /** Different numbers counted exactly up to here (some 6 MB of keys); beyond, "at least". */
    static final int DISTINCT_LIMIT = 100_000;

    private final Set<Long> keys = new HashSet<>();
    private final Set<String> examples = new LinkedHashSet<>();
    private final List<Long> lines = new ArrayList<>();
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private long occurrences;
    private long linesWith;
    private int inName;
    private boolean distinctCut;
    private double confidence;

    void inName(NumberFinder.Found f) {
        inName++;
        add(f);
    }

    void inLine(long line, NumberFinder.Found f, boolean firstInLine) {
        if (firstInLine) {
            linesWith++;
            if (lines.size() < LINES) {
                lines.add(line);
            }
        }
        add(f);
    }

    void inColumn(String column, NumberFinder.Found f) {
        columns.merge(column, 1, Integer::sum);
        add(f);
    }

    private void add(NumberFinder.Found f) {
        occurrences++;
        if (keys.size() < DISTINCT_LIMIT) {
            keys.add(f.key());
        } else if (!keys.contains(f.key())) {
            distinctCut = true;
        }
        if (examples.size() < EXAMPLES) {
            examples.add(f.masked());
        }
        confidence = Math.max(confidence, f.confidence());
    }

    boolean isEmpty() {
        return occurrences == 0;
    }

    /** How many different numbers (at least, past {@link #DISTINCT_LIMIT}). */
    int distinct() {
        return keys.size();
    }

    double confidence() {
        return confidence;
    }

    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("distinct", keys.size());
        if (distinctCut) {
            d.put("distinctAtLeast", true);
        }
        d.put("occurrences", occurrences);
        d.put("examples", List.copyOf(examples));
        if (inName > 0) {
            d.put("inName", inName);
        }
        if (linesWith > 0) {
            d.put("linesWith", linesWith);
            d.put("lines", List.copyOf(lines));
        }
        if (!columns.isEmpty()) {
            d.put("columns", new LinkedHashMap<>(columns));
        }
        return d;
    }
}
