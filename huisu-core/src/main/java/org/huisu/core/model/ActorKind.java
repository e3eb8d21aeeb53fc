package org.huisu.core.model;

import java.util.Locale;

/** Who or what acted (PROV agent). */
public enum ActorKind {
    CAMERA, HOST, SCRIPT, JOB, ACCOUNT, ACCESS_KEY, APP_USER, ORGANISATION;

    /** The lower-case name the JSON output uses, such as {@code host} or {@code access-key}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
