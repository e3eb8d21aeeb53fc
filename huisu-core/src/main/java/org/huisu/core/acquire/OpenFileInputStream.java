package org.huisu.core.acquire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** An {@link EvidenceFiles.OpenFile} as an input stream. */
public final class OpenFileInputStream extends InputStream {

    private final EvidenceFiles.OpenFile file;
    private final boolean owning;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private boolean eof;

    OpenFileInputStream(EvidenceFiles.OpenFile file) {
        this(file, false);
    }

    private OpenFileInputStream(EvidenceFiles.OpenFile file, boolean owning) {
        this.file = file;
        this.owning = owning;
        buffer.limit(0);
    }

    /** A stream that closes the file when it is closed. */
    public static InputStream owning(EvidenceFiles.OpenFile file) {
        return new OpenFileInputStream(file, true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            if (eof) {
                return -1;
            }
            buffer.clear();
            int n = file.read(buffer);
            buffer.flip();
            if (n < 0) {
                eof = true;
                return -1;
            }
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        if (owning) {
            file.close();
        }
    }
}
