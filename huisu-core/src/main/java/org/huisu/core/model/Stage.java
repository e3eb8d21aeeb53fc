package org.huisu.core.model;

/** Processing activities of personal-information law, in the order information flows. */
public enum Stage {
    COLLECT, ANALYZE, IDENTIFY, USE, TRANSMIT, STORE, DELETE
}
