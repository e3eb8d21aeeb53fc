package org.huisu.core.model;

import java.util.Map;
import org.huisu.core.hash.HashAlgorithm;

/** The digests of an artifact's bytes; only SHA-256 is always present. */
public record Hashes(String sha256, String md5, String sha1) {

    public static final Hashes NONE = new Hashes(null, null, null);

    public static Hashes of(Map<HashAlgorithm, String> digests) {
        return new Hashes(digests.get(HashAlgorithm.SHA256), digests.get(HashAlgorithm.MD5),
                digests.get(HashAlgorithm.SHA1));
    }
}
