package org.huisu.detect.vector;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from a sample of one column's values (or one file's) whether they are feature vectors, and
 * under which layout and dimension. Every way of reading each value is tried; a reading is a column
 * of embeddings when most values give a plausible vector under it ({@link VectorStats#plausible}),
 * their components are on the whole Gaussian-shaped (kurtosis) and independent of their neighbours,
 * and their norms agree — all equal to 1 when the model normalises. A dimension that face models do
 * not usually have (other than 128, 256, 512, 1024) needs three different vectors or unit norms to
 * count.
 * Column names play no part.
 */
final class EmbeddingJudge {

    /** The dimensions face models write, in the order a tie is broken in. */
    static final List<Integer> STANDARD = List.of(512, 128, 256, 1024);

    /** What the judge found; {@code sampled} values were looked at, {@code plausible} read as vectors. */
    record Verdict(Layout layout, int dimension, int sampled, int plausible, boolean normalised, double confidence) {

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("storage", layout.storage().label());
            m.put("encoding", layout.encoding().type());
            if (layout.encoding().byteOrder() != null) {
                m.put("byteOrder", layout.encoding().byteOrder());
            }
            m.put("dimension", dimension);
            m.put("normalised", normalised);
            return m;
        }
    }

    private record Key(Layout layout, int dimension) {
    }

    private static final class Tally {
        int decoded;
        int plausible;
        int unit;
        double kurtosis;
        double lag1;
        double norms;
        double normSquares;
        final java.util.Set<Integer> distinct = new java.util.HashSet<>();
    }

    private final Map<Key, Tally> tallies = new LinkedHashMap<>();
    private int values;

    /** Looks at one non-empty value, under every layout it can be read with. */
    void add(Object value) {
        values++;
        for (Values.Candidate c : Values.candidates(value)) {
            add(c.layout(), c.vector(), false);
        }
    }

    /** Looks at one vector already cut out under {@code layout} (a headerless file read one way). */
    void addDecoded(Layout layout, float[] vector) {
        add(layout, vector, true);
    }

    private void add(Layout layout, float[] vector, boolean counts) {
        if (counts) {
            values++;
        }
        Tally t = tallies.computeIfAbsent(new Key(layout, vector.length), k -> new Tally());
        t.decoded++;
        VectorStats s = VectorStats.of(vector);
        if (s.plausible()) {
            t.plausible++;
            t.unit += s.unit() ? 1 : 0;
            t.kurtosis += s.kurtosis();
            t.lag1 += s.lag1();
            t.norms += s.norm();
            t.normSquares += s.norm() * s.norm();
            t.distinct.add(java.util.Arrays.hashCode(vector));
        }
    }

    int values() {
        return values;
    }

    /** The reading under which the values are feature vectors, if there is one. */
    Optional<Verdict> verdict() {
        return tallies.entrySet().stream().filter(e -> embeddings(e.getKey(), e.getValue()))
                .map(e -> verdict(e.getKey(), e.getValue()))
                .min(Comparator.comparingInt((Verdict v) -> -v.plausible())
                        .thenComparing(v -> !v.normalised())
                        .thenComparingInt(v -> standardRank(v.dimension()))
                        .thenComparingInt(v -> v.layout().encoding().ordinal())
                        .thenComparingInt(v -> v.layout().storage().ordinal()));
    }

    private boolean embeddings(Key key, Tally t) {
        int p = t.plausible;
        if (p == 0 || p < 0.5 * values || p < 0.8 * t.decoded) {
            return false;
        }
        double cells = (double) key.dimension() * p;
        // a Gaussian's sample kurtosis is 3 ± sqrt(24/n); an even spread of bytes gives 1.8
        double kurtosisFloor = Math.max(2.2, Math.min(2.5, 3 - 3 * Math.sqrt(24 / cells)));
        if (t.kurtosis / p < kurtosisFloor) {
            return false;
        }
        // independent components: lag-1 correlation 0 ± 1/sqrt(n); smooth series are near 1
        if (Math.abs(t.lag1 / p) > Math.max(0.15, 4 / Math.sqrt(cells))) {
            return false;
        }
        boolean normalised = t.unit >= 0.9 * p;
        double meanNorm = t.norms / p;
        double cv = Math.sqrt(Math.max(0, t.normSquares / p - meanNorm * meanNorm)) / meanNorm;
        if (!normalised && p > 1 && cv > 0.5) {
            return false;
        }
        return normalised || STANDARD.contains(key.dimension()) || t.distinct.size() >= 3;
    }

    private Verdict verdict(Key key, Tally t) {
        boolean normalised = t.unit >= 0.9 * t.plausible;
        double confidence = 0.6 + (normalised ? 0.15 : 0) + (STANDARD.contains(key.dimension()) ? 0.1 : 0)
                + (t.plausible >= 10 ? 0.1 : 0);
        confidence *= (double) t.plausible / t.decoded;
        return new Verdict(key.layout(), key.dimension(), values, t.plausible, normalised,
                Math.round(Math.min(0.99, confidence) * 100) / 100.0);
    }

    private static int standardRank(int dimension) {
        int i = STANDARD.indexOf(dimension);
        return i < 0 ? STANDARD.size() : i;
    }
}
