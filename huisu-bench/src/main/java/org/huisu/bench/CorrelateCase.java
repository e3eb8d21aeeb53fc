package org.huisu.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.casefolder.Case;
import org.huisu.core.progress.Progress;
import org.huisu.trace.Correlation;
import org.huisu.trace.link.CaseIndex;
import org.huisu.trace.link.Linker;
import org.huisu.trace.link.Links;

/**
 * The correlate step of {@code huisu analyze} on a case, alone in a JVM of its own so that the heap
 * it reports is correlation's: every linker, then the chains. Prints how long each part took — the
 * case loaded into memory, each linker, the chains assembled and committed — and then one line
 * that {@link CorrelationBenchmark} reads: {@code huisu-bench-correlation key=value ...}.
 */
public final class CorrelateCase {

    static final String RESULT = "huisu-bench-correlation";

    private CorrelateCase() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CorrelateCase CASE");
            System.exit(2);
        }
        long opening = System.nanoTime();
        try (Case c = Case.open(Path.of(args[0]))) {
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            List<TimedLinker> linkers = new ArrayList<>();
            Correlation.discover().forEach(l -> linkers.add(new TimedLinker(l)));
            Stages stages = new Stages();
            long started = System.nanoTime();
            stages.started = started;
            Correlation.Summary summary = new Correlation(c, List.copyOf(linkers)).run(stages);
            long elapsed = System.nanoTime() - started;

            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long gcMillis = 0;
            long collections = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMillis += Math.max(0, gc.getCollectionTime());
                collections += Math.max(0, gc.getCollectionCount());
            }

            System.out.printf("  case opened in %.2f s%n", openSeconds);
            System.out.printf("  %-34s %8.2f s%n", "case loaded (CaseIndex), old relations deleted",
                    (stages.loaded - started) / 1e9);
            long relations = 0;
            for (int i = 0; i < linkers.size(); i++) {
                TimedLinker l = linkers.get(i);
                long made = summary.relations().getOrDefault(l.name(), 0L);
                relations += made;
                // from the end of the previous linker: its own work and the last batch written
                long from = i == 0 ? stages.loaded : stages.finished.get(i - 1);
                System.out.printf("  %-34s %8.2f s  (link %.2f s)  %,d relations%n", "linker " + l.name(),
                        (stages.finished.get(i) - from) / 1e9, l.nanos / 1e9, made);
            }
            long lastLinker = stages.finished.isEmpty() ? stages.loaded : stages.finished.get(stages.finished.size() - 1);
            System.out.printf("  %-34s %8.2f s  (%d chains)%n", "chains assembled, stored, committed",
                    (stages.closed - lastLinker) / 1e9, summary.chains() == null ? 0 : summary.chains().chains().size());
            System.out.printf("  %-34s %8.2f s  (collector: %,d collections, %.2f s)%n", "correlation in all",
                    elapsed / 1e9, collections, gcMillis / 1000.0);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("elapsedNanos", elapsed);
            result.put("summaryNanos", summary.elapsed().toNanos());
            result.put("loadNanos", stages.loaded - started);
            result.put("peakHeapBytes", peak);
            result.put("relations", relations);
            result.put("chains", summary.chains() == null ? 0 : summary.chains().chains().size());
            result.put("gcMillis", gcMillis);
            StringBuilder line = new StringBuilder(RESULT);
            result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            System.out.println(line);
        }
        System.exit(0);
    }

    /** A linker timed around its {@code link}, which includes the batches of relations it writes as it goes. */
    private static final class TimedLinker implements Linker {

        private final Linker linker;
        long nanos;

        TimedLinker(Linker linker) {
            this.linker = linker;
        }

        @Override
        public String name() {
            return linker.name();
        }

        @Override
        public String description() {
            return linker.description();
        }

        @Override
        public int order() {
            return linker.order();
        }

        @Override
        public void link(CaseIndex index, Links out) {
            long started = System.nanoTime();
            try {
                linker.link(index, out);
            } finally {
                nanos += System.nanoTime() - started;
            }
        }
    }

    /**
     * Correlation's progress calls as clock readings: the totals are announced once the case is
     * loaded, an item finishes with each linker, and the end comes after the chains are committed.
     */
    private static final class Stages implements Progress {

        long started;
        long loaded;
        final List<Long> finished = new ArrayList<>();
        long closed;

        @Override
        public void discovered(long items, long bytes) {
            loaded = System.nanoTime();
        }

        @Override
        public void finishedItems(long items) {
            finished.add(System.nanoTime());
        }

        @Override
        public void close() {
            closed = System.nanoTime();
        }
    }
}
