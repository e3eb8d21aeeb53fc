package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.progress.Progress;

/**
 * Reads a file once and, from the same buffer, feeds every digest and the optional copy into the
 * object store. Files of several blocks are read ahead into a second buffer while the first is
 * hashed, the two swapping at each block (IPED's HashTask does the same), so that waiting for the
 * disk overlaps hashing.
 */
final class FileHasher {

    static final int BLOCK = 1 << 20;

    private final EvidenceFiles files;
    private final Set<HashAlgorithm> algorithms;
    private final ExecutorService readAhead;
    private final Progress progress;
    private final ThreadLocal<ByteBuffer[]> buffers =
            ThreadLocal.withInitial(() -> new ByteBuffer[] {ByteBuffer.allocateDirect(BLOCK),
                    ByteBuffer.allocateDirect(BLOCK)});
    private final ThreadLocal<byte[]> heap = ThreadLocal.withInitial(() -> new byte[BLOCK]);

    FileHasher(EvidenceFiles files, Set<HashAlgorithm> algorithms, ExecutorService readAhead, Progress progress) {
        this.files = files;
        this.algorithms = algorithms;
        this.readAhead = readAhead;
        this.progress = progress;
    }

    /** What reading a file gave: its digests, how many bytes were read, whether atime was kept. */
    record Hashed(Map<HashAlgorithm, String> digests, long bytesRead, boolean accessTimeKept) {
    }

    /** Reads the opened file to its end, closing it. */
    Hashed hash(EvidenceFiles.OpenFile opened, long expectedSize, ObjectStore.Pending copy) throws IOException {
        ByteBuffer[] pair = buffers.get();
        ByteBuffer current = pair[0];
        ByteBuffer next = pair[1];
        Digests digests = new Digests(algorithms);
        long total = 0;
        try (EvidenceFiles.OpenFile file = opened) {
            boolean ahead = expectedSize > 2L * BLOCK;
            Future<Integer> pending = null;
            try {
                int n = fill(file, current);
                while (n > 0) {
                    ByteBuffer target = next;
                    pending = ahead ? readAhead.submit(() -> fill(file, target)) : null;
                    consume(current, digests, copy);
                    total += n;
                    progress.processedBytes(n);
                    if (pending == null) {
                        n = fill(file, current);
                    } else {
                        n = await(pending);
                        pending = null;
                        ByteBuffer swap = current;
                        current = next;
                        next = swap;
                    }
                }
            } finally {
                if (pending != null) {
                    // the file must not be closed under a read still running
                    awaitQuietly(pending);
                }
            }
            return new Hashed(digests.finish(), total, file.accessTimeKept());
        }
    }

    private void consume(ByteBuffer block, Digests digests, ObjectStore.Pending copy) throws IOException {
        // MessageDigest copies a direct buffer through a small array; one bulk copy is cheaper
        byte[] bytes = heap.get();
        int length = block.remaining();
        block.duplicate().get(bytes, 0, length);
        digests.update(bytes, 0, length);
        if (copy != null) {
            try {
                copy.write(block);
            } catch (IOException e) {
                throw new CopyFailedException(e);
            }
        }
    }

    /** Fills the buffer from the file (less only at the end) and flips it; returns the bytes read. */
    private static int fill(EvidenceFiles.OpenFile file, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (file.read(buffer) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.remaining();
    }

    private static void awaitQuietly(Future<Integer> pending) {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the failure that matters is the one already being thrown
        }
    }

    private static int await(Future<Integer> pending) throws IOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
