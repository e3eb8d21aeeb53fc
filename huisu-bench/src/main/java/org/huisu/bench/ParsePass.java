package org.huisu.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.cloudlog.AccessKind;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.cloudlog.ObjectAccess;

/**
 * A pass over a log file on one thread, as the extractors read one: the lines through
 * {@link TextLines} (UTF-8, else GB18030; long lines cut) and each into the parser; what the parser
 * gave is counted, nothing is kept. The passes of one format run in a JVM of their own (see
 * {@link #inOwnJvm}), so that the code the JIT compiled for one format's lines, or for the line reader
 * without a parser, is not what the others are timed with.
 */
final class ParsePass {

    /** What one pass read and how long it took, on the wall clock and on the thread's CPU. */
    record Result(long lines, long values, long skips, long errors, String firstError, Map<AccessKind, Long> kinds,
            long wallNanos, long cpuNanos) {

        double linesPerSecond() {
            return lines * 1e9 / wallNanos;
        }

        double linesPerCpuSecond() {
            return lines * 1e9 / cpuNanos;
        }

        /** One line of text for the parent JVM; the error, which may hold blanks, last. */
        String write() {
            StringBuilder k = new StringBuilder();
            kinds.forEach((kind, n) -> k.append(k.length() == 0 ? "" : ",").append(kind).append('=').append(n));
            return lines + " " + values + " " + skips + " " + errors + " " + wallNanos + " " + cpuNanos + " "
                    + (k.length() == 0 ? "-" : k) + " " + (firstError == null ? "-" : firstError);
        }

        static Result read(String text) {
            String[] f = text.split(" ", 8);
            Map<AccessKind, Long> kinds = new EnumMap<>(AccessKind.class);
            if (!f[6].equals("-")) {
                for (String pair : f[6].split(",")) {
                    String[] kv = pair.split("=");
                    kinds.put(AccessKind.valueOf(kv[0]), Long.parseLong(kv[1]));
                }
            }
            return new Result(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    f[7].equals("-") ? null : f[7], Collections.unmodifiableMap(kinds), Long.parseLong(f[4]),
                    Long.parseLong(f[5]));
        }
    }

    /** The passes of one JVM: the first (untimed: it warms the JIT up), then the timed ones. */
    record Passes(Result first, List<Result> timed) {

        Result best() {
            return timed.stream().min((a, b) -> Long.compare(a.wallNanos(), b.wallNanos())).orElseThrow();
        }
    }

    /** The parser name that asks for the line reader alone: each line read and decoded, not parsed. */
    static final String NO_PARSER = "-";

    private ParsePass() {
    }

    /** A pass with the parser, or with none ({@code parser} null: the line reader alone). */
    static Result run(Path file, LineParser<ObjectAccess> parser) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] kinds = new long[AccessKind.values().length];
        long[] counts = new long[4];
        String[] firstError = {null};
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        TextLines.Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = TextLines.read(in, line -> {
                if (parser == null) {
                    counts[3] += line.text().length();
                    return true;
                }
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

    /**
     * Runs the passes in a new JVM with this one's options and class path; {@code parser} may be
     * {@link #NO_PARSER}. {@code progress} is told as each pass ends.
     */
    static Passes inOwnJvm(Path file, String parser, int runs, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParsePass.class.getName(),
                file.toString(), parser, Integer.toString(runs)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(Redirect.from(new File("/dev/null"))).start();
        Result first = null;
        List<Result> timed = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                int blank = line.indexOf(' ');
                String tag = blank < 0 ? line : line.substring(0, blank);
                switch (tag) {
                    case "first" -> first = Result.read(line.substring(blank + 1));
                    case "timed" -> timed.add(Result.read(line.substring(blank + 1)));
                    default -> other.add(line);
                }
                if (tag.equals("first") || tag.equals("timed")) {
                    progress.accept(tag);
                }
            }
        }
        int status = process.waitFor();
        if (status != 0 || first == null || timed.size() != runs) {
            throw new BenchmarkFailure("the parsing JVM (" + String.join(" ", command) + ") exited with status " + status
                    + ":\n" + String.join("\n", other.subList(Math.max(0, other.size() - 20), other.size())));
        }
        return new Passes(first, timed);
    }

    /** In the parsing JVM: FILE PARSER RUNS, PARSER a name or {@code -}; one line a pass on standard output. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        LineParser<ObjectAccess> parser = args[1].equals(NO_PARSER) ? null : CloudLogFormats.named(args[1])
                .orElseThrow(() -> new IllegalArgumentException("no parser named " + args[1]));
        int runs = Integer.parseInt(args[2]);
        System.out.println("first " + run(file, parser).write());
        for (int i = 0; i < runs; i++) {
            System.out.println("timed " + run(file, parser).write());
        }
    }
}
