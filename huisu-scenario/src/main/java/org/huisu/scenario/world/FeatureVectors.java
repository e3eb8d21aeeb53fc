package org.huisu.scenario.world;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The face-analysis system's feature vectors: 512 float32, L2-normalised. Each person has a base
 * direction; each capture of them lies near it (cosine about 0.78 to it, so about 0.6 between two
 * captures of one person), while two people's vectors are nearly orthogonal (cosine 0 ± 0.05), as
 * with a real face-embedding model.
 */
public final class FeatureVectors {

    public static final int DIMENSIONS = 512;
    private static final double NOISE = 0.035;

    private FeatureVectors() {
    }

    public static float[] base(long seed, Person person) {
        Random random = Seeds.stream(seed, "person-feature", person.face());
        double[] v = new double[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = random.nextGaussian();
        }
        return normalised(v);
    }

    public static float[] of(long seed, Capture capture) {
        float[] base = base(seed, capture.visit().person());
        Random random = Seeds.stream(seed, "capture-feature", capture.index());
        double[] v = new double[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = base[i] + random.nextGaussian() * NOISE;
        }
        return normalised(v);
    }

    private static float[] normalised(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Little-endian float32, as numpy's {@code tobytes()} writes them on the server. */
    public static byte[] bytes(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            b.putFloat(f);
        }
        return b.array();
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
