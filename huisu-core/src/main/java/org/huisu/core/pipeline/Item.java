package org.huisu.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Source;

/** An artifact as an extractor sees it: what it is, where it stands, and its bytes when it has any. */
public interface Item {

    Artifact artifact();

    Source source();

    /** The detected media type, such as {@code image/jpeg}; null until detected or when unknown. */
    String mediaType();

    default String name() {
        return artifact().name() == null ? "" : artifact().name();
    }

    default String locator() {
        return artifact().locator();
    }

    /** {@code LABEL:/locator}, as references and messages write it. */
    default String reference() {
        return source().label() + ":" + locator();
    }

    /** Whether its bytes can be read (a file acquired or a member kept in the object store). */
    boolean hasContent();

    /**
     * Its bytes, read-only. Read from the evidence, they are checked against the hash recorded at
     * acquisition: a stream read to its end throws if the evidence changed since.
     */
    InputStream open() throws IOException;

    /** Its bytes for reading out of order (zip, 7z). */
    SeekableByteChannel channel() throws IOException;

    /**
     * A copy in the case's workspace, for libraries that need a file they may write next to
     * (SQLite replays its write-ahead log); {@code siblings} names files beside it to copy too
     * (such as {@code -wal}). Deleted when the item is done.
     */
    Path workingCopy(String... siblings) throws IOException;

    /** The artifact of the same source named {@code name} in the same folder (or archive folder), if any. */
    Optional<Item> sibling(String name);

    /**
     * The artifact of the same source at {@code locator} ({@code /etc/hostname}), if any: what a
     * file says about its machine may need another file of that machine.
     */
    Optional<Item> at(String locator);

    /** The artifacts directly inside this one (a folder's entries), in locator order. */
    List<Item> children();

    /** The zone in which the source writes times that carry none (set with source add --timezone). */
    ZoneId zone();
}
