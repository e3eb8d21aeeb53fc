package org.huisu.core.pipeline;

/**
 * Turns one artifact into what it holds: children (archive members, database rows), activities
 * (an upload in a log line, a deletion in a script), actors (hosts, keys) and a description of the
 * artifact itself. Found through {@link java.util.ServiceLoader}; {@link #name()} is what
 * {@code huisu analyze --only/--skip} select.
 */
public interface Extractor {

    /** Stable, lower-case, such as {@code archive} or {@code s3-access-log}. */
    String name();

    /** One line saying what it reads and what it finds, for {@code huisu analyze --list}. */
    default String description() {
        return "";
    }

    /** Raised when what the extractor writes changes, so that analyze runs it again where it ran. */
    default int version() {
        return 1;
    }

    /** Extractors run on an item lowest order first: type detection is 0, so that others see the type. */
    default int order() {
        return 100;
    }

    /** Whether to run on this item; cheap: it may look at kind, name and type, not read content. */
    boolean accepts(Item item);

    /** Extracts; an exception undoes what this run wrote and is recorded as an extraction error. */
    void extract(Item item, Emitter out) throws Exception;
}
