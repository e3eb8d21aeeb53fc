package org.huisu.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The order S3 lists keys in: their UTF-8 bytes, unsigned, compared one by one. */
final class KeyOrder {

    private KeyOrder() {
    }

    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
