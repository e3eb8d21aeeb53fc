package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * An evidence file as a read-only seekable channel, for formats read out of order (zip's central
 * directory, 7z): reads go through {@link EvidenceFiles} at absolute positions, so the file is
 * never written and keeps its access time.
 */
public final class EvidenceChannel implements SeekableByteChannel {

    private final EvidenceFiles.OpenFile file;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(64 * 1024);
    private long position;
    private boolean open = true;

    public EvidenceChannel(EvidenceFiles.OpenFile file) {
        this.file = file;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            direct.clear();
            direct.limit(Math.min(direct.capacity(), dst.remaining()));
            int n = file.read(direct, position);
            if (n <= 0) {
                return total == 0 && n < 0 ? -1 : total;
            }
            direct.flip();
            dst.put(direct);
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        file.close();
    }
}
