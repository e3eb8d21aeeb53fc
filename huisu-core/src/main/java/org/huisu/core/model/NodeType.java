package org.huisu.core.model;

/** The three kinds of node a relation joins. */
public enum NodeType {
    ARTIFACT, ACTIVITY, ACTOR
}
