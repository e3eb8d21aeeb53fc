package org.huisu.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Digest algorithms an examiner may ask for; SHA-256 is always computed, it names content. */
public enum HashAlgorithm {
    MD5("MD5"),
    SHA1("SHA-1"),
    SHA256("SHA-256");

    private final String jcaName;

    HashAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this Java runtime", e);
        }
    }

    /**
     * Parses a list such as {@code md5,sha1,sha256}; SHA-256 is added when absent.
     *
     * @throws IllegalArgumentException naming the unknown algorithm
     */
    public static Set<HashAlgorithm> parseList(String text) {
        EnumSet<HashAlgorithm> set = EnumSet.of(SHA256);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT).replace("-", "");
            if (name.isEmpty()) {
                continue;
            }
            HashAlgorithm found = null;
            for (HashAlgorithm a : values()) {
                if (a.label().equals(name)) {
                    found = a;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown hash algorithm '" + part.trim()
                        + "'; choose from md5, sha1, sha256");
            }
            set.add(found);
        }
        return set;
    }

    public static String labels(Set<HashAlgorithm> algorithms) {
        List<String> names = new ArrayList<>();
        for (HashAlgorithm a : algorithms) {
            names.add(a.label());
        }
        return String.join(",", names);
    }
}
