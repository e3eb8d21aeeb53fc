package org.huisu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the benchmarks say about the machine they ran on, and the programs it has. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The first processor's model name, from /proc/cpuinfo. */
    static String cpuModel() throws IOException {
        String model = cpuInfo("model name");
        return model.isEmpty() ? "unknown CPU" : model;
    }

    /** Whether the first processor has that flag in /proc/cpuinfo ({@code sha_ni}, {@code avx2}). */
    static boolean hasCpuFlag(String flag) throws IOException {
        return (" " + cpuInfo("flags") + " ").contains(" " + flag + " ");
    }

    private static String cpuInfo(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith(field) && line.indexOf(':') > 0
                    && line.substring(0, line.indexOf(':')).trim().equals(field)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    static long memoryBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    /** The load average over the last minute: whatever else ran slows the figures. */
    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).anyMatch(dir -> !dir.isEmpty()
                && Files.isExecutable(Path.of(dir, program)));
    }

    /** Stops the benchmark when a program is missing, naming the Debian package that has it. */
    static void need(List<String> programs, String debianPackage) {
        for (String program : programs) {
            if (!onPath(program)) {
                throw new BenchmarkFailure(program + " is not on PATH" + (debianPackage == null ? ""
                        : ": install the Debian package '" + debianPackage + "'"));
            }
        }
    }

    static String gib(long bytes) {
        return String.format("%.2f GiB", bytes / (double) (1L << 30));
    }
}
