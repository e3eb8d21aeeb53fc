package org.huisu.formats.cloudlog;

/** Decimal counts read straight from a line, without cutting them out first. */
final class Numbers {

    private Numbers() {
    }

    /** The non-negative decimal number in {@code s[from, to)}; -1 when it is not one or too long. */
    static long parse(CharSequence s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
