package org.huisu.formats.network;

import java.time.Instant;
import java.util.List;

/**
 * One DHCP lease: which MAC held which LAN address, under which name, when. Lease files keep
 * history (an ISC file appends each renewal), so the same MAC may appear several times.
 *
 * @param address  canonical IP address
 * @param mac      lower-case, colon-separated; null when the file does not say (IPv6, a client's own lease)
 * @param hostname the name the client gave or the server assigned; null when none
 * @param starts   when the lease began; null when the format does not record it (dnsmasq)
 * @param ends     when it expires; null for a lease that never does
 * @param evidence the parser's name and the line or block it read
 * @param state    the ISC binding state ({@code active}, {@code free}, {@code expired}…); null otherwise
 */
public record DhcpLease(String address, String mac, String hostname, Instant starts, Instant ends, String evidence,
        String state) {

    /** The lease as identity evidence: the client's name and its address on the LAN. */
    public HostIdentity asIdentity() {
        return new HostIdentity(hostname, hostname == null ? List.of() : List.of(hostname),
                List.of(InterfaceAddress.of(null, mac, address, null, null)), null, evidence);
    }
}
