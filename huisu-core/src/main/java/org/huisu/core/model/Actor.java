package org.huisu.core.model;

import java.util.List;
import java.util.Map;

/** Who or what acted (PROV agent), with the network addresses known to be its own. */
public record Actor(
        Long id,
        ActorKind kind,
        String name,
        List<String> addresses,
        Map<String, Object> attributes) {
}
