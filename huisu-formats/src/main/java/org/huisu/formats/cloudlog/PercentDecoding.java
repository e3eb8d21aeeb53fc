package org.huisu.formats.cloudlog;

import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of the URL-encoded keys and paths in access logs, as UTF-8. A {@code +} stays a
 * plus: keys are encoded as URI paths (RFC 3986), where {@code +} is a literal character and a
 * space is {@code %20}; treating it as a space (HTML forms) would change keys that hold a plus.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * {@code s[from, to)} decoded. Text without a {@code %} is returned as it is, without decoding;
     * text that is not valid percent-encoded UTF-8 ({@code %zz}, a cut sequence, a lone byte) is
     * returned raw rather than guessed at.
     */
    static String decode(String s, int from, int to) {
        int percent = s.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return s.substring(from, to);
        }
        String fast = decodeAscii(s, from, to, percent);
        if (fast != null) {
            return fast;
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(s, from, percent);
        byte[] bytes = null;
        int i = percent;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            // a run of %XX is one sequence of UTF-8 bytes
            int n = 0;
            while (i < to && s.charAt(i) == '%') {
                int hi = i + 2 < to ? hex(s.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? hex(s.charAt(i + 2)) : -1;
                if (lo < 0) {
                    return s.substring(from, to);
                }
                if (bytes == null || n == bytes.length) {
                    bytes = grow(bytes, n);
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 3;
            }
            if (!isUtf8(bytes, n)) {
                return s.substring(from, to);
            }
            out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * The usual case, text that is ASCII apart from its escapes: all of it decoded into bytes, which
     * are then read as UTF-8 at once; null when a character is not ASCII or an escape is not one.
     */
    private static String decodeAscii(String s, int from, int to, int percent) {
        byte[] bytes = new byte[to - from];
        int n = 0;
        for (int i = from; i < percent; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            bytes[n++] = (byte) c;
        }
        for (int i = percent; i < to; ) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? hex(s.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? hex(s.charAt(i + 2)) : -1;
                if (lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 3;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
                i++;
            } else {
                return null;
            }
        }
        return isUtf8(bytes, n) ? new String(bytes, 0, n, StandardCharsets.UTF_8) : null;
    }

    private static byte[] grow(byte[] bytes, int n) {
        byte[] bigger = new byte[Math.max(16, n * 2)];
        if (bytes != null) {
            System.arraycopy(bytes, 0, bigger, 0, n);
        }
        return bigger;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean isUtf8(byte[] b, int n) {
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + length > n) {
                return false;
            }
            int code = c & (0xff >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = b[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                code = code << 6 | next & 0x3f;
            }
            if (code < min || code > 0x10ffff || code >= 0xd800 && code <= 0xdfff) {
                return false;
            }
            i += length;
        }
        return true;
    }
}
