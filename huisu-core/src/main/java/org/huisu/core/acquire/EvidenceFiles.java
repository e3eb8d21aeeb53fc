package org.huisu.core.acquire;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Read-only access to evidence on a mounted file system. Implementations never write, never
 * follow a symbolic link they are asked to open, and keep access times where the platform allows.
 */
public interface EvidenceFiles {

    /** The names in a directory, without {@code .} and {@code ..}. */
    List<DirectoryEntry> list(Path directory) throws IOException;

    /** Opens a regular file for reading; refuses symbolic links. */
    OpenFile open(Path file) throws IOException;

    /** A short description for the custody record, such as "O_NOATIME (Linux)". */
    String description();

    /**
     * The best implementation this platform has: reads that leave access times untouched on
     * Linux, plain NIO elsewhere.
     */
    static EvidenceFiles best() {
        EvidenceFiles noAtime = NoAtimeFiles.tryCreate();
        return noAtime != null ? noAtime : new NioEvidenceFiles();
    }

    /**
     * One name read from a directory. {@code name} is null when the raw bytes are not valid
     * UTF-8; {@code rawName} always holds them, escaped for messages; {@code gbkReading} is what
     * such bytes say read as GBK (GB18030), the usual encoding of Chinese systems, or null;
     * {@code raw} holds the bytes themselves when they are not UTF-8, null otherwise.
     */
    record DirectoryEntry(String name, String rawName, String gbkReading, byte[] raw) {

        public DirectoryEntry(String name, String rawName) {
            this(name, rawName, null, null);
        }
    }

    /**
     * Whether entries whose names are not UTF-8 can be reached by their bytes ({@link #listRaw},
     * {@link #openRaw}, {@link #pinRaw}, {@link #readLinkRaw}); Java's own file API cannot.
     */
    default boolean readsRawNames() {
        return false;
    }

    /** {@link #list} of a directory named by its absolute path's bytes. */
    default List<DirectoryEntry> listRaw(byte[] directory) throws IOException {
        throw new IOException("this platform cannot read names that are not UTF-8");
    }

    /** {@link #open} of a file named by its absolute path's bytes. */
    default OpenFile openRaw(byte[] file) throws IOException {
        throw new IOException("this platform cannot read names that are not UTF-8");
    }

    /** The target of a symbolic link named by its absolute path's bytes, as bytes. */
    default byte[] readLinkRaw(byte[] link) throws IOException {
        throw new IOException("this platform cannot read names that are not UTF-8");
    }

    /**
     * A path that reaches the entry named by its absolute path's bytes, itself and not what it
     * may link to, while the pin is held: for reading its metadata with Java's file API, following
     * links.
     */
    default Pinned pinRaw(byte[] entry) throws IOException {
        throw new IOException("this platform cannot read names that are not UTF-8");
    }

    /** A path valid until closed. */
    interface Pinned extends Closeable {
        Path path();

        @Override
        void close();
    }

    /** An open file: reads into a buffer from its position, -1 at the end. */
    interface OpenFile extends Closeable {
        int read(ByteBuffer buffer) throws IOException;

        /** Reads at an absolute position without moving the file's own position; -1 past the end. */
        int read(ByteBuffer buffer, long position) throws IOException;

        long size() throws IOException;

        /** False when the file's access time may have been updated by this read. */
        boolean accessTimeKept();
    }
}
