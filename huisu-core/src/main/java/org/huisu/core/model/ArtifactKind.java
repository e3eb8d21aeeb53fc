package org.huisu.core.model;

/** What an artifact is (PROV entity). */
public enum ArtifactKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A named pipe, socket or device node: recorded, never read. */
    SPECIAL,
    ARCHIVE_MEMBER,
    DB_ROW,
    LOG_RECORD,
    CLOUD_OBJECT,
    URL,
    SCHEDULED_JOB,
    SCRIPT_COMMAND,
    FRAME,
    FACE_CROP,
    VECTOR
}
