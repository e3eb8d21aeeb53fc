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
     * such bytes say read as GBK (GB18030), the usual encoding of Chinese systems, or null.
     */
    record DirectoryEntry(String name, String rawName, String gbkReading) {

        public DirectoryEntry(String name, String rawName) {
            this(name, rawName, null);
        }
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
