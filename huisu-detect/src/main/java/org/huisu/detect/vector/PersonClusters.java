package org.huisu.detect.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how many people one column's face vectors belong to: each vector joins the group whose
 * centre (the normalised mean of its vectors) is most similar to it, if that cosine similarity is
 * at least {@link #THRESHOLD}, or starts a group of its own; at the end, groups whose centres are
 * that similar are merged. One pass, memory for the centres only.
 *
 * <p>Why 0.40: FaceNet's published verification threshold is an L2 distance of 1.1 between unit
 * vectors, which is a cosine of 1 - 1.1²/2 = 0.395; ArcFace-style models are usually run between
 * 0.3 and 0.5. Measured on the sample case's face database (seed 7: 240 captures of 15 people,
 * 2,166 same-person pairs; same-person cosines 0.523 and up, other people's 0.168 and below), the
 * pairs at or above 0.40 are the same person with precision 1.0000 and recall 1.0000, and the
 * estimate is 15; any threshold from 0.20 to 0.50 does as well there, recall falls to 0.72 at
 * 0.60. {@code ScenarioFaceDatabaseTest} prints these figures on every run.
 */
final class PersonClusters {

    static final double THRESHOLD = 0.40;
    /** Beyond this many groups the estimate stops growing and is reported as a lower bound. */
    static final int MAX_GROUPS = 20_000;
    private static final int MAX_MERGED = 5_000;

    private final double threshold;
    private final List<float[]> sums = new ArrayList<>();
    private final List<float[]> centres = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private boolean capped;
    private long vectors;

    PersonClusters() {
        this(THRESHOLD);
    }

    PersonClusters(double threshold) {
        this.threshold = threshold;
    }

    void add(float[] vector) {
        float[] v = unit(vector);
        if (v == null) {
            return;
        }
        vectors++;
        int best = -1;
        double bestSimilarity = -2;
        for (int i = 0; i < centres.size(); i++) {
            double s = dot(v, centres.get(i));
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = i;
            }
        }
        if (best >= 0 && bestSimilarity >= threshold) {
            float[] sum = sums.get(best);
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
            centres.set(best, unit(sum));
            sizes.set(best, sizes.get(best) + 1);
        } else if (centres.size() < MAX_GROUPS) {
            sums.add(v.clone());
            centres.add(v);
            sizes.add(1);
        } else {
            capped = true;
        }
    }

    /** The number of people: groups after merging those whose centres meet the threshold. */
    int persons() {
        if (centres.size() > MAX_MERGED) {
            return centres.size();
        }
        int n = centres.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int groups = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dot(centres.get(i), centres.get(j)) >= threshold) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[b] = a;
                        groups--;
                    }
                }
            }
        }
        return groups;
    }

    /** Whether some vectors were left out of the estimate because there were too many groups. */
    boolean capped() {
        return capped;
    }

    long vectors() {
        return vectors;
    }

    double threshold() {
        return threshold;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Four running sums, so that the products overlap: the clustering spends its time here. */
    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        double s = (double) s0 + s1 + s2 + s3;
        for (int i = n; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
