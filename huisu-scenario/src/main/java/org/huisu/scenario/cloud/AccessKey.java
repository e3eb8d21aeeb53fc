package org.huisu.scenario.cloud;

import java.util.Random;
import org.huisu.scenario.world.Seeds;

/** An access key pair of the bucket's account, shaped as its provider issues them. */
public record AccessKey(String id, String secret) {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** The key of {@code who} ("uploader", "app"…) for this seed. */
    public static AccessKey of(Provider provider, long seed, String who) {
        Random r = Seeds.stream(seed, "key-" + who, 0);
        if (provider == Provider.OSS) {
            return new AccessKey("LTAI5t" + pick(r, ALNUM, 18), pick(r, ALNUM, 30));
        }
        return new AccessKey("AKIA" + pick(r, UPPER, 16), pick(r, ALNUM + "/+", 40));
    }

    private static String pick(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
