package org.huisu.core.objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.huisu.core.hash.Digests;

/**
 * Content-addressed copies: each object lives at {@code objects/ab/cd/<sha256>}, is written once
 * through a temporary file and a rename, and is left read-only. Copies of evidence and derived
 * items (face crops, thumbnails, manifests) all go here.
 */
public final class ObjectStore {

    private static final String INCOMING = ".incoming";

    private final Path root;

    public ObjectStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Where the object with this SHA-256 lives, whether or not it is there. */
    public Path path(String sha256) {
        if (!Digests.isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** Stores a small object held in memory and returns its SHA-256. */
    public String put(byte[] bytes) throws IOException {
        String sha256 = Digests.sha256(bytes);
        try (Pending pending = begin()) {
            pending.write(ByteBuffer.wrap(bytes));
            pending.commit(sha256);
        }
        return sha256;
    }

    /**
     * Flushes everything written to the store's file system to disk (syncfs), for objects committed
     * without flushing each; falls back to sync where syncfs is missing.
     */
    public void flushToDisk() throws IOException {
        try {
            int fd = LibC.INSTANCE.open(root.toString(), 0);
            if (fd < 0) {
                throw new IOException("cannot open " + root + " to flush it to disk (errno "
                        + com.sun.jna.Native.getLastError() + ")");
            }
            try {
                if (LibC.INSTANCE.syncfs(fd) != 0) {
                    throw new IOException("flushing " + root + " to disk failed (errno "
                            + com.sun.jna.Native.getLastError() + ")");
                }
            } finally {
                LibC.INSTANCE.close(fd);
            }
        } catch (UnsatisfiedLinkError e) {
            new ProcessBuilder("sync").inheritIO().start().onExit().join();
        }
    }

    private interface LibC extends com.sun.jna.Library {
        LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);

        int open(String path, int flags);

        int syncfs(int fd);

        int close(int fd);
    }

    /** Starts writing an object whose hash is known only at the end. */
    public Pending begin() throws IOException {
        Path incoming = root.resolve(INCOMING);
        Files.createDirectories(incoming);
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Pending(temp, channel);
    }

    /** An object being written; closing it without {@link #commit} discards it. */
    public final class Pending implements AutoCloseable {
        private final Path temp;
        private final FileChannel channel;
        private boolean done;

        private Pending(Path temp, FileChannel channel) {
            this.temp = temp;
            this.channel = channel;
        }

        /** Writes the buffer's remaining bytes and leaves its position unchanged. */
        public void write(ByteBuffer buffer) throws IOException {
            ByteBuffer view = buffer.duplicate();
            while (view.hasRemaining()) {
                channel.write(view);
            }
        }

        /** Flushes the bytes to disk and files them under their SHA-256. */
        public Path commit(String sha256) throws IOException {
            return commit(sha256, true);
        }

        /**
         * Files the bytes under their SHA-256; flushed to disk now when {@code durable}, otherwise
         * by a later {@link ObjectStore#flushToDisk()} (many small objects: one flush for all).
         */
        public Path commit(String sha256, boolean durable) throws IOException {
            Path target = path(sha256);
            if (durable) {
                channel.force(true);
            }
            channel.close();
            done = true;
            if (Files.exists(target)) {
                Files.delete(temp);
                return target;
            }
            Files.createDirectories(target.getParent());
            makeReadOnly(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temp);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return target;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadOnly();
        }
    }
}
