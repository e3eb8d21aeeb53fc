package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huisu.formats.Parsed;

/**
 * Saved output of iproute2's {@code ip addr} (also {@code ip -4 addr}, {@code ip -o addr},
 * {@code ip -br addr}, {@code ip link}); {@code default via … dev …} lines of {@code ip route} in
 * the same text give the interfaces' gateways. Lines of other commands are passed over.
 */
public final class IpAddrParser implements NetworkFileParser<HostIdentity> {

    private static final Set<String> BRIEF_STATES = Set.of("UP", "DOWN", "UNKNOWN", "LOWERLAYERDOWN", "DORMANT",
            "NOTPRESENT", "TESTING");

    @Override
    public String name() {
        return "ip-addr";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        String file = p.substring(p.lastIndexOf('/') + 1);
        return file.startsWith("ip_addr") || file.startsWith("ip-addr") || file.startsWith("ip_a.")
                || file.startsWith("ip-a.");
    }

    @Override
    public boolean recognizes(String text) {
        for (String line : ConfigText.lines(text)) {
            if (header(line) != null && (line.contains(": <") || line.contains(" inet"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        InterfaceTable table = new InterfaceTable();
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        String current = null;
        List<String> lines = ConfigText.lines(text == null ? "" : text.replace("\\ ", "\n "));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] head = header(line);
            List<String> w;
            if (head != null) {
                current = head[0];
                table.declare(current);
                String rest = head[1];
                if (rest.startsWith("<")) {
                    if (rest.substring(0, Math.max(rest.indexOf('>'), 0)).contains("LOOPBACK")) {
                        table.loopback(current);
                    }
                    continue;
                }
                w = ConfigText.words(rest);
            } else if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                w = ConfigText.words(line);
            } else {
                current = null;
                brief(ConfigText.words(line), table);
                route(ConfigText.words(line), table);
                continue;
            }
            if (current == null || w.isEmpty()) {
                continue;
            }
            body(current, w, table, i + 1, errors);
        }
        HostIdentity identity = table.identity(name());
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (identity != null) {
            out.add(Parsed.value(identity));
        } else if (table.isEmpty()) {
            out.add(Parsed.error("no interface found: expected the output of 'ip addr'"));
        }
        out.addAll(errors);
        return out;
    }

    private static void body(String name, List<String> w, InterfaceTable table, int number,
            List<Parsed<HostIdentity>> errors) {
        String first = w.get(0);
        if (first.equals("link/loopback")) {
            table.loopback(name);
        } else if (first.startsWith("link/") && w.size() > 1) {
            table.mac(name, w.get(1));
        } else if ((first.equals("inet") || first.equals("inet6")) && w.size() > 1) {
            if (w.indexOf("scope") >= 0 && w.indexOf("scope") + 1 < w.size()
                    && w.get(w.indexOf("scope") + 1).equals("host")) {
                return;
            }
            String a = w.get(1);
            if (!table.address(name, ConfigText.beforeSlash(a), ConfigText.prefixAfterSlash(a))) {
                errors.add(Parsed.error("line " + number + ": '" + a + "' is not an address"));
            }
        }
    }

    /** {@code ip -br addr}: {@code eno1  UP  192.168.10.20/24 fe80::…/64}; {@code ip -br link} gives the MAC. */
    private static void brief(List<String> w, InterfaceTable table) {
        if (w.size() < 3 || !BRIEF_STATES.contains(w.get(1))) {
            return;
        }
        String name = w.get(0).indexOf('@') > 0 ? w.get(0).substring(0, w.get(0).indexOf('@')) : w.get(0);
        for (String word : w.subList(2, w.size())) {
            if (word.indexOf('/') > 0) {
                table.address(name, ConfigText.beforeSlash(word), ConfigText.prefixAfterSlash(word));
            } else if (MacAddress.canonical(word) != null && word.indexOf(':') > 0) {
                table.mac(name, word);
            } else {
                table.declare(name);
            }
        }
    }

    /** {@code default via 192.168.10.1 dev eno1 proto static}. */
    private static void route(List<String> w, InterfaceTable table) {
        int via = w.indexOf("via");
        int dev = w.indexOf("dev");
        if (w.size() >= 5 && w.get(0).equals("default") && via >= 0 && dev >= 0 && via + 1 < w.size()
                && dev + 1 < w.size()) {
            table.gateway(w.get(dev + 1), w.get(via + 1));
        }
    }

    /**
     * {@code 2: eno1: <BROADCAST,…>} or, from {@code ip -o}, {@code 2: eno1    inet …}: the name
     * (without {@code @peer}) and the rest of the line; null for any other line.
     */
    private static String[] header(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i + 2 >= line.length() || line.charAt(i) != ':' || line.charAt(i + 1) != ' ') {
            return null;
        }
        int start = i + 2;
        int end = start;
        while (end < line.length() && line.charAt(end) != ':' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        if (end == start) {
            return null;
        }
        String name = line.substring(start, end);
        int at = name.indexOf('@');
        if (at > 0) {
            name = name.substring(0, at);
        }
        String rest = line.substring(end < line.length() && line.charAt(end) == ':' ? end + 1 : end).strip();
        return new String[] {name, rest};
    }
}
