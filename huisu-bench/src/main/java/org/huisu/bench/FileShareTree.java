package org.huisu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * A seized file share of many small files (256 bytes to 4 KiB of seeded random bytes) in nested
 * folders, 100 to a folder and 10 folders to a top folder, a fifth of them copies of earlier ones
 * — most of those of the first few thousand, so that some contents have a handful of copies and a
 * few have dozens — which gives the same-content linker its work. A content is made from its own
 * seed, so a copy is written again rather than kept in memory.
 */
final class FileShareTree {

    /** The tree written: regular files, folders (the root included), files that copy another, bytes. */
    record Made(Path root, long files, long folders, long copies, long bytes, Duration took) {

        /** Artifacts an acquisition makes of it: one a file and one a folder. */
        long artifacts() {
            return files + folders;
        }
    }

    static final int FILES_PER_FOLDER = 100;
    static final int FOLDERS_PER_TOP = 10;
    /** One file in this many is a copy of an earlier one. */
    static final int COPY_ONE_IN = 5;
    /** Copies are of one of the first this many files. */
    private static final int COPIED_FROM = 5000;
    private static final int SMALLEST = 256;
    private static final int LARGEST = 4096;

    private FileShareTree() {
    }

    /** How many files make a tree of about {@code artifacts} artifacts, folders included. */
    static int filesFor(long artifacts) {
        // a folder for every 100 files, a top folder for every 1,000, and the root
        return (int) Math.max(0, Math.floor((artifacts - 1) / (1 + 1.0 / FILES_PER_FOLDER
                + 1.0 / (FILES_PER_FOLDER * FOLDERS_PER_TOP))));
    }

    static Made write(Path root, int files, long seed) throws IOException {
        long started = System.nanoTime();
        Random random = new Random(seed);
        Files.createDirectories(root);
        long folders = 1;
        long copies = 0;
        long bytes = 0;
        Path folder = null;
        // what the first files hold, a copy among them holding another's
        int[] early = new int[Math.min(files, COPIED_FROM)];
        for (int i = 0; i < files; i++) {
            int content = i;
            if (i > 0 && random.nextInt(COPY_ONE_IN) == 0) {
                content = early[random.nextInt(Math.min(i, COPIED_FROM))];
                copies++;
            }
            if (i < early.length) {
                early[i] = content;
            }
            int inFolder = i / FILES_PER_FOLDER;
            Path file = root.resolve(String.format("t%03d/s%d/f%06d.dat", inFolder / FOLDERS_PER_TOP,
                    inFolder % FOLDERS_PER_TOP, i));
            if (!file.getParent().equals(folder)) {
                if (folder == null || !file.getParent().getParent().equals(folder.getParent())) {
                    folders++;
                }
                folder = Files.createDirectories(file.getParent());
                folders++;
            }
            byte[] b = content(seed, content);
            Files.write(file, b);
            bytes += b.length;
        }
        return new Made(root, files, folders, copies, bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The bytes of content number {@code n}: the same for the original and every copy. */
    static byte[] content(long seed, int n) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + n);
        byte[] b = new byte[SMALLEST + r.nextInt(LARGEST - SMALLEST + 1)];
        r.nextBytes(b);
        return b;
    }
}
