package org.huisu.core.model;

import java.util.Map;

/** Personal information a detector found in one artifact. */
public record Finding(
        Long id,
        long artifactId,
        Category category,
        int count,
        double confidence,
        String detector,
        Map<String, Object> details) {
}
