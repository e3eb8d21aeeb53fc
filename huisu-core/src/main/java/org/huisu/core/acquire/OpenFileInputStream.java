package org.huisu.core.acquire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** An {@link EvidenceFiles.OpenFile} as an input stream, for code that reads headers. */
final class OpenFileInputStream extends InputStream {

    private final EvidenceFiles.OpenFile file;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private boolean eof;

    OpenFileInputStream(EvidenceFiles.OpenFile file) {
        this.file = file;
        buffer.limit(0);
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
    public void close() {
        // the open file belongs to the caller
    }
}
