package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huisu.formats.Parsed;

/**
 * {@code /etc/hosts}: addresses and the names they go by. The names on a loopback line other than
 * {@code localhost} and its kin (Debian's {@code 127.0.1.1 img-server-01}) are the machine's own;
 * an address line sharing one of those names is the machine's own address. Every other address
 * line is another host's entry.
 */
public final class EtcHostsParser implements NetworkFileParser<HostIdentity> {

    private static final Set<String> STANDARD_NAMES = Set.of("localhost", "localhost.localdomain", "localhost4",
            "localhost4.localdomain4", "localhost6", "localhost6.localdomain6", "ip6-localhost", "ip6-loopback",
            "ip6-localnet", "ip6-mcastprefix", "ip6-allnodes", "ip6-allrouters", "ip6-allhosts", "broadcasthost");

    @Override
    public String name() {
        return "etc-hosts";
    }

    @Override
    public boolean acceptsPath(String path) {
        // also Windows' System32/drivers/etc/hosts
        return ConfigText.slashes(path).endsWith("etc/hosts");
    }

    @Override
    public boolean recognizes(String text) {
        int entries = 0;
        for (String line : ConfigText.lines(text)) {
            List<String> words = ConfigText.words(ConfigText.withoutComment(line));
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() < 2 || !IpAddress.isAddress(words.get(0))) {
                return false;
            }
            entries++;
        }
        return entries > 0;
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<Parsed<HostIdentity>> errors = new ArrayList<>();
        Set<String> ownNames = new LinkedHashSet<>();
        List<Integer> ownLines = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines = ConfigText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = ConfigText.words(ConfigText.withoutComment(lines.get(i)));
            if (words.isEmpty()) {
                continue;
            }
            int number = i + 1;
            String address = IpAddress.canonical(words.get(0));
            if (address == null) {
                errors.add(Parsed.error("line " + number + ": '" + words.get(0) + "' is not an IP address"));
                continue;
            }
            if (words.size() < 2) {
                errors.add(Parsed.error("line " + number + ": address " + address + " has no name"));
                continue;
            }
            List<String> names = words.subList(1, words.size()).stream()
                    .filter(n -> !STANDARD_NAMES.contains(n.toLowerCase(Locale.ROOT))).toList();
            AddressScope scope = AddressScope.of(address);
            if (scope == AddressScope.LOOPBACK) {
                if (!names.isEmpty()) {
                    ownNames.addAll(names);
                    ownLines.add(number);
                }
            } else if (scope != AddressScope.OTHER && !names.isEmpty()) {
                Entry e = entries.computeIfAbsent(address, a -> new Entry());
                e.names.addAll(names);
                e.lines.add(number);
            }
        }
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        if (!ownNames.isEmpty()) {
            out.add(Parsed.value(own(ownNames, ownLines, entries)));
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            out.add(Parsed.value(new HostIdentity(null, List.copyOf(e.getValue().names),
                    List.of(InterfaceAddress.of(null, null, e.getKey(), null, null)), null,
                    name() + ": " + ConfigText.lineList(e.getValue().lines))));
        }
        out.addAll(errors);
        return out;
    }

    /** The machine's own identity; takes its address entries out of {@code entries}. */
    private HostIdentity own(Set<String> ownNames, List<Integer> ownLines, Map<String, Entry> entries) {
        Set<String> lower = new LinkedHashSet<>();
        ownNames.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        // hostname(1) is usually the short name; Debian writes the FQDN first on 127.0.1.1
        String hostname = ownNames.stream().filter(n -> n.indexOf('.') < 0).findFirst()
                .orElse(ownNames.iterator().next());
        Set<String> names = new LinkedHashSet<>();
        names.add(hostname);
        names.addAll(ownNames);
        List<InterfaceAddress> addresses = new ArrayList<>();
        List<Integer> lines = new ArrayList<>(ownLines);
        var it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().names.stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)))) {
                names.addAll(e.getValue().names);
                addresses.add(InterfaceAddress.of(null, null, e.getKey(), null, null));
                lines.addAll(e.getValue().lines);
                it.remove();
            }
        }
        lines.sort(null);
        return new HostIdentity(hostname, List.copyOf(names), addresses, null,
                name() + ": " + ConfigText.lineList(lines));
    }

    private static final class Entry {
        final Set<String> names = new LinkedHashSet<>();
        final List<Integer> lines = new ArrayList<>();
    }
}
