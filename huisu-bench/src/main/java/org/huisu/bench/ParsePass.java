package org.huisu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.cloudlog.AccessKind;
import org.huisu.formats.cloudlog.ObjectAccess;

/**
 * One pass over a log file on the calling thread, as the extractors read one: the lines through
 * {@link TextLines} (UTF-8, else GB18030; long lines cut) and each into the parser; what the parser
 * gave is counted, nothing is kept.
 */
final class ParsePass {

    /** What one pass read and how long it took, on the wall clock and on the thread's CPU. */
    record Result(long lines, long values, long skips, long errors, String firstError, Map<AccessKind, Long> kinds,
            long wallNanos, long cpuNanos) {

        double linesPerSecond() {
            return lines * 1e9 / wallNanos;
        }
    }

    private ParsePass() {
    }

    static Result run(Path file, LineParser<ObjectAccess> parser) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] kinds = new long[AccessKind.values().length];
        long[] counts = new long[3];
        String[] firstError = {null};
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        TextLines.Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = TextLines.read(in, line -> {
                Parsed<ObjectAccess> parsed = parser.parse(line.text());
                if (parsed instanceof Parsed.Value<ObjectAccess> v) {
                    counts[0]++;
                    kinds[v.value().kind().ordinal()]++;
                } else if (parsed instanceof Parsed.Skip) {
                    counts[1]++;
                } else {
                    if (counts[2]++ == 0) {
                        firstError[0] = "line " + line.number() + ": " + ((Parsed.Error<ObjectAccess>) parsed).message();
                    }
                }
                return true;
            });
        }
        long wall = System.nanoTime() - started;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        Map<AccessKind, Long> byKind = new EnumMap<>(AccessKind.class);
        for (AccessKind k : AccessKind.values()) {
            if (kinds[k.ordinal()] > 0) {
                byKind.put(k, kinds[k.ordinal()]);
            }
        }
        return new Result(summary.lines(), counts[0], counts[1], counts[2], firstError[0],
                Collections.unmodifiableMap(byKind), wall, cpu);
    }
}
