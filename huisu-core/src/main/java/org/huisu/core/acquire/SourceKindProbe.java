package org.huisu.core.acquire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.huisu.core.model.SourceKind;

/**
 * Decides what kind of evidence a locator is by looking at it: magic bytes for archives and disk
 * images, the {@code data/data/<package>} layout for Android extractions, names and first lines
 * for folders of logs. Reads headers only, with the same read-only access as acquisition.
 */
public final class SourceKindProbe {

    private static final int HEAD = 64 * 1024;
    private static final int LOG_SAMPLE = 200;
    private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z][\\w]*(\\.[a-zA-Z_][\\w]*)+");
    private static final Pattern LOG_NAME = Pattern.compile(
            "(?i).*(\\.log(\\.\\d+)?(\\.gz)?|\\.jsonl(\\.gz)?|_log|access[._-]?log.*|syslog.*|messages(\\.\\d+)?"
                    + "|\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\w+)$");
    private static final Pattern LOG_LINE = Pattern.compile(
            "^(\\S+ \\S+ \\[\\d{2}/\\w{3}/\\d{4}:|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}"
                    + "|\\{\"|\\S+ - - \\[|\\d{1,3}(\\.\\d{1,3}){3} )");

    private final EvidenceFiles files;

    public SourceKindProbe(EvidenceFiles files) {
        this.files = files;
    }

    public SourceKind probe(Path locator) throws IOException {
        if (Files.isDirectory(locator)) {
            if (isAndroidData(locator)) {
                return SourceKind.ANDROID;
            }
            if (isLogFolder(locator)) {
                return SourceKind.LOGS;
            }
            return SourceKind.DIRECTORY;
        }
        byte[] head = head(locator, HEAD);
        if (isArchive(head)) {
            return SourceKind.ARCHIVE;
        }
        if (isDiskImage(head)) {
            return SourceKind.DISK_IMAGE;
        }
        return SourceKind.FILE;
    }

    /** A {@code data/data/<package>} tree, a {@code data/data} folder, or one package folder. */
    private boolean isAndroidData(Path dir) throws IOException {
        for (Path candidate : new Path[] {dir.resolve("data").resolve("data"), dir}) {
            if (Files.isDirectory(candidate) && anyPackageFolder(candidate)) {
                return true;
            }
        }
        return looksLikePackage(dir);
    }

    private boolean anyPackageFolder(Path parent) throws IOException {
        for (EvidenceFiles.DirectoryEntry e : files.list(parent)) {
            if (e.name() != null && looksLikePackage(parent.resolve(e.name()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikePackage(Path dir) {
        Path name = dir.getFileName();
        return name != null && PACKAGE.matcher(name.toString()).matches()
                && (Files.isDirectory(dir.resolve("databases")) || Files.isDirectory(dir.resolve("shared_prefs")));
    }

    /** Most of the first files found are logs by name or by their first line. */
    private boolean isLogFolder(Path dir) throws IOException {
        int seen = 0;
        int logs = 0;
        Deque<Path> pending = new ArrayDeque<>();
        pending.add(dir);
        while (!pending.isEmpty() && seen < LOG_SAMPLE) {
            Path current = pending.poll();
            List<EvidenceFiles.DirectoryEntry> entries;
            try {
                entries = files.list(current);
            } catch (IOException unreadable) {
                // acquisition records it; the probe looks at what it can read
                continue;
            }
            for (EvidenceFiles.DirectoryEntry e : entries) {
                if (e.name() == null) {
                    continue;
                }
                Path child = current.resolve(e.name());
                if (Files.isSymbolicLink(child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    pending.add(child);
                } else if (Files.isRegularFile(child) && seen < LOG_SAMPLE) {
                    seen++;
                    if (LOG_NAME.matcher(e.name()).matches() || startsLikeLog(child)) {
                        logs++;
                    }
                }
            }
        }
        return seen > 0 && logs * 10 >= seen * 8;
    }

    private boolean startsLikeLog(Path file) {
        byte[] head;
        try {
            head = head(file, 512);
        } catch (IOException unreadable) {
            return false;
        }
        if (isArchive(head)) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        return eol > 0 && LOG_LINE.matcher(text.substring(0, eol)).find();
    }

    static boolean isArchive(byte[] h) {
        return startsWith(h, 0, 'P', 'K', 3, 4) || startsWith(h, 0, 'P', 'K', 5, 6)
                || startsWith(h, 0, 0x1f, 0x8b)
                || startsWith(h, 0, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)
                || startsWith(h, 0, 'B', 'Z', 'h')
                || startsWith(h, 0, 0xfd, '7', 'z', 'X', 'Z', 0)
                || startsWith(h, 0, 0x28, 0xb5, 0x2f, 0xfd)
                || startsWith(h, 0, 'R', 'a', 'r', '!', 0x1a, 7)
                || startsWith(h, 257, 'u', 's', 't', 'a', 'r');
    }

    static boolean isDiskImage(byte[] h) {
        return startsWith(h, 0, 'E', 'V', 'F', 9, 0x0d, 0x0a, 0xff, 0)       // EnCase E01
                || startsWith(h, 0, 'Q', 'F', 'I', 0xfb)                           // qcow2
                || startsWith(h, 0, 'K', 'D', 'M', 'V')                            // VMDK sparse
                || startsWith(h, 0, 'c', 'o', 'n', 'e', 'c', 't', 'i', 'x')        // VHD
                || startsWith(h, 0, 'v', 'h', 'd', 'x', 'f', 'i', 'l', 'e')        // VHDX
                || startsWith(h, 512, 'E', 'F', 'I', ' ', 'P', 'A', 'R', 'T')      // GPT
                || startsWith(h, 3, 'N', 'T', 'F', 'S', ' ', ' ', ' ', ' ')        // NTFS volume
                || startsWith(h, 1080, 0x53, 0xef)                                 // ext2/3/4
                || startsWith(h, 32769, 'C', 'D', '0', '0', '1')                   // ISO 9660
                || startsWith(h, 82, 'F', 'A', 'T', '3', '2')                      // FAT32
                || hasMbrPartitionTable(h);
    }

    private static boolean hasMbrPartitionTable(byte[] h) {
        if (!startsWith(h, 510, 0x55, 0xaa)) {
            return false;
        }
        for (int entry = 446; entry < 510; entry += 16) {
            int status = h[entry] & 0xff;
            int type = h[entry + 4] & 0xff;
            if (type != 0 && (status == 0 || status == 0x80)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] head(Path file, int limit) throws IOException {
        try (EvidenceFiles.OpenFile f = files.open(file);
                InputStream in = new OpenFileInputStream(f)) {
            return in.readNBytes(limit);
        }
    }
}
