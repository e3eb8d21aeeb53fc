package org.huisu.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;

/**
 * A tree of evidence-like files whose sizes and bytes come from a seeded {@link Random}, so that
 * every run with the same shape hashes the same bytes: many small files in nested folders, a few
 * with spaces and Chinese characters in their names (which every tool must quote and encode
 * right), and a few large files taking the rest of the requested size.
 */
final class SyntheticTree {

    /** What to make: regular files in all (large ones included), total bytes, large files, seed. */
    record Shape(int files, long bytes, int largeFiles, long seed) {
    }

    /** The tree made (or found from an earlier run with the same shape). */
    record Made(Path root, long files, long bytes, Duration took, boolean reused) {
    }

    // 4 to 120 KiB, the spread of documents, photos and small logs; scaled down when the total
    // requested cannot hold that many files of that size
    private static final int SMALL_MIN = 4 << 10;
    private static final int SMALL_MAX = 120 << 10;
    private static final double SMALL_SHARE_AT_MOST = 0.6;
    private static final int FILES_PER_FOLDER = 100;
    private static final int FOLDERS_PER_TOP = 10;
    private static final int CHUNK = 1 << 20;
    private static final String FORMAT = "2";

    private SyntheticTree() {
    }

    /** Makes the tree in {@code work/tree}, or reuses one that an earlier run left there with the same shape. */
    static Made makeOrReuse(Path work, Shape shape) throws IOException {
        Path root = work.resolve("tree");
        Path marker = marker(work);
        Properties wanted = describe(shape);
        if (Files.isDirectory(root) && Files.isRegularFile(marker)) {
            Properties found = new Properties();
            try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                found.load(in);
            }
            if (wanted.entrySet().stream().allMatch(e -> e.getValue().equals(found.get(e.getKey())))) {
                return new Made(root, Long.parseLong(found.getProperty("made.files")),
                        Long.parseLong(found.getProperty("made.bytes")), Duration.ZERO, true);
            }
        }
        WorkFolder.delete(marker);
        WorkFolder.delete(root);
        long started = System.nanoTime();
        Made made = make(root, shape);
        made = new Made(root, made.files(), made.bytes(), Duration.ofNanos(System.nanoTime() - started), false);
        // written last, so that an interrupted run is never mistaken for a whole tree
        wanted.setProperty("made.files", Long.toString(made.files()));
        wanted.setProperty("made.bytes", Long.toString(made.bytes()));
        try (Writer out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            wanted.store(out, "huisu-bench acquisition tree");
        }
        return made;
    }

    /** The file beside the tree (not in it, so that no tool hashes it) recording its shape. */
    static Path marker(Path work) {
        return work.resolve("tree.properties");
    }

    private static Made make(Path root, Shape shape) throws IOException {
        int small = shape.files() - shape.largeFiles();
        double scale = Math.min(1.0,
                SMALL_SHARE_AT_MOST * shape.bytes() / small / ((SMALL_MIN + SMALL_MAX) / 2.0));
        int min = Math.max(1, (int) Math.round(SMALL_MIN * scale));
        int max = Math.max(min, (int) Math.round(SMALL_MAX * scale));
        Random random = new Random(shape.seed());
        byte[] chunk = new byte[CHUNK];
        long written = 0;
        Path folder = null;
        for (int i = 0; i < small; i++) {
            Path file = root.resolve(smallFile(i));
            if (!file.getParent().equals(folder)) {
                folder = file.getParent();
                Files.createDirectories(folder);
            }
            int size = min + random.nextInt(max - min + 1);
            write(file, size, random, chunk);
            written += size;
        }
        int large = shape.largeFiles();
        if (large > 0) {
            Files.createDirectories(root.resolve("large"));
            long left = Math.max(0, shape.bytes() - written);
            for (int j = 0; j < large; j++) {
                long size = j < large - 1 ? left / large : left - (left / large) * (large - 1);
                write(root.resolve(largeFile(j)), size, random, chunk);
                written += size;
            }
        }
        return new Made(root, shape.files(), written, Duration.ZERO, false);
    }

    private static String smallFile(int i) {
        int folder = i / FILES_PER_FOLDER;
        int top = folder / FOLDERS_PER_TOP;
        String topName = top % 7 == 3 ? String.format("相册 %03d", top) : String.format("t%03d", top);
        String name;
        if (i % 500 == 17) {
            name = String.format("扫描件 %06d.jpg", i);
        } else if (i % 250 == 42) {
            name = String.format("notes with spaces %06d.txt", i);
        } else {
            name = String.format("f%06d.bin", i);
        }
        return topName + "/s" + folder % FOLDERS_PER_TOP + "/" + name;
    }

    private static String largeFile(int j) {
        return j == 0 ? "large/整盘 镜像 0.raw" : "large/image-" + j + ".raw";
    }

    private static void write(Path file, long size, Random random, byte[] chunk) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(left, chunk.length);
                // nextBytes fills the whole array: a small file gets an array of its own size
                byte[] block = n == chunk.length ? chunk : new byte[n];
                random.nextBytes(block);
                out.write(block, 0, n);
                left -= n;
            }
        }
    }

    private static Properties describe(Shape shape) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("files", Integer.toString(shape.files()));
        p.setProperty("bytes", Long.toString(shape.bytes()));
        p.setProperty("large", Integer.toString(shape.largeFiles()));
        p.setProperty("seed", Long.toString(shape.seed()));
        return p;
    }
}
