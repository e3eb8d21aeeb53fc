package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Ownership;

/**
 * What {@code lstat} says of one directory entry. Reading it changes nothing; symbolic links are
 * described, never followed.
 */
record EntryStat(
        ArtifactKind kind,
        String specialType,
        long size,
        FileTimes times,
        Ownership ownership,
        Long device,
        Long inode,
        Long links,
        Integer uid,
        Integer gid) {

    private static final int S_IFMT = 0170000;

    // not "unix:*": that also asks the user database for the owner's and group's names, per file
    private static final String UNIX = "unix:mode,ino,dev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    private static final ConcurrentMap<Integer, String> USERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, String> GROUPS = new ConcurrentHashMap<>();

    static EntryStat of(Path path) throws IOException {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(path, UNIX, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return fromPortable(path);
        }
        return fromUnix(path, unix);
    }

    /**
     * Of an entry reached through a pinned {@code /proc/self/fd} path, which stands for the entry
     * itself (a link, not its target) once followed.
     */
    static EntryStat ofPinned(Path pinned) throws IOException {
        return fromUnix(pinned, Files.readAttributes(pinned, UNIX));
    }

    private static EntryStat fromUnix(Path path, Map<String, Object> a) throws IOException {
        int mode = (Integer) a.get("mode");
        ArtifactKind kind;
        String special = null;
        switch (mode & S_IFMT) {
            case 0100000 -> kind = ArtifactKind.FILE;
            case 0040000 -> kind = ArtifactKind.DIRECTORY;
            case 0120000 -> kind = ArtifactKind.SYMLINK;
            default -> {
                kind = ArtifactKind.SPECIAL;
                special = switch (mode & S_IFMT) {
                    case 0010000 -> "fifo";
                    case 0140000 -> "socket";
                    case 0020000 -> "character-device";
                    case 0060000 -> "block-device";
                    default -> "unknown";
                };
            }
        }
        FileTimes times = new FileTimes(instant(a.get("lastModifiedTime")), instant(a.get("ctime")),
                instant(a.get("lastAccessTime")), null);
        int uid = (Integer) a.get("uid");
        int gid = (Integer) a.get("gid");
        Ownership ownership = new Ownership(name(USERS, uid, path, "posix:owner"),
                name(GROUPS, gid, path, "posix:group"), octal(mode & 07777));
        return new EntryStat(kind, special, (Long) a.get("size"), times, ownership, (Long) a.get("dev"),
                (Long) a.get("ino"), ((Integer) a.get("nlink")).longValue(), uid, gid);
    }

    private static EntryStat fromPortable(Path path) throws IOException {
        BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        ArtifactKind kind = b.isRegularFile() ? ArtifactKind.FILE
                : b.isDirectory() ? ArtifactKind.DIRECTORY
                : b.isSymbolicLink() ? ArtifactKind.SYMLINK : ArtifactKind.SPECIAL;
        Ownership ownership = Ownership.NONE;
        try {
            PosixFileAttributes p = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            ownership = new Ownership(p.owner().getName(), p.group().getName(), octalOf(p.permissions()));
        } catch (UnsupportedOperationException e) {
            // no POSIX ownership on this file system
        }
        return new EntryStat(kind, kind == ArtifactKind.SPECIAL ? "unknown" : null, b.size(),
                new FileTimes(instant(b.lastModifiedTime()), null, instant(b.lastAccessTime()),
                        instant(b.creationTime())), ownership, null, null, null, null, null);
    }

    /** Whether two looks at the same file show that its content or metadata changed between them. */
    boolean sameAs(EntryStat later) {
        return kind == later.kind && size == later.size
                && Objects.equals(times.modified(), later.times.modified())
                && Objects.equals(times.changed(), later.times.changed())
                && Objects.equals(inode, later.inode);
    }

    /** Device, inode, link count and numeric ids, for the artifact's attributes. */
    Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (device != null) {
            m.put("device", device);
            m.put("inode", inode);
            m.put("links", links);
            m.put("uid", uid);
            m.put("gid", gid);
        }
        if (specialType != null) {
            m.put("type", specialType);
        }
        return m;
    }

    private static Instant instant(Object time) {
        return time == null ? null : ((FileTime) time).toInstant();
    }

    /** The account name of a numeric id, looked up once per id through a file that has it. */
    private static String name(ConcurrentMap<Integer, String> cache, int id, Path path, String attribute)
            throws IOException {
        String known = cache.get(id);
        if (known != null) {
            return known;
        }
        // a GroupPrincipal is a UserPrincipal too
        Object principal = Files.getAttribute(path, attribute, LinkOption.NOFOLLOW_LINKS);
        String name = principal instanceof UserPrincipal u ? u.getName() : Integer.toString(id);
        cache.putIfAbsent(id, name);
        return name;
    }

    private static String octal(int bits) {
        char[] c = {'0', '0', '0', '0'};
        for (int i = 3; i >= 0; i--) {
            c[i] = (char) ('0' + (bits & 7));
            bits >>= 3;
        }
        return new String(c);
    }

    private static String octalOf(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal());
        }
        return octal(bits);
    }
}
