package org.huisu.bench;

import java.nio.file.Path;
import java.util.Set;

/** The S3 inspection benchmark's options; the defaults are the sizes the target is set at. */
record S3InspectionOptions(int objects, int size, int runs, int connections, Path huisu, Path aws, Path work,
        boolean keep, long seed) {

    static final String USAGE = """
            usage: S3InspectionBenchmark [options]
              --objects N     objects in the bucket (default 10000)
              --size SIZE     size of each object: 20k, 1m, ... (binary units; default 20k, at most 64m)
              --runs N        timed runs of each tool, after one untimed check run; the median is
                              reported (default 3)
              --connections N huisu source add --connections (default 8, huisu's own default); awscli
                              runs with its own max_concurrent_requests, which is printed
              --huisu PATH    the huisu launcher (default huisu-cli/target/huisu/bin/huisu)
              --aws PATH      the aws program (default /usr/bin/aws, the Debian package awscli)
              --work DIR      where the bucket, the cases and the folders go; a bucket made there earlier
                              with the same --objects, --size and --seed is reused (default: a new temp folder)
              --keep          leave the bucket, the cases and the folders in place at the end
              --seed N        seed of the objects' bytes (default 1)
              --help          show this
            """;

    private static final Set<String> TAKES_VALUE = Set.of("--objects", "--size", "--runs", "--connections", "--huisu",
            "--aws", "--work", "--seed");
    private static final long MAX_SIZE = 64L << 20;

    /** Reads the arguments; null means --help was asked for. */
    static S3InspectionOptions parse(String[] args) {
        int objects = 10_000;
        long size = 20L << 10;
        int runs = 3;
        int connections = 8;
        Path huisu = Path.of("huisu-cli/target/huisu/bin/huisu");
        Path aws = AwsCli.DEBIAN_PROGRAM;
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
                case "--objects" -> objects = OptionValues.positive(name, value);
                case "--size" -> size = OptionValues.size(name, value);
                case "--runs" -> runs = OptionValues.positive(name, value);
                case "--connections" -> connections = OptionValues.positive(name, value);
                case "--huisu" -> huisu = Path.of(value);
                case "--aws" -> aws = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size " + size + ": give from 1 byte to 64m");
        }
        if (connections > 256) {
            throw new IllegalArgumentException("--connections " + connections + ": huisu takes at most 256");
        }
        return new S3InspectionOptions(objects, (int) size, runs, connections, huisu, aws, work, keep, seed);
    }
}
