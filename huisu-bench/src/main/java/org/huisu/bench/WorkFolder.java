package org.huisu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a benchmark writes its inputs, cases and listings into: a new temporary folder, or a
 * {@code --work} folder that is new, empty or an earlier run's (marked so), since everything in it
 * is deleted at the end.
 */
final class WorkFolder {

    private static final String OWNER_MARKER = ".huisu-bench";

    private final Path path;
    private final boolean made;

    private WorkFolder(Path path, boolean made) {
        this.path = path;
        this.made = made;
    }

    /** A new temporary folder when {@code requested} is null, else the requested one once claimed. */
    static WorkFolder open(Path requested) throws IOException {
        WorkFolder work = requested == null ? new WorkFolder(Files.createTempDirectory("huisu-bench-"), true)
                : new WorkFolder(claim(requested), false);
        Files.writeString(work.path.resolve(OWNER_MARKER), "made by huisu-bench; everything here may be deleted\n");
        return work;
    }

    Path path() {
        return path;
    }

    /** A --work folder must be new, empty or an earlier run's: its contents are deleted at the end. */
    private static Path claim(Path folder) throws IOException {
        Path work = Files.createDirectories(folder).toAbsolutePath().normalize();
        boolean empty;
        try (var entries = Files.list(work)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.isRegularFile(work.resolve(OWNER_MARKER))) {
            throw new BenchmarkFailure("--work " + work + " holds files that huisu-bench did not make; give a new or"
                    + " empty folder");
        }
        return work;
    }

    /**
     * Empties the folder (and removes it when it was made here), unless {@code keep}, or the run did
     * not finish: then what it holds is the evidence of what went wrong. {@code contents} names it.
     */
    void cleanUp(boolean keep, boolean finished, PrintStream out, String contents) throws IOException {
        if (keep || !finished) {
            out.println((finished ? "kept: " : "left for inspection: ") + path + " (" + contents + ")");
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(path)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            if (!entry.getFileName().toString().equals(OWNER_MARKER)) {
                delete(entry);
            }
        }
        // the marker goes last, so that an interrupted clean-up leaves a folder a later run may claim
        Files.deleteIfExists(path.resolve(OWNER_MARKER));
        if (made) {
            Files.deleteIfExists(path);
        }
    }

    /** Deletes a file or a whole folder; nothing when it is absent. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
