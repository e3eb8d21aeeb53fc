package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;

/**
 * A NetworkManager keyfile ({@code /etc/NetworkManager/system-connections/*.nmconnection}), an
 * INI file: {@code [connection]} {@code id} and {@code interface-name}, the MAC under
 * {@code [ethernet]} or {@code [wifi]}, and under {@code [ipv4]}/{@code [ipv6]} the
 * {@code addressN=192.168.10.20/24,192.168.10.1} lines (or the older {@code addressesN=} with
 * semicolons) and {@code method}.
 */
public final class NetworkManagerKeyfileParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "networkmanager-keyfile";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.endsWith(".nmconnection") || p.contains("NetworkManager/system-connections/");
    }

    @Override
    public boolean recognizes(String text) {
        return ConfigText.lines(text).stream().anyMatch(l -> l.strip().equals("[connection]"));
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        List<String> lines = ConfigText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1).strip(), s -> new LinkedHashMap<>());
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0 || current == null) {
                errors.add(Parsed.error("line " + (i + 1) + ": expected '[section]' or 'key=value'"));
                continue;
            }
            current.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        Map<String, String> connection = sections.get("connection");
        if (connection == null) {
            errors.add(0, Parsed.error("no [connection] section"));
            return errors;
        }
        String id = connection.get("id");
        String interfaceName = connection.get("interface-name");
        String mac = null;
        for (String s : List.of("ethernet", "802-3-ethernet", "wifi", "802-11-wireless")) {
            Map<String, String> sec = sections.get(s);
            if (sec != null && sec.get("mac-address") != null) {
                mac = sec.get("mac-address").replace(";", "");
                if (MacAddress.canonical(mac) == null) {
                    errors.add(Parsed.error("[" + s + "] mac-address: '" + mac + "' is not a MAC address"));
                    mac = null;
                }
            }
        }
        List<InterfaceAddress> addresses = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            Map<String, String> sec = sections.get(family);
            if (sec == null) {
                continue;
            }
            String method = sec.getOrDefault("method", "auto");
            String gateway = sec.get("gateway");
            int before = addresses.size();
            for (Map.Entry<String, String> e : sec.entrySet()) {
                String key = e.getKey();
                if (!key.matches("address(es)?\\d*")) {
                    continue;
                }
                address(family, key, e.getValue(), interfaceName, mac, gateway, addresses, errors);
            }
            if (addresses.size() > before || !method.equals("disabled") && !method.equals("ignore")) {
                methods.add(family + " " + method);
            }
        }
        if (addresses.isEmpty() && (mac != null || interfaceName != null) && !methods.isEmpty()) {
            addresses.add(InterfaceAddress.of(interfaceName, mac, null, null, null));
        }
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (!addresses.isEmpty()) {
            out.add(Parsed.value(new HostIdentity(null, List.of(), addresses, null,
                    name() + ": connection '" + id + "' (" + String.join(", ", methods) + ")")));
        }
        out.addAll(errors);
        return out;
    }

    /** {@code 192.168.10.20/24,192.168.10.1}, or the older {@code 192.168.10.20;24;192.168.10.1;}. */
    private static void address(String family, String key, String value, String interfaceName, String mac,
            String gateway, List<InterfaceAddress> out, List<Parsed<HostIdentity>> errors) {
        String v = value.endsWith(";") ? value.substring(0, value.length() - 1) : value;
        String address;
        Integer prefix;
        String gw = gateway;
        if (v.indexOf(';') >= 0 && v.indexOf('/') < 0) {
            String[] parts = v.split(";", -1);
            address = parts[0];
            prefix = parts.length > 1 ? IpAddress.smallNumber(parts[1], 128) : null;
            if (parts.length > 2 && IpAddress.isAddress(parts[2])) {
                gw = parts[2];
            }
        } else {
            int comma = v.indexOf(',');
            String cidr = comma < 0 ? v : v.substring(0, comma);
            if (comma >= 0 && IpAddress.isAddress(v.substring(comma + 1).strip())) {
                gw = v.substring(comma + 1).strip();
            }
            address = ConfigText.beforeSlash(cidr);
            prefix = ConfigText.prefixAfterSlash(cidr);
        }
        if (!IpAddress.isAddress(address)) {
            errors.add(Parsed.error("[" + family + "] " + key + ": '" + value + "' is not an address"));
            return;
        }
        out.add(InterfaceAddress.of(interfaceName, mac, address, prefix, gw));
    }
}
