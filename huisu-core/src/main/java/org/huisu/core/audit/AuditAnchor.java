package org.huisu.core.audit;

import java.util.Optional;

/**
 * Where the last entry's number and hash are kept outside the log itself (the case database), so
 * that removing entries from the end of the log is noticed.
 */
public interface AuditAnchor {

    /** The last entry the case recorded, if any. */
    Optional<Head> head();

    void record(Head head);

    /** An entry's sequence number and the SHA-256 of its line. */
    record Head(long sequence, String sha256) {
    }
}
