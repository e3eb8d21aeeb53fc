package org.huisu.formats.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * dnsmasq's lease file ({@code /tmp/dhcp.leases} on OpenWrt, {@code /var/lib/misc/dnsmasq.leases}):
 * one lease a line, {@code expiry mac address hostname client-id}, expiry in epoch seconds
 * ({@code 0} for never) and {@code *} for no name. IPv6 leases carry an IAID where the MAC would
 * be; the {@code duid} line is the server's own.
 */
public final class DnsmasqLeaseParser implements NetworkFileParser<DhcpLease> {

    @Override
    public String name() {
        return "dnsmasq-leases";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.endsWith("dhcp.leases") || p.endsWith("dnsmasq.leases");
    }

    @Override
    public boolean recognizes(String text) {
        for (String line : ConfigText.lines(text)) {
            List<String> w = ConfigText.words(line);
            if (w.isEmpty() || w.get(0).equals("duid")) {
                continue;
            }
            return w.size() >= 4 && epoch(w.get(0)) != null && IpAddress.isAddress(w.get(2));
        }
        return false;
    }

    @Override
    public List<Parsed<DhcpLease>> parse(String text) {
        List<Parsed<DhcpLease>> out = new ArrayList<>();
        List<String> lines = ConfigText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            List<String> w = ConfigText.words(lines.get(i));
            if (w.isEmpty() || w.get(0).equals("duid")) {
                continue;
            }
            int number = i + 1;
            Long expiry = w.size() >= 4 ? epoch(w.get(0)) : null;
            String address = w.size() >= 4 ? IpAddress.canonical(w.get(2)) : null;
            if (expiry == null || address == null) {
                out.add(Parsed.error("line " + number + ": expected 'expiry mac address hostname client-id'"));
                continue;
            }
            String mac = MacAddress.canonical(w.get(1));
            String hostname = w.get(3).equals("*") ? null : w.get(3);
            Instant ends = expiry == 0 ? null : Instant.ofEpochSecond(expiry);
            out.add(Parsed.value(new DhcpLease(address, mac, hostname, null, ends, name() + ": line " + number, null)));
        }
        return out;
    }

    private static Long epoch(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }
}
