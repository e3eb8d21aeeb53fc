package org.huisu.detect.vector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Category;
import org.huisu.core.pipeline.Emitter;

/**
 * The vectors of one column (of a table, a CSV file, a JSON document's path, an array file) read
 * with the layout its {@link EmbeddingJudge.Verdict} gave: counted, their norms summed up, grouped
 * into persons, and written as one FACE_FEATURE finding.
 */
final class VectorColumn {

    private static final int EXAMPLES = 5;

    private final EmbeddingJudge.Verdict verdict;
    private final PersonClusters persons = new PersonClusters();
    private final List<Object> examples = new ArrayList<>();
    private long vectors;
    private long undecodable;
    private double minNorm = Double.POSITIVE_INFINITY;
    private double maxNorm;
    private double sumNorm;

    VectorColumn(EmbeddingJudge.Verdict verdict) {
        this.verdict = verdict;
    }

    EmbeddingJudge.Verdict verdict() {
        return verdict;
    }

    /** Reads one stored value of the column; {@code where} (a rowid, a line number) names it in examples. */
    void add(Object value, Object where) {
        float[] v = Values.decode(value, verdict.layout(), verdict.dimension());
        if (v == null) {
            undecodable++;
            return;
        }
        addDecoded(v, where);
    }

    /** Counts one vector already decoded with the column's layout. */
    void addDecoded(float[] v, Object where) {
        double squares = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                undecodable++;
                return;
            }
            squares += (double) x * x;
        }
        if (squares == 0) {
            undecodable++;
            return;
        }
        double norm = Math.sqrt(squares);
        vectors++;
        minNorm = Math.min(minNorm, norm);
        maxNorm = Math.max(maxNorm, norm);
        sumNorm += norm;
        if (examples.size() < EXAMPLES) {
            examples.add(where);
        }
        persons.add(v);
    }

    long vectors() {
        return vectors;
    }

    /** The finding's details: {@code place} (table and column, path, file) first, then what was found. */
    Map<String, Object> details(Map<String, Object> place) {
        Map<String, Object> d = new LinkedHashMap<>(place);
        d.putAll(verdict.describe());
        d.put("vectors", vectors);
        d.put("undecodable", undecodable);
        int estimate = persons.persons();
        d.put("estimatedPersons", estimate);
        if (persons.capped()) {
            d.put("estimatedPersonsIsLowerBound", true);
        }
        d.put("similarity", "cosine");
        d.put("threshold", persons.threshold());
        d.put("clustering", "nearest group centre at or above the threshold, then centres merged at the threshold");
        Map<String, Object> norms = new LinkedHashMap<>();
        norms.put("min", round(minNorm));
        norms.put("max", round(maxNorm));
        norms.put("mean", round(sumNorm / vectors));
        d.put("norm", norms);
        d.put("examples", examples);
        return d;
    }

    /**
     * Writes one FACE_FEATURE finding for the columns of one artifact that hold vectors (a case keeps
     * one finding per artifact, category and detector): the count is all their vectors, the details
     * list every column ({@code columns}, each with its place, layout, count and persons), and the
     * persons at the top are the largest column's estimate — not a sum, since a database's capture
     * column and template column count the same people.
     */
    static void report(Emitter out, Map<Map<String, Object>, VectorColumn> columns) {
        List<Map<String, Object>> described = new ArrayList<>();
        long vectors = 0;
        int persons = 0;
        double confidence = 0;
        for (Map.Entry<Map<String, Object>, VectorColumn> e : columns.entrySet()) {
            VectorColumn c = e.getValue();
            if (c.vectors == 0) {
                continue;
            }
            Map<String, Object> d = c.details(e.getKey());
            described.add(d);
            vectors += c.vectors;
            persons = Math.max(persons, (Integer) d.get("estimatedPersons"));
            confidence = Math.max(confidence, c.verdict.confidence());
        }
        if (described.isEmpty()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vectors", vectors);
        details.put("estimatedPersons", persons);
        details.put("threshold", PersonClusters.THRESHOLD);
        details.put("columns", described);
        out.finding(Category.FACE_FEATURE, (int) Math.min(Integer.MAX_VALUE, vectors), confidence, details);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
