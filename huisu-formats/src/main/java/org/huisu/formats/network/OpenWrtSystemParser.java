package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * OpenWrt's {@code /etc/config/system} (or {@code uci show system}): the router's hostname. The
 * zone the router keeps its logs in is here too ({@link #zoneName}).
 */
public final class OpenWrtSystemParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "openwrt-system";
    }

    @Override
    public boolean acceptsPath(String path) {
        return ConfigText.slashes(path).endsWith("etc/config/system");
    }

    @Override
    public boolean recognizes(String text) {
        return ConfigText.lines(text).stream().map(String::strip)
                .anyMatch(l -> l.startsWith("config system") || l.startsWith("system.") && l.contains("=system"));
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<String> problems = new ArrayList<>();
        List<Parsed<HostIdentity>> out = new ArrayList<>();
        for (UciConfig.Section s : UciConfig.read(text, problems)) {
            String hostname = s.option("hostname");
            if (!s.type().equals("system") || hostname == null) {
                continue;
            }
            if (!EtcHostnameParser.isHostName(hostname)) {
                problems.add(s.label() + ": '" + hostname + "' is not a host name");
                continue;
            }
            out.add(Parsed.value(new HostIdentity(hostname, List.of(hostname), List.of(), HostIdentity.ROUTER,
                    name() + ": config system, option hostname")));
        }
        problems.forEach(p -> out.add(Parsed.error(p)));
        return out;
    }

    /**
     * The IANA zone the router's clock keeps ({@code option zonename 'Asia/Shanghai'}), which its
     * logs' local times need; null when the config does not name one.
     */
    public static String zoneName(String text) {
        for (UciConfig.Section s : UciConfig.read(text, new ArrayList<>())) {
            if (s.type().equals("system") && s.option("zonename") != null) {
                return s.option("zonename");
            }
        }
        return null;
    }
}
