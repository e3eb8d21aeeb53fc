package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;

/**
 * Ubuntu's netplan ({@code /etc/netplan/*.yaml}): for each ethernet, bond, bridge, VLAN or wifi,
 * its {@code addresses}, gateway ({@code routes: - to: default via:} or the older
 * {@code gateway4}/{@code gateway6}) and MAC ({@code macaddress} or {@code match: macaddress}).
 * An interface on DHCP is kept without an address.
 */
public final class NetplanParser implements NetworkFileParser<HostIdentity> {

    private static final List<String> DEVICE_TYPES = List.of("ethernets", "bonds", "bridges", "vlans", "wifis",
            "modems", "tunnels", "vrfs", "dummy-devices");

    @Override
    public String name() {
        return "netplan";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.contains("/netplan/") && (p.endsWith(".yaml") || p.endsWith(".yml"));
    }

    @Override
    public boolean recognizes(String text) {
        boolean network = false;
        for (String line : ConfigText.lines(text)) {
            String l = ConfigText.withoutComment(line).stripTrailing();
            if (l.equals("network:")) {
                network = true;
            } else if (network && DEVICE_TYPES.stream().anyMatch(t -> l.strip().equals(t + ":"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        Object root;
        try {
            root = YamlSubset.read(text);
        } catch (YamlSubset.Malformed e) {
            return List.of(Parsed.error("not netplan YAML: " + e.getMessage()));
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("network") instanceof Map<?, ?> network)) {
            return List.of(Parsed.error("expected a 'network:' mapping at the top"));
        }
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        List<InterfaceAddress> addresses = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (String type : DEVICE_TYPES) {
            Object devices = network.get(type);
            if (devices == null) {
                continue;
            }
            if (!(devices instanceof Map<?, ?> byId)) {
                errors.add(Parsed.error("network." + type + ": expected a mapping of interfaces"));
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (Map.Entry<?, ?> e : byId.entrySet()) {
                String id = String.valueOf(e.getKey());
                Map<?, ?> device = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
                if (device(type + "." + id, id, device, addresses, errors)) {
                    ids.add(id);
                }
            }
            if (!ids.isEmpty()) {
                described.add(type + " " + String.join(", ", ids));
            }
        }
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (!addresses.isEmpty()) {
            out.add(Parsed.value(new HostIdentity(null, List.of(), addresses, null,
                    name() + ": " + String.join("; ", described))));
        }
        out.addAll(errors);
        return out;
    }

    /** Adds one interface's addresses; true when it gave any. */
    private static boolean device(String where, String id, Map<?, ?> device, List<InterfaceAddress> out,
            List<Parsed<HostIdentity>> errors) {
        String name = string(device.get("set-name"));
        if (name == null) {
            name = id;
        }
        String mac = string(device.get("macaddress"));
        if (mac == null && device.get("match") instanceof Map<?, ?> match) {
            mac = string(match.get("macaddress"));
        }
        if (mac != null && MacAddress.canonical(mac) == null) {
            errors.add(Parsed.error(where + ": '" + mac + "' is not a MAC address"));
            mac = null;
        }
        String gateway4 = address(device.get("gateway4"));
        String gateway6 = address(device.get("gateway6"));
        if (device.get("routes") instanceof List<?> routes) {
            for (Object r : routes) {
                if (r instanceof Map<?, ?> route && address(route.get("via")) != null) {
                    String to = string(route.get("to"));
                    String via = address(route.get("via"));
                    boolean v6 = via.indexOf(':') >= 0;
                    if ("default".equals(to) || "0.0.0.0/0".equals(to) || "::/0".equals(to)) {
                        if (v6) {
                            gateway6 = via;
                        } else {
                            gateway4 = via;
                        }
                    }
                }
            }
        }
        int before = out.size();
        Object list = device.get("addresses");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                // an address may carry options: "- 10.0.0.5/24: {lifetime: 0, label: maas}"
                String a = item instanceof Map<?, ?> m && m.size() == 1 ? string(m.keySet().iterator().next())
                        : string(item);
                String bare = a == null ? null : IpAddress.canonical(ConfigText.beforeSlash(a));
                if (bare == null) {
                    errors.add(Parsed.error(where + ".addresses: '" + item + "' is not an address"));
                    continue;
                }
                out.add(InterfaceAddress.of(name, mac, bare, ConfigText.prefixAfterSlash(a),
                        bare.indexOf(':') >= 0 ? gateway6 : gateway4));
            }
        } else if (list != null) {
            errors.add(Parsed.error(where + ".addresses: expected a list"));
        }
        if (out.size() == before && (isTrue(device.get("dhcp4")) || isTrue(device.get("dhcp6")) || mac != null)) {
            out.add(InterfaceAddress.of(name, mac, null, null, null));
        }
        return out.size() > before;
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }

    private static String address(Object o) {
        return o instanceof String s ? IpAddress.canonical(s) : null;
    }

    private static boolean isTrue(Object o) {
        return o instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")
                || s.equalsIgnoreCase("on"));
    }
}
