package org.huisu.scenario.world;

import java.time.LocalDateTime;

/** One visit of a person to the sales office: several captures, a scene still, perhaps a clip. */
public record Visit(String id, int index, Person person, LocalDateTime arrival, int scene, boolean clip) {
}
