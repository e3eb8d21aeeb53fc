package org.huisu.core.acquire;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Linux evidence access through libc with {@code O_NOATIME}: reading a file or listing a directory
 * leaves its access time (and so its change time) as it was, the way GNU tar's
 * {@code --atime-preserve=system} does. The kernel grants {@code O_NOATIME} to the file's owner and
 * to root; for other files the open falls back to a plain read-only open and says so.
 */
final class NoAtimeFiles implements EvidenceFiles {

    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EINTR = 4;
    private static final int EACCES = 13;
    private static final int ENOTDIR = 20;
    private static final int ELOOP = 40;

    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 04000;
    private static final int O_NOATIME = 01000000;
    private static final int O_CLOEXEC = 02000000;
    private static final int O_PATH = 010000000;

    /** Offset of {@code d_name} in glibc's 64-bit {@code struct dirent}. */
    private static final int DIRENT_NAME_OFFSET = 19;

    private final int oDirectory;
    private final int oNoFollow;

    private NoAtimeFiles(int oDirectory, int oNoFollow) {
        this.oDirectory = oDirectory;
        this.oNoFollow = oNoFollow;
    }

    /** Null when this is not 64-bit Linux on x86 or ARM, or libc cannot be bound. */
    static NoAtimeFiles tryCreate() {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return null;
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        int directory;
        int noFollow;
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            directory = 0200000;
            noFollow = 0400000;
        } else if (arch.equals("aarch64")) {
            directory = 040000;
            noFollow = 0100000;
        } else {
            return null;
        }
        try {
            LibC.ensureLoaded();
            return new NoAtimeFiles(directory, noFollow);
        } catch (LinkageError e) {
            return null;
        }
    }

    @Override
    public List<DirectoryEntry> list(Path directory) throws IOException {
        return listDescriptor(openWithFallback(bytes(directory), directory.toString(),
                O_RDONLY | oDirectory | O_CLOEXEC | O_NONBLOCK).fd, directory.toString());
    }

    @Override
    public OpenFile open(Path file) throws IOException {
        Opened opened = openWithFallback(bytes(file), file.toString(), O_RDONLY | oNoFollow | O_CLOEXEC | O_NONBLOCK);
        return new DescriptorFile(file, opened.fd, opened.noAtime);
    }

    @Override
    public boolean readsRawNames() {
        return true;
    }

    @Override
    public List<DirectoryEntry> listRaw(byte[] directory) throws IOException {
        String shown = decode(directory).rawName();
        return listDescriptor(openWithFallback(terminated(directory), shown,
                O_RDONLY | oDirectory | O_CLOEXEC | O_NONBLOCK).fd, shown);
    }

    @Override
    public OpenFile openRaw(byte[] file) throws IOException {
        String shown = decode(file).rawName();
        Opened opened = openWithFallback(terminated(file), shown, O_RDONLY | oNoFollow | O_CLOEXEC | O_NONBLOCK);
        return new DescriptorFile(Path.of("/proc/self/fd/" + opened.fd), opened.fd, opened.noAtime);
    }

    @Override
    public byte[] readLinkRaw(byte[] link) throws IOException {
        byte[] target = new byte[4096];
        long n = LibC.readlink(terminated(link), target, target.length);
        if (n < 0) {
            throw failure(Path.of(decode(link).rawName()), Native.getLastError());
        }
        return java.util.Arrays.copyOf(target, (int) n);
    }

    @Override
    public Pinned pinRaw(byte[] entry) throws IOException {
        // O_PATH reads nothing and changes no time; /proc/self/fd/N then stands for the entry itself
        int fd = LibC.open(terminated(entry), O_PATH | oNoFollow | O_CLOEXEC);
        if (fd < 0) {
            throw failure(Path.of(decode(entry).rawName()), Native.getLastError());
        }
        Path path = Path.of("/proc/self/fd/" + fd);
        return new Pinned() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {
                LibC.close(fd);
            }
        };
    }

    private List<DirectoryEntry> listDescriptor(int fd, String shown) throws IOException {
        Pointer dir = LibC.fdopendir(fd);
        if (dir == null) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw failure(Path.of(shown), errno);
        }
        List<DirectoryEntry> names = new ArrayList<>();
        try {
            for (Pointer e; (e = LibC.readdir(dir)) != null; ) {
                long length = e.indexOf(DIRENT_NAME_OFFSET, (byte) 0);
                byte[] raw = e.getByteArray(DIRENT_NAME_OFFSET, (int) length);
                if (isDotOrDotDot(raw)) {
                    continue;
                }
                names.add(decode(raw));
            }
        } finally {
            LibC.closedir(dir);
        }
        return names;
    }

    /** A path's bytes for libc: JNA would encode a String in the platform charset, ASCII under C. */
    private static byte[] bytes(Path path) {
        return (path.toString() + '\0').getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] terminated(byte[] raw) {
        return java.util.Arrays.copyOf(raw, raw.length + 1);
    }

    @Override
    public String description() {
        return "libc open(2) with O_NOATIME (access times kept)";
    }

    private record Opened(int fd, boolean noAtime) {
    }

    private Opened openWithFallback(byte[] name, String shown, int flags) throws IOException {
        int fd = LibC.open(name, flags | O_NOATIME);
        if (fd >= 0) {
            return new Opened(fd, true);
        }
        int errno = Native.getLastError();
        if (errno == EPERM) {
            // not the owner and not privileged: O_NOATIME is refused, the plain open may not be
            fd = LibC.open(name, flags);
            if (fd >= 0) {
                return new Opened(fd, false);
            }
            errno = Native.getLastError();
        }
        throw failure(Path.of(shown), errno);
    }

    private static IOException failure(Path path, int errno) {
        String file = path.toString();
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(file);
            case EACCES, EPERM -> new AccessDeniedException(file);
            case ENOTDIR -> new NotDirectoryException(file);
            case ELOOP -> new FileSystemException(file, null, "is a symbolic link");
            default -> new FileSystemException(file, null, LibC.describe(errno));
        };
    }

    private static boolean isDotOrDotDot(byte[] raw) {
        return raw.length == 1 && raw[0] == '.' || raw.length == 2 && raw[0] == '.' && raw[1] == '.';
    }

    private static DirectoryEntry decode(byte[] raw) {
        try {
            String name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            return new DirectoryEntry(name, name);
        } catch (CharacterCodingException e) {
            StringBuilder escaped = new StringBuilder();
            for (byte b : raw) {
                int c = b & 0xff;
                if (c >= 0x20 && c < 0x7f && c != '\\') {
                    escaped.append((char) c);
                } else {
                    escaped.append(String.format("\\x%02x", c));
                }
            }
            String gbk = null;
            try {
                gbk = java.nio.charset.Charset.forName("GB18030").newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException notGbk) {
                // neither: the escaped bytes are all there is to say
            }
            return new DirectoryEntry(null, escaped.toString(), gbk, raw);
        }
    }

    private static final class DescriptorFile implements OpenFile {
        private final Path path;
        private final boolean noAtime;
        private int fd;

        DescriptorFile(Path path, int fd, boolean noAtime) {
            this.path = path;
            this.fd = fd;
            this.noAtime = noAtime;
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            if (!buffer.isDirect()) {
                throw new IllegalArgumentException("libc reads need a direct buffer");
            }
            int position = buffer.position();
            int wanted = buffer.remaining();
            if (wanted == 0) {
                return 0;
            }
            while (true) {
                ByteBuffer window = buffer.slice(position, wanted);
                long n = LibC.read(fd, window, wanted);
                if (n > 0) {
                    buffer.position(position + (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                int errno = Native.getLastError();
                if (errno != EINTR) {
                    throw failure(path, errno);
                }
            }
        }

        @Override
        public int read(ByteBuffer buffer, long position) throws IOException {
            if (!buffer.isDirect()) {
                throw new IllegalArgumentException("libc reads need a direct buffer");
            }
            int start = buffer.position();
            int wanted = buffer.remaining();
            if (wanted == 0) {
                return 0;
            }
            while (true) {
                long n = LibC.pread(fd, buffer.slice(start, wanted), wanted, position);
                if (n > 0) {
                    buffer.position(start + (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                int errno = Native.getLastError();
                if (errno != EINTR) {
                    throw failure(path, errno);
                }
            }
        }

        @Override
        public long size() throws IOException {
            // stat, not fstat through JNA: the attribute read changes nothing either
            return java.nio.file.Files.size(path);
        }

        @Override
        public boolean accessTimeKept() {
            return noAtime;
        }

        @Override
        public void close() {
            if (fd >= 0) {
                LibC.close(fd);
                fd = -1;
            }
        }
    }

    /** The few libc calls used, bound by JNA direct mapping. */
    static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        private LibC() {
        }

        static void ensureLoaded() {
            // the static initialiser has run when this returns
        }

        static native int open(byte[] path, int flags);

        static native long read(int fd, ByteBuffer buffer, long count);

        static native long pread(int fd, ByteBuffer buffer, long count, long offset);

        static native int close(int fd);

        static native long readlink(byte[] path, byte[] buffer, long size);

        static native Pointer fdopendir(int fd);

        static native Pointer readdir(Pointer dir);

        static native int closedir(Pointer dir);

        static native String strerror(int errnum);

        static String describe(int errno) {
            try {
                return strerror(errno).toLowerCase(Locale.ROOT);
            } catch (LastErrorException | UnsatisfiedLinkError e) {
                return "error " + errno;
            }
        }
    }
}
