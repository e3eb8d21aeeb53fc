package org.huisu.detect.vector;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Test vectors unlike the scenario generator's: per-person base directions with a per-dimension
 * scale (as real models have some dimensions livelier than others), captures scattered around them,
 * normalised or not, and written in the encodings face systems use.
 */
final class Embeddings {

    private Embeddings() {
    }

    /** {@code persons} × {@code perPerson} vectors of {@code dimension}, person by person. */
    static List<float[]> of(long seed, int persons, int perPerson, int dimension, boolean normalised) {
        Random r = new Random(seed);
        double[] scale = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            scale[i] = 0.5 + r.nextDouble();
        }
        List<float[]> out = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            double[] base = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                base[i] = r.nextGaussian() * scale[i];
            }
            for (int k = 0; k < perPerson; k++) {
                float[] v = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    v[i] = (float) (base[i] + 0.6 * r.nextGaussian() * scale[i]);
                }
                // unnormalised, the norms vary from 20 to 30, as raw ArcFace outputs do
                double factor = (normalised ? 1 : 20 + 10 * r.nextDouble()) / norm(v);
                for (int i = 0; i < dimension; i++) {
                    v[i] = (float) (v[i] * factor);
                }
                out.add(v);
            }
        }
        return out;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    static byte[] float32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] float64(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] float16(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putShort(half(x));
        }
        return b.array();
    }

    /** Symmetric per-vector quantisation to -127..127, as int8 vector stores do. */
    static byte[] int8(float[] v) {
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.round(v[i] / max * 127);
        }
        return out;
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String json(float[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return s.append(']').toString();
    }

    /** A version 1 .npy file of {@code rows} × {@code dimension} little-endian float32. */
    static byte[] npy(List<float[]> rows) {
        int d = rows.get(0).length;
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.size() + ", " + d + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        rows.forEach(r -> out.writeBytes(float32(r)));
        return out.toByteArray();
    }

    /** IEEE binary16, rounded to nearest (normal range only, as embeddings need). */
    static short half(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
        int mantissa = bits & 0x7FFFFF;
        if (exponent <= 0) {
            // subnormal or zero
            if (exponent < -10) {
                return (short) sign;
            }
            mantissa = (mantissa | 0x800000) >> (1 - exponent);
            return (short) (sign | (mantissa + 0x1000) >> 13);
        }
        if (exponent >= 31) {
            return (short) (sign | 0x7C00);
        }
        return (short) (sign | (exponent << 10) + ((mantissa + 0x1000) >> 13));
    }
}
