package org.huisu.bench;

import java.nio.file.Path;
import java.util.Set;

/** The correlation benchmark's options; the defaults are the sizes the targets are set at. */
record CorrelationOptions(int activities, int artifacts, int records, int days, int runs, int threads, String heap,
        Path work, boolean keep, long seed) {

    static final String USAGE = """
            usage: CorrelationBenchmark [options]
              --activities N  activities the case holds in all: the sample case's, and S3 access-log lines
                              added to reach N (default 1000000)
              --artifacts N   artifacts the case holds in all: the sample case's, and a folder of small
                              files, a fifth of them copies, added to reach N (default 200000)
              --records N     face records of the generated sample case (default 3000)
              --days N        days of capture of the sample case (default 10)
              --runs N        timed runs of chain and of each trace in their JVM; the first and the best
                              are reported (default 3)
              --threads N     acquisition and analysis threads while the case is built (default: the
                              number of cores)
              --heap SIZE     the -Xmx correlation runs with, as -Xmx takes it (default 2g, the target)
              --work DIR      where the sample case, the added evidence and the case go (default: a new
                              temp folder)
              --keep          leave them in place at the end
              --seed N        seed of the sample case, the log lines and the files (default 20240315)
              --help          show this
            """;

    private static final Set<String> TAKES_VALUE = Set.of("--activities", "--artifacts", "--records", "--days",
            "--runs", "--threads", "--heap", "--work", "--seed");

    /** Reads the arguments; null means --help was asked for. */
    static CorrelationOptions parse(String[] args) {
        int activities = 1_000_000;
        int artifacts = 200_000;
        int records = 3000;
        int days = 10;
        int runs = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        String heap = "2g";
        Path work = null;
        boolean keep = false;
        long seed = 20240315L;
        OptionValues.Arguments given = OptionValues.read(args, Set.of("--keep"), TAKES_VALUE);
        if (given == null) {
            return null;
        }
        keep = given.flag("--keep");
        for (var option : given.values().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--activities" -> activities = OptionValues.positive(name, value);
                case "--artifacts" -> artifacts = OptionValues.positive(name, value);
                case "--records" -> records = OptionValues.positive(name, value);
                case "--days" -> days = OptionValues.positive(name, value);
                case "--runs" -> runs = OptionValues.positive(name, value);
                case "--threads" -> threads = OptionValues.positive(name, value);
                case "--heap" -> heap = OptionValues.heap(name, value);
                case "--work" -> work = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalStateException(name);
            }
        }
        // the generator's own rule: two days at least (one uploaded and deleted, one seized), four captures a day
        if (days < 2) {
            throw new IllegalArgumentException("--days " + days + ": at least 2 are needed");
        }
        if (records < 4 * days) {
            throw new IllegalArgumentException("--records " + records + ": at least " + 4 * days + " are needed for "
                    + days + " days");
        }
        return new CorrelationOptions(activities, artifacts, records, days, runs, threads, heap, work, keep, seed);
    }


    long heapBytes() {
        return OptionValues.size("--heap", heap);
    }
}
