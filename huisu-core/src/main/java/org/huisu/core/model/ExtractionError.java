package org.huisu.core.model;

import java.time.Instant;

/**
 * An item that could not be read or understood. The run that met it went on; the error stays in
 * the case so that the report can say what was not examined and why.
 */
public record ExtractionError(
        Long id,
        long sourceId,
        Long artifactId,
        String locator,
        Phase phase,
        String plugin,
        String code,
        String message,
        Instant occurred) {
}
