package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.formats.Parsed;

/**
 * Debian's {@code /etc/network/interfaces} (ifupdown): {@code iface} stanzas with a static
 * {@code address} (with {@code /prefix} or a {@code netmask}), {@code gateway} and
 * {@code hwaddress}. A DHCP interface is kept without an address; {@code source} lines, which name
 * other files, are the caller's to follow.
 */
public final class DebianInterfacesParser implements NetworkFileParser<HostIdentity> {

    private static final Set<String> STANZAS = Set.of("iface", "mapping", "auto", "source", "source-directory",
            "rename", "no-auto-down", "no-scripts");

    @Override
    public String name() {
        return "debian-interfaces";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.endsWith("etc/network/interfaces") || p.contains("etc/network/interfaces.d/");
    }

    @Override
    public boolean recognizes(String text) {
        for (String line : ConfigText.lines(text)) {
            List<String> w = ConfigText.words(ConfigText.withoutComment(line));
            if (w.size() >= 4 && w.get(0).equals("iface") && w.get(2).startsWith("inet")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        List<Stanza> stanzas = new ArrayList<>();
        Stanza current = null;
        List<String> lines = ConfigText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            List<String> w = ConfigText.words(ConfigText.withoutComment(lines.get(i)));
            if (w.isEmpty()) {
                continue;
            }
            String keyword = w.get(0);
            if (STANZAS.contains(keyword) || keyword.startsWith("allow-")) {
                current = null;
                if (keyword.equals("iface")) {
                    if (w.size() < 4) {
                        errors.add(Parsed.error("line " + (i + 1) + ": expected 'iface NAME FAMILY METHOD'"));
                    } else {
                        current = new Stanza(w.get(1), w.get(2), w.get(3), i + 1);
                        stanzas.add(current);
                    }
                }
                continue;
            }
            if (current != null) {
                current.option(keyword, w.subList(1, w.size()), i + 1, errors);
            }
        }
        // hwaddress belongs to the interface, whichever family's stanza wrote it
        Map<String, String> macs = new HashMap<>();
        stanzas.stream().filter(st -> st.mac != null).forEach(st -> macs.putIfAbsent(st.name, st.mac));
        List<InterfaceAddress> addresses = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Stanza st : stanzas) {
            finish(st, macs.get(st.name), addresses, described, errors);
        }
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (!addresses.isEmpty()) {
            out.add(Parsed.value(new HostIdentity(null, List.of(), addresses, null,
                    name() + ": " + String.join(", ", described))));
        }
        out.addAll(errors);
        return out;
    }

    private static void finish(Stanza s, String mac, List<InterfaceAddress> addresses, List<String> described,
            List<Parsed<HostIdentity>> errors) {
        if (s.method.equals("loopback")) {
            return;
        }
        if (s.method.equals("static")) {
            if (s.addresses.isEmpty()) {
                errors.add(Parsed.error("line " + s.line + ": static interface " + s.name + " has no address"));
                return;
            }
            for (String a : s.addresses) {
                Integer prefix = ConfigText.prefixAfterSlash(a);
                if (prefix == null && s.netmask != null) {
                    prefix = IpAddress.prefixOfNetmask(s.netmask);
                }
                addresses.add(InterfaceAddress.of(s.name, mac, ConfigText.beforeSlash(a), prefix, s.gateway));
            }
        } else if (s.method.equals("dhcp") || s.mac != null) {
            addresses.add(InterfaceAddress.of(s.name, mac, null, null, null));
        } else {
            return;
        }
        described.add(s.name + " " + s.family + " " + s.method + " (line " + s.line + ")");
    }

    private static final class Stanza {
        final String name;
        final String family;
        final String method;
        final int line;
        final List<String> addresses = new ArrayList<>();
        String netmask;
        String gateway;
        String mac;

        Stanza(String name, String family, String method, int line) {
            this.name = name;
            this.family = family;
            this.method = method;
            this.line = line;
        }

        void option(String key, List<String> values, int number, List<Parsed<HostIdentity>> errors) {
            if (values.isEmpty()) {
                return;
            }
            String v = values.get(0);
            switch (key) {
                case "address" -> {
                    if (IpAddress.isAddress(ConfigText.beforeSlash(v))) {
                        addresses.add(v);
                    } else {
                        errors.add(Parsed.error("line " + number + ": '" + v + "' is not an address"));
                    }
                }
                case "netmask" -> netmask = v;
                case "gateway" -> gateway = v;
                case "hwaddress" -> {
                    String mac = values.size() > 1 && v.equals("ether") ? values.get(1) : v;
                    if (MacAddress.canonical(mac) != null) {
                        this.mac = mac;
                    } else {
                        errors.add(Parsed.error("line " + number + ": '" + mac + "' is not a MAC address"));
                    }
                }
                default -> {
                    // dns-nameservers, mtu, up/down hooks and the rest say nothing of identity
                }
            }
        }
    }
}
