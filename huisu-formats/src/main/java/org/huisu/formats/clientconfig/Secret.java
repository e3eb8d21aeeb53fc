package org.huisu.formats.clientconfig;

import org.huisu.formats.shell.Secrets;

/**
 * A secret as evidence keeps it: never the secret itself, only its first characters followed by stars
 * ({@code masked}) and its length, enough to tell two keys apart and to match a key seen elsewhere.
 */
public record Secret(String masked, int length) {

    /** No secret configured. */
    public static final Secret NONE = new Secret("", 0);

    /** Masks a secret read from a file; null or empty gives {@link #NONE}. */
    public static Secret of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return NONE;
        }
        return new Secret(Secrets.mask(secret), secret.length());
    }

    /** True when a secret was configured. */
    public boolean isPresent() {
        return length > 0;
    }
}
