package org.huisu.scenario.world;

/** A face-capture camera in the sales office. */
public record Camera(String id, String place, String address, String mac) {
}
