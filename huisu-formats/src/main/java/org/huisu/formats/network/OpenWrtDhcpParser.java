package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * OpenWrt's {@code /etc/config/dhcp} (or {@code uci show dhcp}): the static leases
 * ({@code config host} with {@code name}, {@code mac}, {@code ip}) and local DNS names
 * ({@code config domain} with {@code name}, {@code ip}) the router hands out: other machines'
 * LAN addresses, as the router knew them.
 */
public final class OpenWrtDhcpParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "openwrt-dhcp";
    }

    @Override
    public boolean acceptsPath(String path) {
        return ConfigText.slashes(path).endsWith("etc/config/dhcp");
    }

    @Override
    public boolean recognizes(String text) {
        return ConfigText.lines(text).stream().map(String::strip).anyMatch(l -> l.startsWith("config host")
                || l.startsWith("config dnsmasq") || l.startsWith("dhcp.") && l.contains("=host"));
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<String> problems = new ArrayList<>();
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        for (UciConfig.Section s : UciConfig.read(text, problems)) {
            boolean host = s.type().equals("host");
            if (!host && !s.type().equals("domain")) {
                continue;
            }
            String name = s.option("name");
            String ip = s.option("ip");
            String address = ip == null ? null : IpAddress.canonical(ip);
            if (ip != null && address == null && !ip.equals("ignore")) {
                problems.add(s.label() + ": '" + ip + "' is not an address");
            }
            List<String> macs = new ArrayList<>();
            for (String value : s.values("mac")) {
                for (String m : ConfigText.words(value)) {
                    if (MacAddress.canonical(m) != null) {
                        macs.add(m);
                    } else {
                        problems.add(s.label() + ": '" + m + "' is not a MAC address");
                    }
                }
            }
            List<InterfaceAddress> addresses = new ArrayList<>();
            if (macs.isEmpty() && address != null) {
                addresses.add(InterfaceAddress.of(null, null, address, null, null));
            }
            for (String m : macs) {
                addresses.add(InterfaceAddress.of(null, m, address, null, null));
            }
            if (addresses.isEmpty()) {
                continue;
            }
            String what = host ? "static lease" : "local DNS name";
            out.add(Parsed.value(new HostIdentity(null, name == null ? List.of() : List.of(name), addresses, null,
                    name() + ": " + (s.name() == null && name != null ? "config " + s.type() + " '" + name + "'"
                            : s.label()) + " (" + what + ")")));
        }
        problems.forEach(p -> out.add(Parsed.error(p)));
        return out;
    }
}
