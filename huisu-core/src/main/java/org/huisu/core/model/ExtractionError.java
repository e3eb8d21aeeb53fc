package org.huisu.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An item that could not be read or understood. The run that met it went on; the error stays in
 * the case so that the report can say what was not examined and why. The same problem met many
 * times in one artifact (bad lines of a log) is one error with its number of occurrences and the
 * first examples.
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
        Instant occurred,
        long occurrences,
        List<String> examples) {

    /** An error met once. */
    public ExtractionError(Long id, long sourceId, Long artifactId, String locator, Phase phase, String plugin,
            String code, String message, Instant occurred) {
        this(id, sourceId, artifactId, locator, phase, plugin, code, message, occurred, 1, List.of());
    }
}
