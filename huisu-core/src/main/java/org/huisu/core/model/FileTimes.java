package org.huisu.core.model;

import java.time.Instant;

/** Modification, status-change, access and birth times, each null where the source has none. */
public record FileTimes(Instant modified, Instant changed, Instant accessed, Instant created) {

    public static final FileTimes NONE = new FileTimes(null, null, null, null);
}
