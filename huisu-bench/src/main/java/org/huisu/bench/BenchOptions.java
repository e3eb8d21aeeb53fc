package org.huisu.bench;

import java.nio.file.Path;
import java.util.Set;

/** The acquisition benchmark's options; the defaults are the sizes the targets are set at. */
record BenchOptions(int files, long bytes, int largeFiles, int runs, int threads, Path huisu, Path work,
        boolean keep, boolean cold, long seed) {

    static final String USAGE = """
            usage: AcquisitionBenchmark [options]
              --files N       regular files in the tree, the large ones included (default 20000)
              --bytes SIZE    total size of the tree: 2g, 1g, 500m, ... (binary units; default 2g)
              --large N       how many large files share what the small files leave (default 4)
              --runs N        timed runs of each tool; the median is reported (default 3)
              --threads N     huisu --threads and hashdeep -j (default: the number of cores)
              --huisu PATH    the huisu launcher (default huisu-cli/target/huisu/bin/huisu)
              --work DIR      where the tree and the cases go; a tree made there earlier with the same
                              --files, --bytes, --large and --seed is reused (default: a new temp folder)
              --keep          leave the tree and the cases in place at the end
              --cold          empty the page cache before every run instead of warming it (needs root)
              --seed N        seed of the file sizes and contents (default 1)
              --help          show this
            """;

    private static final Set<String> TAKES_VALUE =
            Set.of("--files", "--bytes", "--large", "--runs", "--threads", "--huisu", "--work", "--seed");

    /** Reads the arguments; null means --help was asked for. */
    static BenchOptions parse(String[] args) {
        int files = 20_000;
        long bytes = 2L << 30;
        int large = 4;
        int runs = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        Path huisu = Path.of("huisu-cli/target/huisu/bin/huisu");
        Path work = null;
        boolean keep = false;
        boolean cold = false;
        long seed = 1;
        OptionValues.Arguments given = OptionValues.read(args, Set.of("--keep", "--cold"), TAKES_VALUE);
        if (given == null) {
            return null;
        }
        keep = given.flag("--keep");
        cold = given.flag("--cold");
        for (var option : given.values().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--files" -> files = OptionValues.positive(name, value);
                case "--bytes" -> bytes = OptionValues.size(name, value);
                case "--large" -> large = OptionValues.atLeastZero(name, value);
                case "--runs" -> runs = OptionValues.positive(name, value);
                case "--threads" -> threads = OptionValues.positive(name, value);
                case "--huisu" -> huisu = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (large >= files) {
            throw new IllegalArgumentException("--large " + large + " leaves no small files among --files " + files);
        }
        if (bytes < 10L * files) {
            throw new IllegalArgumentException("--bytes " + bytes + " is too small for " + files + " files");
        }
        return new BenchOptions(files, bytes, large, runs, threads, huisu, work, keep, cold, seed);
    }
}
