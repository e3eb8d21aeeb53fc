package org.huisu.core.casefolder;

import java.time.Instant;

/** What a case is: its id, name, lead examiner and when and with what it was made. */
public record CaseInfo(String id, String name, String examiner, Instant created, String utcOffset, String tool) {
}
