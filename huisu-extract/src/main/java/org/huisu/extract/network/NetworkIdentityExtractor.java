package org.huisu.extract.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.Parsed;
import org.huisu.formats.network.AddressScope;
import org.huisu.formats.network.DebianInterfacesParser;
import org.huisu.formats.network.DhcpLease;
import org.huisu.formats.network.DnsmasqLeaseParser;
import org.huisu.formats.network.EtcHostnameParser;
import org.huisu.formats.network.EtcHostsParser;
import org.huisu.formats.network.HostIdentity;
import org.huisu.formats.network.IfconfigParser;
import org.huisu.formats.network.InterfaceAddress;
import org.huisu.formats.network.IpAddrParser;
import org.huisu.formats.network.IscDhcpLeaseParser;
import org.huisu.formats.network.NetplanParser;
import org.huisu.formats.network.NetworkFileParser;
import org.huisu.formats.network.NetworkManagerKeyfileParser;
import org.huisu.formats.network.OpenWrtDhcpParser;
import org.huisu.formats.network.OpenWrtNetworkParser;
import org.huisu.formats.network.OpenWrtSystemParser;

/**
 * Who the machines are: a machine's own configuration (hostname, hosts, ifupdown, netplan,
 * NetworkManager, saved {@code ip addr}/{@code ifconfig} output, OpenWrt's network and system)
 * makes one host actor of the machine, named as its own {@code /etc/hostname} (or OpenWrt's
 * system config) names it; DHCP leases, static leases and other hosts' entries in a hosts file make
 * actors of the other machines, named as the evidence names them (or by MAC address). Every
 * MAC and IP address becomes an address of its actor, tied to the file it was read from.
 */
public final class NetworkIdentityExtractor implements Extractor {

    /** Larger files are not network configuration. */
    private static final int MAX_CHARS = 1 << 20;
    /** Files found away from their usual path are tried by content only up to this size. */
    private static final long MAX_SNIFFED = 256 * 1024;

    private static final EtcHostnameParser HOSTNAME = new EtcHostnameParser();
    private static final OpenWrtSystemParser OPENWRT_SYSTEM = new OpenWrtSystemParser();

    /** Parsers whose files describe the machine they sit on. */
    private static final List<NetworkFileParser<HostIdentity>> OWN = List.of(HOSTNAME, new EtcHostsParser(),
            new DebianInterfacesParser(), new NetplanParser(), new NetworkManagerKeyfileParser(), new IpAddrParser(),
            new IfconfigParser(), new OpenWrtNetworkParser(), OPENWRT_SYSTEM, new OpenWrtDhcpParser());
    private static final List<NetworkFileParser<DhcpLease>> LEASES = List.of(new DnsmasqLeaseParser(),
            new IscDhcpLeaseParser());
    /** Too loose to be told by content alone: a one-word file is not always a hostname. */
    private static final Set<String> PATH_ONLY = Set.of("etc-hostname", "etc-hosts");
    /** Where a machine's tree starts: the folder that holds these. */
    private static final List<String> ROOT_FOLDERS = List.of("etc/", "tmp/", "var/", "run/");

    @Override
    public String name() {
        return "network-identity";
    }

    @Override
    public String description() {
        return "hosts, their names and their MAC and IP addresses (LAN and WAN) from network configuration and DHCP"
                + " leases";
    }

    @Override
    public boolean accepts(Item item) {
        if (!item.hasContent() || item.artifact().size() != null && item.artifact().size() > MAX_CHARS) {
            return false;
        }
        String path = item.locator();
        if (OWN.stream().anyMatch(p -> p.acceptsPath(path)) || LEASES.stream().anyMatch(p -> p.acceptsPath(path))) {
            return true;
        }
        String type = item.mediaType();
        return type != null && type.startsWith("text/") && (item.artifact().size() == null
                || item.artifact().size() <= MAX_SNIFFED);
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        String text = TextLines.text(item, MAX_CHARS);
        if (text == null || text.isBlank()) {
            return;
        }
        String path = item.locator();
        Optional<NetworkFileParser<HostIdentity>> own = OWN.stream().filter(p -> p.acceptsPath(path)).findFirst();
        Optional<NetworkFileParser<DhcpLease>> lease = LEASES.stream().filter(p -> p.acceptsPath(path)).findFirst();
        if (own.isEmpty() && lease.isEmpty()) {
            own = OWN.stream().filter(p -> !PATH_ONLY.contains(p.name()) && p.recognizes(text)).findFirst();
            lease = own.isPresent() ? Optional.empty() : LEASES.stream().filter(p -> p.recognizes(text)).findFirst();
        }
        Machine machine = new Machine(item);
        List<String> hosts = new ArrayList<>();
        String format;
        if (own.isPresent()) {
            format = own.get().name();
            for (Parsed<HostIdentity> p : own.get().parse(text)) {
                if (p instanceof Parsed.Value<HostIdentity> v) {
                    hosts.add(emit(item, machine, format, v.value(), null, out));
                } else if (p instanceof Parsed.Error<HostIdentity> e) {
                    out.problem("BAD_NETWORK_FILE", "parts of the file are not in the " + format + " format",
                            e.message());
                }
            }
        } else if (lease.isPresent()) {
            format = lease.get().name();
            for (Parsed<DhcpLease> p : lease.get().parse(text)) {
                if (p instanceof Parsed.Value<DhcpLease> v) {
                    hosts.add(emit(item, machine, format, v.value().asIdentity(), v.value(), out));
                } else if (p instanceof Parsed.Error<DhcpLease> e) {
                    out.problem("BAD_NETWORK_FILE", "parts of the file are not in the " + format + " format",
                            e.message());
                }
            }
        } else {
            return;
        }
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("format", format);
        network.put("hosts", List.copyOf(new LinkedHashSet<>(hosts)));
        out.describe(null, Map.of("network", network));
    }

    /** Records one identity as a host actor; returns the actor's name. */
    private String emit(Item item, Machine machine, String format, HostIdentity identity, DhcpLease lease,
            Emitter out) {
        boolean itsOwn = lease == null && (identity.hostname() != null || isAboutItself(format));
        String name = itsOwn ? machine.name() : otherName(identity);
        Set<String> addresses = new LinkedHashSet<>();
        List<Object> interfaces = new ArrayList<>();
        for (InterfaceAddress a : identity.addresses()) {
            if (a.scope() == AddressScope.LOOPBACK) {
                continue;
            }
            if (a.mac() != null) {
                addresses.add(a.mac());
            }
            if (a.address() != null) {
                addresses.add(a.address());
            }
            interfaces.add(describe(a));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(identity.names());
        if (itsOwn && !names.contains(name)) {
            names.add(0, name);
        }
        attributes.put("names", names);
        if (itsOwn) {
            attributes.put("nameFrom", machine.nameFrom());
        }
        if (identity.role() != null) {
            attributes.put("role", identity.role());
        }
        if (!interfaces.isEmpty()) {
            attributes.put("interfaces", interfaces);
        }
        if (lease != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("address", lease.address());
            l.put("mac", lease.mac());
            l.put("starts", lease.starts() == null ? null : lease.starts().toString());
            l.put("ends", lease.ends() == null ? null : lease.ends().toString());
            l.put("state", lease.state());
            l.put("server", machine.name());
            l.put("evidence", item.reference() + " (" + lease.evidence() + ")");
            l.values().removeIf(java.util.Objects::isNull);
            attributes.put("leases", List.of(l));
        } else if (!itsOwn && format.equals("openwrt-dhcp")) {
            attributes.put("staticLeaseOn", List.of(machine.name()));
        }
        attributes.put("evidence", List.of(item.reference() + " (" + identity.evidence() + ")"));
        out.actor(new Actor(null, ActorKind.HOST, name, List.copyOf(addresses), attributes));
        return name;
    }

    private static boolean isAboutItself(String format) {
        return !format.equals("etc-hosts") && !format.equals("openwrt-dhcp");
    }

    private static String otherName(HostIdentity identity) {
        if (!identity.names().isEmpty()) {
            // the short name, as leases and the machine itself give it, rather than the FQDN
            return identity.names().stream().filter(n -> n.indexOf('.') < 0).findFirst()
                    .orElse(identity.names().get(0));
        }
        for (InterfaceAddress a : identity.addresses()) {
            if (a.mac() != null) {
                return a.mac();
            }
        }
        return identity.addresses().isEmpty() ? "unknown" : identity.addresses().get(0).address();
    }

    private static Map<String, Object> describe(InterfaceAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", a.interfaceName());
        m.put("mac", a.mac());
        m.put("address", a.address());
        m.put("prefixLength", a.prefixLength());
        m.put("gateway", a.gateway());
        m.put("scope", a.scope() == null ? null : a.scope().name());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    /**
     * The machine a file sits on, named as its own hostname file names it; found lazily, since
     * most files name other machines or themselves.
     */
    private static final class Machine {
        private final Item item;
        private String name;
        private String nameFrom;

        Machine(Item item) {
            this.item = item;
        }

        String name() {
            if (name == null) {
                resolve();
            }
            return name;
        }

        String nameFrom() {
            name();
            return nameFrom;
        }

        private void resolve() {
            String root = root(item.locator());
            for (var candidate : List.of(Map.entry(root + "etc/hostname", HOSTNAME),
                    Map.entry(root + "etc/config/system", OPENWRT_SYSTEM))) {
                String found = item.at(candidate.getKey()).map(i -> hostname(i, candidate.getValue())).orElse(null);
                if (found != null) {
                    name = found;
                    nameFrom = item.source().label() + ":" + candidate.getKey();
                    return;
                }
            }
            name = item.source().label();
            nameFrom = "the source's label (no hostname file found)";
        }

        private static String hostname(Item file, NetworkFileParser<HostIdentity> parser) {
            try {
                String text = TextLines.text(file, MAX_CHARS);
                if (text == null) {
                    return null;
                }
                for (Parsed<HostIdentity> p : parser.parse(text)) {
                    if (p instanceof Parsed.Value<HostIdentity> v && v.value().hostname() != null) {
                        return v.value().hostname();
                    }
                }
            } catch (java.io.IOException e) {
                // unreadable: the machine goes by its source's label
            }
            return null;
        }

        /** The locator's prefix before the machine's own folders ({@code /x.tar.gz!/} for a packed root). */
        static String root(String locator) {
            int best = -1;
            for (String folder : ROOT_FOLDERS) {
                int at = locator.indexOf("/" + folder);
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                }
            }
            return best < 0 ? "/" : locator.substring(0, best + 1);
        }
    }
}
