package org.huisu.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A folder of evidence made by a test, which remembers every path it made so that it can be
 * inspected with {@code lstat} alone: listing a folder or reading a file would itself change the
 * access times the tests want to watch.
 */
public final class EvidenceTree {

    private final Path root;
    private final List<Path> paths = new ArrayList<>();

    public EvidenceTree(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.add(root);
    }

    public Path root() {
        return root;
    }

    public Path file(String relative, String text) {
        return file(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path file(String relative, byte[] content) {
        try {
            Path p = root.resolve(relative);
            directories(p.getParent());
            Files.write(p, content);
            paths.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of pseudo-random bytes, the same for the same seed. */
    public Path randomFile(String relative, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return file(relative, bytes);
    }

    public Path directory(String relative) {
        Path p = root.resolve(relative);
        directories(p);
        return p;
    }

    public Path symlink(String relative, String target) {
        try {
            Path p = root.resolve(relative);
            directories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            paths.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path fifo(String relative) {
        Path p = root.resolve(relative);
        directories(p.getParent());
        Shell.ok(null, "mkfifo", p.toString());
        paths.add(p);
        return p;
    }

    private void directories(Path dir) {
        try {
            List<Path> made = new ArrayList<>();
            for (Path d = dir; d != null && d.startsWith(root) && !Files.exists(d); d = d.getParent()) {
                made.add(0, d);
            }
            Files.createDirectories(dir);
            paths.addAll(made);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> paths() {
        return List.copyOf(paths);
    }

    /**
     * Sets every access time to a moment before the modification times, so that on a relatime
     * mount the next plain read or listing would update it.
     */
    public void ageAccessTimes(Instant when) {
        for (Path p : paths) {
            try {
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(null, FileTime.from(when), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code lstat} of every path: size, mode, owner, inode, modification, change and access times. */
    public Map<Path, Map<String, Object>> stats() {
        Map<Path, Map<String, Object>> out = new TreeMap<>();
        for (Path p : paths) {
            try {
                Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
                Map<String, Object> kept = new LinkedHashMap<>();
                for (String key : new String[] {"size", "mode", "uid", "gid", "ino", "nlink", "lastModifiedTime",
                        "lastAccessTime", "ctime"}) {
                    kept.put(key, String.valueOf(a.get(key)));
                }
                out.put(p, kept);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** SHA-256 of every regular file, as coreutils' sha256sum computes it. */
    public Map<Path, String> contentHashes() {
        Map<Path, String> out = new TreeMap<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.put(p, Shell.coreutilsDigest("sha256sum", p));
            }
        }
        return out;
    }
}
