package org.huisu.scenario.world;

/** A real-estate broker who brings visitors and is paid a commission for each. */
public record Broker(String id, String name, String agency, String phone, String idNumber) {
}
