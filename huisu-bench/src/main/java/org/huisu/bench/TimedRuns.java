package org.huisu.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.huisu.bench.GnuTime.Measurement;

/** The timed runs of one tool, under the label its table row shows: medians of each figure, the largest peak memory. */
record TimedRuns(String label, List<Measurement> measurements) {

    double medianWall() {
        return median(Measurement::wallSeconds);
    }

    double median(ToDoubleFunction<Measurement> figure) {
        return median(measurements.stream().mapToDouble(figure).toArray());
    }

    /** The largest of the runs: a memory target is about the worst case. */
    double peakRssMegabytes() {
        return measurements.stream().mapToDouble(Measurement::peakRssMegabytes).max().orElse(0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
