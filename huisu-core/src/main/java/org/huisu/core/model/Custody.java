package org.huisu.core.model;

import java.time.Instant;
import java.util.Map;

/** A chain-of-custody entry: who did what to which evidence, where, when and with which tool. */
public record Custody(
        Long id,
        long sourceId,
        String event,
        String examiner,
        String osUser,
        String machine,
        String tool,
        Instant time,
        String utcOffset,
        String locator,
        String manifestSha256,
        Map<String, Object> details) {
}
