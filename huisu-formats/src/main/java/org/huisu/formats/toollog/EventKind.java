package org.huisu.formats.toollog;

/** What a tool's or an application's log line says happened to a file or an object. */
public enum EventKind {
    /** A face, frame or picture was captured or saved. */
    CAPTURE,
    /** Files were packed into an archive. */
    PACKAGE,
    /** A local file went to remote storage. */
    UPLOAD,
    /** A remote object came to the local disk. */
    DOWNLOAD,
    /**
     * Copied, direction not told by the line: between two remote places, or rclone's
     * {@code Copied}, whose direction is in the command line that started the run.
     */
    COPY,
    /** Moved: copied, then the source deleted. */
    MOVE,
    /** A file or object was deleted. */
    DELETE,
    /** The tool reported a failure without saying of which action. */
    ERROR
}
