package org.huisu.formats.network;

import java.util.List;

/**
 * What one piece of evidence says about one machine's identity: its names, its MAC and IP
 * addresses on the LAN and the WAN, and, for a router, that it is one.
 *
 * @param hostname  the name the machine gives itself, from its own configuration; null when the
 *                  evidence is someone else's (a hosts entry, a router's static lease)
 * @param names     every name it is known by, the hostname first when known
 * @param addresses its addresses, loopback left out
 * @param role      {@link #ROUTER} or null
 * @param evidence  the parser's name and the lines or sections it read, for the caller to prefix
 *                  with the source and locator
 */
public record HostIdentity(String hostname, List<String> names, List<InterfaceAddress> addresses, String role,
        String evidence) {

    /** The role of a machine whose configuration routes between a LAN and a WAN. */
    public static final String ROUTER = "router";

    public HostIdentity {
        names = names == null ? List.of() : List.copyOf(names);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
