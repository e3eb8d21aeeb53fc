package org.huisu.extract.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what an archive unpacks and stops it, with {@link BombException}, at the limits: a
 * member larger than allowed, more bytes in all than allowed, or more unpacked bytes per packed
 * byte than any honest archive gives.
 */
final class Budget {

    private final ArchiveLimits limits;
    private final long packedBytes;
    private long members;
    private long total;

    Budget(ArchiveLimits limits, long packedBytes) {
        this.limits = limits;
        this.packedBytes = Math.max(1, packedBytes);
    }

    /** Thrown when the archive goes past a limit; what was unpacked before stays. */
    static final class BombException extends IOException {
        BombException(String message) {
            super(message);
        }
    }

    void member() throws BombException {
        if (++members > limits.maxMembers()) {
            throw new BombException("more than " + limits.maxMembers() + " members");
        }
    }

    InputStream watch(InputStream member, String name) {
        return new FilterInputStream(member) {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read += n;
                    total += n;
                    check(name, read);
                }
                return n;
            }
        };
    }

    private void check(String name, long memberBytes) throws BombException {
        if (memberBytes > limits.maxMemberBytes()) {
            throw new BombException(name + " unpacks to more than " + limits.maxMemberBytes() + " bytes");
        }
        if (total > limits.maxTotalBytes()) {
            throw new BombException("the members unpack to more than " + limits.maxTotalBytes() + " bytes in all");
        }
        if (total > limits.ratioFloorBytes() && (double) total / packedBytes > limits.maxRatio()) {
            throw new BombException("the members unpack to more than " + (long) limits.maxRatio()
                    + " times the archive's own size (" + packedBytes + " bytes)");
        }
    }
}
