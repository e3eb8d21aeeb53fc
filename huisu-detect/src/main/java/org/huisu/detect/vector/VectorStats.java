package org.huisu.detect.vector;

/**
 * What one vector's numbers look like. A face embedding's components are many, of one magnitude,
 * centred on zero, roughly Gaussian and independent of their neighbours; prices, coordinates and
 * readings sit away from zero or change smoothly, and bytes that are not floats (JPEG, compressed
 * data) read as floats span dozens of orders of magnitude, or, read as int8, spread evenly.
 *
 * @param mean      mean of the components
 * @param spread    their standard deviation
 * @param norm      L2 norm
 * @param peak      largest distance from the mean, in standard deviations
 * @param tiny      share of components below a thousandth of the standard deviation (zeros included)
 * @param kurtosis  fourth moment over the squared second (3 for a Gaussian, 1.8 for an even spread)
 * @param lag1      correlation of each component with the next (0 when independent)
 * @param distinct  how many different values the components take (an embedding's are nearly all
 *                  different, int8 ones still dozens)
 */
record VectorStats(int dimension, boolean finite, double mean, double spread, double norm, double peak, double tiny,
        double kurtosis, double lag1, int distinct) {

    static VectorStats of(float[] v) {
        int d = v.length;
        double sum = 0;
        double squares = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return new VectorStats(d, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 0);
            }
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / d;
        double m2 = 0;
        double m4 = 0;
        double lag = 0;
        double peak = 0;
        for (int i = 0; i < d; i++) {
            double c = v[i] - mean;
            double c2 = c * c;
            m2 += c2;
            m4 += c2 * c2;
            peak = Math.max(peak, Math.abs(c));
            if (i + 1 < d) {
                lag += c * (v[i + 1] - mean);
            }
        }
        double variance = m2 / d;
        double spread = Math.sqrt(variance);
        if (!(spread > 0) || !Double.isFinite(squares)) {
            return new VectorStats(d, Double.isFinite(squares), mean, 0, Math.sqrt(squares), 0, 1, 0, 0, 1);
        }
        int tiny = 0;
        double small = spread * 1e-3;
        for (float x : v) {
            if (Math.abs(x) < small) {
                tiny++;
            }
        }
        float[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < d; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        return new VectorStats(d, true, mean, spread, Math.sqrt(squares), peak / spread, (double) tiny / d,
                (m4 / d) / (variance * variance), lag / m2, distinct);
    }

    /**
     * Whether this one vector could be an embedding; loose, since one vector says little: the
     * column's verdict ({@link EmbeddingJudge}) weighs many.
     */
    boolean plausible() {
        return finite && Values.inRange(dimension) && spread > 0 && Math.abs(mean) <= 0.35 * spread && peak <= 15
                && tiny <= 0.1 && kurtosis >= 1.9 && Math.abs(lag1) <= 0.5 && distinct >= Math.min(dimension / 4, 32);
    }

    /** L2 norm 1, as after the normalisation most face models end with (float16 rounding allowed). */
    boolean unit() {
        return Math.abs(norm - 1) <= 0.02;
    }
}
