package org.huisu.core.model;

import java.util.Locale;

/** The kinds of evidence source {@code huisu source add} takes. */
public enum SourceKind {
    DIRECTORY, FILE, ARCHIVE, ANDROID, DISK_IMAGE, LOGS, S3;

    /** The name the command line and JSON use, such as {@code disk-image}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SourceKind fromCliName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
