package org.huisu.core.model;

/** One end of a relation: an artifact, an activity or an actor, by id. */
public record NodeRef(NodeType type, long id) {

    public static NodeRef artifact(long id) {
        return new NodeRef(NodeType.ARTIFACT, id);
    }

    public static NodeRef activity(long id) {
        return new NodeRef(NodeType.ACTIVITY, id);
    }

    public static NodeRef actor(long id) {
        return new NodeRef(NodeType.ACTOR, id);
    }
}
