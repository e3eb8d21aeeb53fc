package org.huisu.core.model;

/** The part of the pipeline an extraction error happened in. */
public enum Phase {
    ACQUIRE, EXTRACT, DETECT, LINK
}
