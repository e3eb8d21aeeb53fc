package org.huisu.bench;

/**
 * What every benchmark's {@code main} does around its work: options parsed (a usage error is exit
 * 2 with the usage, {@code --help} prints it), the run, and its end as an exit status — 0 when every
 * check held (a missed target does not count), 1 when one failed, 130 when interrupted. It always
 * exits, as servers started in the benchmark's JVM (s3proxy) keep threads that are not daemons.
 */
final class BenchMain {

    /** Options from the arguments; null for {@code --help}; IllegalArgumentException when wrong. */
    interface Parser<O> {
        O parse(String[] args);
    }

    /** The benchmark itself; true when every check held. */
    interface Body<O> {
        boolean run(O options) throws Exception;
    }

    private BenchMain() {
    }

    static <O> void run(String[] args, Parser<O> parser, String usage, Body<O> body) {
        O options;
        try {
            options = parser.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("huisu-bench: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(usage);
            return;
        }
        int status;
        try {
            status = body.run(options) ? 0 : 1;
        } catch (BenchmarkFailure e) {
            System.err.println("huisu-bench: FAILED: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        } catch (Exception e) {
            System.err.println("huisu-bench: FAILED: " + e);
            status = 1;
        }
        System.exit(status);
    }

    /**
     * The end of a run: the load average (was the machine idle?) and the checks that failed; true
     * when none did.
     */
    static boolean closing(java.io.PrintStream out, java.util.List<String> failures) throws java.io.IOException {
        out.println("load average over the last minute after the runs: " + Machine.loadAverage());
        if (!failures.isEmpty()) {
            out.println();
            out.println("FAILED checks:");
            failures.forEach(f -> out.println("  " + f));
        }
        return failures.isEmpty();
    }
}
