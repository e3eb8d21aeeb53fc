package org.huisu.formats.network;

/**
 * One address a machine had on one interface, as its configuration or a saved command output
 * says. Any part may be null: an interface configured for DHCP has a name and a MAC but no
 * address; a hosts-file line has an address and nothing else.
 *
 * @param interfaceName the interface ({@code eno1}) or, for OpenWrt, its logical name ({@code wan})
 * @param mac           lower-case, colon-separated
 * @param address       canonical text ({@link IpAddress#canonical})
 * @param prefixLength  the network prefix, from {@code /24} or a netmask
 * @param gateway       the default gateway reached through this interface, canonical text
 * @param scope         computed from the address; null when there is no address
 */
public record InterfaceAddress(String interfaceName, String mac, String address, Integer prefixLength,
        String gateway, AddressScope scope) {

    /** Normalizes the MAC and addresses and computes the scope. */
    public static InterfaceAddress of(String interfaceName, String mac, String address, Integer prefixLength,
            String gateway) {
        String canonical = address == null ? null : IpAddress.canonical(address);
        String hw = mac == null ? null : MacAddress.canonical(mac);
        String gw = gateway == null ? null : IpAddress.canonical(gateway);
        return new InterfaceAddress(interfaceName, hw, canonical, prefixLength, gw,
                canonical == null ? null : AddressScope.of(canonical));
    }
}
