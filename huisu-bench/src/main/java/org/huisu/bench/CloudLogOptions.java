package org.huisu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huisu.bench.SyntheticAccessLog.Format;

/** The cloud access-log benchmark's options; the defaults are the sizes the targets are set at. */
record CloudLogOptions(long bytes, List<Format> formats, int runs, String heap, Path huisu, Path work, boolean keep,
        long seed) {

    static final String USAGE = """
            usage: CloudLogBenchmark [options]
              --bytes SIZE    size of each generated log: 2g, 200m, ... (binary units; default 2g); the memory
                              check runs once more on a log an eighth of that size
              --formats LIST  which logs: s3, oss or s3,oss (default s3,oss)
              --runs N        timed runs of the parser (after one untimed run), of wc -l and of GoAccess;
                              the best is reported (default 3)
              --heap SIZE     the -Xmx huisu runs with for the extraction into the case (default 256m)
              --huisu PATH    the huisu launcher (default huisu-cli/target/huisu/bin/huisu)
              --work DIR      where the logs, the cases and the reports go (default: a new temp folder)
              --keep          leave the logs and the cases in place at the end
              --seed N        seed of the generated lines (default 1)
              --help          show this
            """;

    private static final Set<String> TAKES_VALUE =
            Set.of("--bytes", "--formats", "--runs", "--heap", "--huisu", "--work", "--seed");
    private static final long MIN_BYTES = 1L << 20;

    /** Reads the arguments; null means --help was asked for. */
    static CloudLogOptions parse(String[] args) {
        long bytes = 2L << 30;
        List<Format> formats = List.of(Format.S3, Format.OSS);
        int runs = 3;
        String heap = "256m";
        Path huisu = Path.of("huisu-cli/target/huisu/bin/huisu");
        Path work = null;
        boolean keep = false;
        long seed = 1;
        OptionValues.Arguments given = OptionValues.read(args, Set.of("--keep"), TAKES_VALUE);
        if (given == null) {
            return null;
        }
        keep = given.flag("--keep");
        for (var option : given.values().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--bytes" -> bytes = OptionValues.size(name, value);
                case "--formats" -> formats = formats(value);
                case "--runs" -> runs = OptionValues.positive(name, value);
                case "--heap" -> heap = OptionValues.heap(name, value);
                case "--huisu" -> huisu = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("--bytes " + bytes + " is too small: give at least 1m");
        }
        return new CloudLogOptions(bytes, formats, runs, heap, huisu, work, keep, seed);
    }

    /** The smaller log's size, for showing that memory does not grow with the log. */
    long smallBytes() {
        return bytes / 8;
    }

    private static List<Format> formats(String value) {
        List<Format> formats = new ArrayList<>();
        for (String name : value.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            Format f = switch (n) {
                case "s3" -> Format.S3;
                case "oss" -> Format.OSS;
                default -> throw new IllegalArgumentException("--formats " + value + ": " + n
                        + " is neither s3 nor oss");
            };
            if (!formats.contains(f)) {
                formats.add(f);
            }
        }
        return List.copyOf(formats);
    }


    long heapBytes() {
        return OptionValues.size("--heap", heap);
    }
}
