package org.huisu.bench;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command under GNU time, which reports the CPU time and the peak resident memory of the
 * command and of every process it waited for, so that a pipeline is measured whole. The wall
 * time is taken here, around the child process.
 */
final class GnuTime {

    static final Path PROGRAM = Path.of("/usr/bin/time");

    /** One run: wall, user and system seconds, and the largest resident set of any of its processes. */
    record Measurement(double wallSeconds, double userSeconds, double systemSeconds, long peakRssKib) {

        double peakRssMegabytes() {
            return peakRssKib * 1024 / 1e6;
        }
    }

    private final Path scratch;

    /** {@code scratch} holds GNU time's report and the command's standard error. */
    GnuTime(Path scratch) {
        this.scratch = scratch;
    }

    Measurement run(List<String> command, Path directory, Redirect stdout) throws IOException, InterruptedException {
        return run(command, directory, stdout, Map.of());
    }

    /**
     * As {@link #run(List, Path, Redirect)}, with these variables added to the command's environment;
     * a null value removes the variable it names.
     */
    Measurement run(List<String> command, Path directory, Redirect stdout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path report = scratch.resolve("time-report.txt");
        Path stderr = scratch.resolve("stderr.txt");
        List<String> timed = new ArrayList<>(List.of(PROGRAM.toString(), "-f", "%U %S %M", "-o", report.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .directory(directory.toFile())
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout)
                .redirectError(stderr.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        long started = System.nanoTime();
        Process process = builder.start();
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        if (status != 0) {
            throw new BenchmarkFailure(String.join(" ", command) + " exited with status " + status + tail(stderr));
        }
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        String[] fields = lines.get(lines.size() - 1).trim().split(" ");
        return new Measurement(wall, Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Long.parseLong(fields[2]));
    }

    /** Runs a command untimed and returns its standard output; a non-zero exit stops the benchmark. */
    static String output(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new BenchmarkFailure(String.join(" ", command) + " exited with status " + status + ":\n" + out);
        }
        return out;
    }

    private static String tail(Path stderr) throws IOException {
        // lenient decoding: a tool's complaint may quote a file name in another charset
        List<String> lines = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
        return last.isEmpty() ? " (nothing on standard error)" : ":\n" + String.join("\n", last);
    }
}
