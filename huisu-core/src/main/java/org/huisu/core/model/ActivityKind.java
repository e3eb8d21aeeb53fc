package org.huisu.core.model;

/** What was done (PROV activity), with the stage it belongs to unless evidence says otherwise. */
public enum ActivityKind {
    CAPTURE(Stage.COLLECT),
    EXTRACT_FACES(Stage.ANALYZE),
    MATCH(Stage.IDENTIFY),
    VIEW(Stage.USE),
    PACKAGE(Stage.TRANSMIT),
    UPLOAD(Stage.TRANSMIT),
    DOWNLOAD(Stage.USE),
    STORE(Stage.STORE),
    DELETE(Stage.DELETE),
    LIST(null),
    SCHEDULE(null),
    /** A job or program ran (cron's or systemd's own log line): the stage is that of what it did. */
    RUN(null);

    private final Stage defaultStage;

    ActivityKind(Stage defaultStage) {
        this.defaultStage = defaultStage;
    }

    /** The stage this kind of activity serves, or null where it serves none by itself. */
    public Stage defaultStage() {
        return defaultStage;
    }
}
