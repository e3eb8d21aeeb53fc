package org.huisu.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * Something done to personal information (PROV activity): an upload seen in a log, a deletion in a
 * script. {@code evidenceArtifactId} is the artifact it was read from; {@code subject} what it
 * acted on (a key, a path), as the evidence names it.
 */
public record Activity(
        Long id,
        ActivityKind kind,
        Stage stage,
        Instant started,
        Instant ended,
        Long actorId,
        Long evidenceArtifactId,
        String extractor,
        String subject,
        Map<String, Object> attributes) {
}
