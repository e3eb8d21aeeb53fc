package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;

/**
 * OpenWrt's {@code /etc/config/network} (or {@code uci show network}): the router's own LAN and
 * WAN addresses. Each {@code config interface} gives its logical name ({@code lan}, {@code wan}),
 * static {@code ipaddr} with {@code netmask} or {@code /prefix}, {@code gateway}, {@code ip6addr};
 * the MAC comes from the interface or from the {@code config device} it names. A WAN on
 * {@code pppoe} or {@code dhcp} has no address in the config (the carrier assigns it; look for it
 * in the router's logs) and is kept without one.
 */
public final class OpenWrtNetworkParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "openwrt-network";
    }

    @Override
    public boolean acceptsPath(String path) {
        return ConfigText.slashes(path).endsWith("etc/config/network");
    }

    @Override
    public boolean recognizes(String text) {
        return ConfigText.lines(text).stream().map(String::strip)
                .anyMatch(l -> l.startsWith("config interface") || l.startsWith("network.") && l.contains("=interface"));
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<String> problems = new ArrayList<>();
        List<UciConfig.Section> sections = UciConfig.read(text, problems);
        Map<String, String> deviceMacs = new HashMap<>();
        for (UciConfig.Section s : sections) {
            if (s.type().equals("device") && s.option("name") != null && s.option("macaddr") != null) {
                deviceMacs.put(s.option("name"), s.option("macaddr"));
            }
        }
        List<InterfaceAddress> addresses = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (UciConfig.Section s : sections) {
            if (!s.type().equals("interface") || s.name() == null) {
                continue;
            }
            String proto = s.option("proto") == null ? "none" : s.option("proto");
            String device = s.option("device") != null ? s.option("device") : s.option("ifname");
            String mac = s.option("macaddr") != null ? s.option("macaddr") : deviceMacs.get(device);
            if (mac != null && MacAddress.canonical(mac) == null) {
                problems.add(s.label() + ": '" + mac + "' is not a MAC address");
                mac = null;
            }
            int before = addresses.size();
            if (proto.equals("static")) {
                Integer maskPrefix = s.option("netmask") == null ? null : IpAddress.prefixOfNetmask(s.option("netmask"));
                for (String value : s.values("ipaddr")) {
                    for (String a : ConfigText.words(value)) {
                        add(s, a, maskPrefix, mac, s.option("gateway"), addresses, problems);
                    }
                }
                for (String value : s.values("ip6addr")) {
                    for (String a : ConfigText.words(value)) {
                        add(s, a, null, mac, s.option("ip6gw"), addresses, problems);
                    }
                }
            } else if (!proto.equals("none")) {
                addresses.add(InterfaceAddress.of(s.name(), mac, null, null, null));
            }
            addresses.removeIf(a -> a.scope() == AddressScope.LOOPBACK);
            if (addresses.size() > before) {
                described.add(s.name() + " (" + (device == null ? "" : device + ", ") + proto + ")");
            }
        }
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (!addresses.isEmpty()) {
            out.add(Parsed.value(new HostIdentity(null, List.of(), addresses, HostIdentity.ROUTER,
                    name() + ": " + String.join(", ", described))));
        }
        problems.forEach(p -> out.add(Parsed.error(p)));
        return out;
    }

    private static void add(UciConfig.Section s, String cidr, Integer maskPrefix, String mac, String gateway,
            List<InterfaceAddress> out, List<String> problems) {
        String bare = ConfigText.beforeSlash(cidr);
        if (!IpAddress.isAddress(bare)) {
            problems.add(s.label() + ": '" + cidr + "' is not an address");
            return;
        }
        Integer prefix = ConfigText.prefixAfterSlash(cidr);
        out.add(InterfaceAddress.of(s.name(), mac, bare, prefix != null ? prefix : maskPrefix, gateway));
    }
}
