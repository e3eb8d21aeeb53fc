package org.huisu.trace.link;

/**
 * Reads the case and joins what belongs together — across sources, between artifacts, activities
 * and actors — as relations, each with a confidence, a sentence a judge can read and the
 * artifacts it rests on. Found through {@link java.util.ServiceLoader}; {@link #name()} is what
 * {@code huisu analyze --only/--skip} select, and what every relation it makes names.
 */
public interface Linker {

    /** Stable, lower-case, such as {@code same-content} or {@code upload-source}. */
    String name();

    /** One line saying what it joins, for {@code huisu analyze --list}. */
    String description();

    /** Linkers run lowest order first; a linker may read what those before it made from {@link Links}. */
    default int order() {
        return 100;
    }

    void link(CaseIndex index, Links out);
}
