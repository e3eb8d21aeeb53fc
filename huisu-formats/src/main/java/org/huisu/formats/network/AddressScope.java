package org.huisu.formats.network;

/**
 * Where an address lives, computed from the address alone: the office's own network, the
 * carrier's shared space, or the internet. An upload a cloud provider logged came from a
 * {@link #WAN} address; the machine that sent it is found through a router that had that
 * address and a {@link #LAN} lease.
 */
public enum AddressScope {

    /** 127.0.0.0/8 and ::1: the machine itself, which tells no one else who it is. */
    LOOPBACK,

    /**
     * One site's own network: RFC 1918 (10/8, 172.16/12, 192.168/16), link-local (169.254/16,
     * fe80::/10), unique-local (fc00::/7) and the old site-local fec0::/10.
     */
    LAN,

    /**
     * 100.64.0.0/10, the shared space of carrier-grade NAT (RFC 6598): neither the office LAN nor
     * the internet. A router whose WAN address is here reaches the internet from an address the
     * carrier shares among customers, so the cloud sees the carrier's address, not this one.
     */
    CARRIER,

    /**
     * Routable on the internet; this includes the documentation ranges 192.0.2.0/24,
     * 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32, which examples and our sample case use as
     * public addresses.
     */
    WAN,

    /** Unspecified, multicast, broadcast and reserved addresses: no one host's address. */
    OTHER;

    /** The scope of an IPv4 or IPv6 address (any spelling {@link IpAddress} reads); null when it is none. */
    public static AddressScope of(String address) {
        if (address == null) {
            return null;
        }
        String t = address.strip();
        if (t.length() > 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
            t = t.substring(1, t.length() - 1);
        }
        long v4 = IpAddress.ipv4(t);
        if (v4 >= 0) {
            return ofIpv4(v4);
        }
        int[] g = IpAddress.ipv6(t);
        return g == null ? null : ofIpv6(g);
    }

    static AddressScope ofIpv4(long v) {
        int a = (int) (v >>> 24);
        int b = (int) (v >>> 16 & 255);
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168 || a == 169 && b == 254) {
            return LAN;
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return CARRIER;
        }
        if (a == 0 || a >= 224) {
            return OTHER;
        }
        return WAN;
    }

    static AddressScope ofIpv6(int[] g) {
        boolean upperZero = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (upperZero && g[5] == 0 && g[6] == 0) {
            return g[7] == 1 ? LOOPBACK : OTHER;
        }
        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address
        if (upperZero && g[5] == 0xFFFF
                || g[0] == 0x64 && g[1] == 0xFF9B && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0) {
            return ofIpv4((long) g[6] << 16 | g[7]);
        }
        int first = g[0];
        if ((first & 0xFE00) == 0xFC00 || (first & 0xFFC0) == 0xFE80 || (first & 0xFFC0) == 0xFEC0) {
            return LAN;
        }
        if ((first & 0xE000) == 0x2000) {
            return WAN;
        }
        return OTHER;
    }
}
