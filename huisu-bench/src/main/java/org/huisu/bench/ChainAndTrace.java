package org.huisu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huisu.core.Json;
import org.huisu.core.casefolder.Case;
import org.huisu.core.store.CaseStore;
import org.huisu.trace.Correlation;
import org.huisu.trace.chain.Chains;
import org.huisu.trace.walk.Trace;

/**
 * What {@code huisu chain} and {@code huisu trace} do once the case is open, timed in a fresh JVM
 * on a correlated case: the stored chains read and written as JSON; then each walk asked for, given
 * as {@code NAME:DIRECTION:REF} ({@code up:UPSTREAM:s3://bucket/key}), 12 hops deep, each hop
 * written as JSON. Each is run {@code RUNS} times; the first run (a cold JIT, as a command-line user
 * gets it) and the best are printed as one line that {@link CorrelationBenchmark} reads:
 * {@code huisu-bench-answers key=value ...}.
 */
public final class ChainAndTrace {

    static final String RESULT = "huisu-bench-answers";
    static final int DEPTH = 12;

    private ChainAndTrace() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ChainAndTrace CASE RUNS [NAME:UPSTREAM|DOWNSTREAM|BOTH:REF ...]");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[1]);
        Map<String, Object> result = new LinkedHashMap<>();
        long opening = System.nanoTime();
        try (Case c = Case.open(Path.of(args[0]))) {
            result.put("openNanos", System.nanoTime() - opening);
            CaseStore store = c.store();
            time(result, "chain", runs, () -> {
                Chains chains = Correlation.stored(store);
                if (chains == null) {
                    throw new BenchmarkFailure(args[0] + ": the case holds no chains; was it correlated?");
                }
                return new long[] {Json.write(chains).length(), chains.chains().size()};
            });
            for (String walk : List.of(args).subList(2, args.length)) {
                String[] w = walk.split(":", 3);
                Trace.Direction direction = Trace.Direction.valueOf(w[1]);
                time(result, w[0], runs, () -> walk(store, w[2], direction));
            }
        }
        StringBuilder line = new StringBuilder(RESULT);
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.exit(0);
    }

    /** JSON characters and hops of one walk, as {@code huisu trace --format json} writes it. */
    private static long[] walk(CaseStore store, String ref, Trace.Direction direction) {
        Trace.Result r = new Trace(store).walk(ref, direction, DEPTH);
        List<Map<String, Object>> hops = new ArrayList<>();
        r.hops().forEach(h -> hops.add(Trace.json(h, "en")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", ref);
        m.put("direction", direction.name().toLowerCase(Locale.ROOT));
        m.put("hops", hops);
        return new long[] {Json.write(m).length(), hops.size()};
    }

    private interface Answer {
        long[] run();
    }

    /** Runs it {@code runs} times: first and best nanoseconds, and what the first gave (JSON characters, items). */
    private static void time(Map<String, Object> result, String name, int runs, Answer answer) {
        long first = 0;
        long best = Long.MAX_VALUE;
        long[] gave = null;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            long[] g = answer.run();
            long took = System.nanoTime() - started;
            if (i == 0) {
                first = took;
                gave = g;
            }
            best = Math.min(best, took);
        }
        result.put(name + "FirstNanos", first);
        result.put(name + "BestNanos", best);
        result.put(name + "Json", gave[0]);
        result.put(name + "Items", gave[1]);
    }
}
