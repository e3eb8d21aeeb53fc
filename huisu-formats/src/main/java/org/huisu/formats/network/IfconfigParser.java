package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * Saved {@code ifconfig} output, in its three shapes: net-tools 2.x on Linux
 * ({@code eno1: flags=… inet 192.168.10.20  netmask 255.255.255.0 … ether …}), the older net-tools
 * and BusyBox that OpenWrt ships ({@code eth0  Link encap:Ethernet  HWaddr …},
 * {@code inet addr:…  Mask:…}), and BSD/macOS ({@code netmask 0xffffff00}, {@code ether},
 * {@code lladdr}). Lines of other commands end the current interface and are passed over.
 */
public final class IfconfigParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "ifconfig";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.substring(p.lastIndexOf('/') + 1).startsWith("ifconfig");
    }

    @Override
    public boolean recognizes(String text) {
        return ConfigText.lines(text).stream().anyMatch(l -> header(l) != null);
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        InterfaceTable table = new InterfaceTable();
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        String current = null;
        List<String> lines = ConfigText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                current = header(line);
                if (current != null) {
                    table.declare(current);
                    if (line.contains("LOOPBACK") || line.contains("Local Loopback")) {
                        table.loopback(current);
                    }
                    body(current, ConfigText.words(line), table, i + 1, errors);
                }
                continue;
            }
            if (current != null) {
                body(current, ConfigText.words(line), table, i + 1, errors);
            }
        }
        HostIdentity identity = table.identity(name());
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (identity != null) {
            out.add(Parsed.value(identity));
        } else if (table.isEmpty()) {
            out.add(Parsed.error("no interface found: expected the output of 'ifconfig'"));
        }
        out.addAll(errors);
        return out;
    }

    /** Reads the words of one line: addresses, masks, prefix lengths and MACs in any of the shapes. */
    private static void body(String name, List<String> w, InterfaceTable table, int number,
            List<Parsed<HostIdentity>> errors) {
        String address = null;
        Integer prefix = null;
        for (int k = 0; k < w.size(); k++) {
            String word = w.get(k);
            String next = k + 1 < w.size() ? w.get(k + 1) : null;
            switch (word) {
                case "inet", "inet6" -> {
                    if ("addr:".equals(next) && k + 2 < w.size()) {
                        next = w.get(++k + 1);
                    }
                    if (next != null) {
                        String a = next.startsWith("addr:") ? next.substring(5) : next;
                        address = ConfigText.beforeSlash(a);
                        prefix = ConfigText.prefixAfterSlash(a);
                        if (!IpAddress.isAddress(address)) {
                            errors.add(Parsed.error("line " + number + ": '" + a + "' is not an address"));
                            address = null;
                        }
                        k++;
                    }
                }
                case "netmask", "prefixlen" -> {
                    if (next != null) {
                        prefix = IpAddress.prefixOfNetmask(next);
                        k++;
                    }
                }
                case "ether", "lladdr", "HWaddr", "address:" -> {
                    if (next != null) {
                        table.mac(name, next);
                        k++;
                    }
                }
                default -> {
                    if (word.startsWith("Mask:")) {
                        prefix = IpAddress.prefixOfNetmask(word.substring(5));
                    }
                }
            }
        }
        if (address != null) {
            table.address(name, address, prefix);
        }
    }

    /** The interface a header line opens, or null when the line is not an ifconfig header. */
    private static String header(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return null;
        }
        List<String> w = ConfigText.words(line);
        if (w.size() < 2) {
            return null;
        }
        String first = w.get(0);
        if (first.endsWith(":") && w.get(1).startsWith("flags=")) {
            return first.substring(0, first.length() - 1);
        }
        if (line.contains(" Link encap:")) {
            return first;
        }
        return null;
    }
}
