package org.huisu.scenario.world;

/**
 * A visitor, as the face system identifies them: one real LFW face; walk-in, or brought by a
 * broker (which decides who is paid a commission).
 */
public record Person(String id, int face, Broker broker) {

    public String customerType() {
        return broker == null ? "WALK_IN" : "BROKER";
    }
}
