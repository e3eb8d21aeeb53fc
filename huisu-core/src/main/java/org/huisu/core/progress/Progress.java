package org.huisu.core.progress;

/**
 * Where long work reports how far it has got. Totals may grow while work runs (a walk discovers
 * files as hashing proceeds); implementations must accept calls from several threads.
 */
public interface Progress {

    Progress NONE = new Progress() {
    };

    /** More work was found: items and bytes to add to the totals. */
    default void discovered(long items, long bytes) {
    }

    /** Bytes read or processed, before the item they belong to is finished. */
    default void processedBytes(long bytes) {
    }

    /** Items finished. */
    default void finishedItems(long items) {
    }

    /** The totals are final: nothing more will be discovered. */
    default void discoveryComplete() {
    }

    /** The work is over, successfully or not. */
    default void close() {
    }
}
