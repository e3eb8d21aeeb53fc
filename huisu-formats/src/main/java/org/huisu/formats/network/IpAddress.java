package org.huisu.formats.network;

/**
 * IPv4 and IPv6 addresses as text, read by hand so that a host name is never looked up: one
 * canonical spelling (RFC 5952 for IPv6) lets an address in a router's config match the same
 * address in a cloud access log, however each wrote it.
 */
public final class IpAddress {

    private IpAddress() {
    }

    /**
     * The canonical text of an IPv4 or IPv6 address ({@code [..]} brackets and an IPv6
     * {@code %zone} are dropped), or null when the text is not an address.
     */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
            t = t.substring(1, t.length() - 1);
        }
        long v4 = ipv4(t);
        if (v4 >= 0) {
            return ipv4Text(v4);
        }
        int[] v6 = ipv6(t);
        return v6 == null ? null : ipv6Text(v6);
    }

    /** True when the text is an IPv4 or IPv6 address. */
    public static boolean isAddress(String text) {
        return canonical(text) != null;
    }

    /**
     * The prefix length a netmask stands for: dotted ({@code 255.255.255.0}), hexadecimal as BSD
     * prints it ({@code 0xffffff00}) or already a length ({@code 24}); null when it is none of
     * these or its one-bits are not contiguous.
     */
    public static Integer prefixOfNetmask(String mask) {
        if (mask == null || mask.isEmpty()) {
            return null;
        }
        String m = mask.strip();
        long bits;
        if (m.startsWith("0x") || m.startsWith("0X")) {
            if (m.length() != 10) {
                return null;
            }
            bits = 0;
            for (int i = 2; i < 10; i++) {
                int d = Character.digit(m.charAt(i), 16);
                if (d < 0) {
                    return null;
                }
                bits = bits << 4 | d;
            }
        } else if (m.indexOf('.') >= 0) {
            bits = ipv4(m);
            if (bits < 0) {
                return null;
            }
        } else {
            return smallNumber(m, 128);
        }
        int ones = Math.min(32, Long.numberOfLeadingZeros(~bits << 32));
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return bits == expected ? ones : null;
    }

    /** A decimal number from 0 to {@code max}, or null. */
    static Integer smallNumber(String text, int max) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + c - '0';
        }
        return v <= max ? v : null;
    }

    /** The address as an unsigned 32-bit number, or -1 when the text is not dotted-quad IPv4. */
    static long ipv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return -1;
        }
        long value = 0;
        int parts = 0;
        int i = 0;
        while (i <= n) {
            int start = i;
            int part = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + s.charAt(i) - '0';
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = value << 8 | part;
            parts++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return -1;
            }
            i++;
        }
        return parts == 4 ? value : -1;
    }

    static String ipv4Text(long v) {
        return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    /** The eight 16-bit groups of an IPv6 address, or null when the text is not one. */
    static int[] ipv6(String text) {
        String s = text;
        if (s.indexOf(':') < 0 || s.length() > 80) {
            return null;
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? s.substring(0, gap) : s, gap < 0);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2), true) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        if (gap < 0 && head.length != 8 || gap >= 0 && head.length + tail.length > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        return all;
    }

    private static int[] groups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] fields = part.split(":", -1);
        int[] out = new int[fields.length + 1];
        int k = 0;
        for (int f = 0; f < fields.length; f++) {
            String g = fields[f];
            if (f == fields.length - 1 && mayEndInIpv4 && g.indexOf('.') >= 0) {
                long v4 = ipv4(g);
                if (v4 < 0) {
                    return null;
                }
                out[k++] = (int) (v4 >>> 16);
                out[k++] = (int) (v4 & 0xFFFF);
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int v = 0;
            for (int i = 0; i < g.length(); i++) {
                int d = Character.digit(g.charAt(i), 16);
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
            out[k++] = v;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    static String ipv6Text(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            return "::ffff:" + ipv4Text((long) g[6] << 16 | g[7]);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}
