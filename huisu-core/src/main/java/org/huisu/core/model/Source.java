package org.huisu.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.huisu.core.hash.HashAlgorithm;

/**
 * One acquired evidence item. {@code locator} is where it was read from (an absolute path or an
 * {@code s3://} address); the manifest hash seals what was found there.
 */
public record Source(
        Long id,
        String label,
        SourceKind kind,
        String locator,
        String examiner,
        Instant acquired,
        String utcOffset,
        long items,
        long bytes,
        long errors,
        Set<HashAlgorithm> hashAlgorithms,
        String manifestSha256,
        boolean copied,
        Map<String, Object> attributes) {
}
