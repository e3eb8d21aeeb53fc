package org.huisu.core.hash;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The one hashing routine: every algorithm asked for is fed from the same buffer, so each byte
 * is read once however many digests a case wants.
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private final EnumMap<HashAlgorithm, MessageDigest> digests = new EnumMap<>(HashAlgorithm.class);

    public Digests(Set<HashAlgorithm> algorithms) {
        for (HashAlgorithm a : algorithms) {
            digests.put(a, a.newDigest());
        }
        digests.computeIfAbsent(HashAlgorithm.SHA256, HashAlgorithm::newDigest);
    }

    public void update(byte[] bytes, int offset, int length) {
        for (MessageDigest d : digests.values()) {
            d.update(bytes, offset, length);
        }
    }

    /** Feeds the buffer's remaining bytes to every digest and leaves its position unchanged. */
    public void update(ByteBuffer buffer) {
        for (MessageDigest d : digests.values()) {
            d.update(buffer.duplicate());
        }
    }

    /** Finishes every digest, as lower-case hex, and resets them for the next input. */
    public Map<HashAlgorithm, String> finish() {
        EnumMap<HashAlgorithm, String> out = new EnumMap<>(HashAlgorithm.class);
        digests.forEach((a, d) -> out.put(a, HEX.formatHex(d.digest())));
        return out;
    }

    public static String sha256(byte[] bytes) {
        return HEX.formatHex(HashAlgorithm.SHA256.newDigest().digest(bytes));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isSha256(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
