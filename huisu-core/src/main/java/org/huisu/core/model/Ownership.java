package org.huisu.core.model;

/** Owner, group and permission bits (octal, such as {@code 0644}) as the source records them. */
public record Ownership(String owner, String group, String mode) {

    public static final Ownership NONE = new Ownership(null, null, null);
}
