package org.huisu.formats.network;

/**
 * Ethernet MAC addresses in one spelling, lower-case and colon-separated
 * ({@code 52:54:00:3a:91:0c}), whichever way a config, a lease file or a camera database wrote them.
 */
public final class MacAddress {

    private MacAddress() {
    }

    /**
     * Reads {@code 52:54:00:3A:91:0C}, {@code 52-54-00-3a-91-0c}, {@code 5254.003a.910c},
     * {@code 5254003a910c} and BSD's unpadded {@code 2:42:ac:11:0:2}; null when the text is none.
     */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        int[] bytes = new int[6];
        if (t.length() == 12 || t.length() == 14 && t.charAt(4) == '.' && t.charAt(9) == '.') {
            String hex = t.length() == 12 ? t : t.substring(0, 4) + t.substring(5, 9) + t.substring(10);
            for (int i = 0; i < 6; i++) {
                int hi = Character.digit(hex.charAt(2 * i), 16);
                int lo = Character.digit(hex.charAt(2 * i + 1), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[i] = hi << 4 | lo;
            }
            return text(bytes);
        }
        char sep = t.indexOf(':') >= 0 ? ':' : '-';
        int k = 0;
        int i = 0;
        while (k < 6) {
            int start = i;
            int v = 0;
            while (i < t.length() && i - start < 2 && Character.digit(t.charAt(i), 16) >= 0) {
                v = v << 4 | Character.digit(t.charAt(i), 16);
                i++;
            }
            if (i == start) {
                return null;
            }
            bytes[k++] = v;
            if (k < 6) {
                if (i >= t.length() || t.charAt(i) != sep) {
                    return null;
                }
                i++;
            }
        }
        return i == t.length() ? text(bytes) : null;
    }

    private static String text(int[] bytes) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(Character.forDigit(bytes[i] >> 4, 16)).append(Character.forDigit(bytes[i] & 15, 16));
        }
        return b.toString();
    }
}
