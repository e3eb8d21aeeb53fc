package org.huisu.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;

/**
 * Where an extractor writes what it found in one item. Everything written names the item as its
 * origin, so that an interrupted run can be undone; rows reach the case database in batches.
 */
public interface Emitter {

    /**
     * Records a child of the item (an archive member, a table, a row). Its source and parent are
     * the item's; its id is given back at once. With {@code content}, the bytes are hashed and kept
     * in the object store, and the child's size and SHA-256 come from them.
     */
    long child(Artifact child, InputStream content) throws IOException;

    /** Keeps bytes in the object store (a BLOB, an embedded file) and returns their SHA-256. */
    String store(InputStream content) throws IOException;

    /** Records an activity; {@code actor}, when given, is the actor it is tied to (kind and name). */
    long activity(Activity activity, ActorKey actor);

    /** Records an actor (or adds addresses to the one of the same kind and name). */
    void actor(Actor actor);

    /** Describes the item itself: its media type and attributes to merge into its own. */
    void describe(String mediaType, Map<String, Object> attributes);

    /**
     * Notes a problem with part of the item (a bad line, a refused member). Problems with the same
     * code in one item become one extraction error, with a count and the first examples.
     */
    void problem(String code, String message, String example);

    /**
     * Records personal information found in the item: its category, how many (faces, vectors,
     * numbers), how sure the detector is (0 to 1) and the details (boxes, columns, masked examples).
     * The detector is the one running.
     */
    void finding(Category category, int count, double confidence, Map<String, Object> details);

    /** Identifies an actor by kind and name, without knowing its id. */
    record ActorKey(ActorKind kind, String name) {
    }
}
