package org.huisu.formats.network;

import java.util.List;
import org.huisu.formats.Parsed;

/** {@code /etc/hostname}: the one name a Linux machine gives itself. */
public final class EtcHostnameParser implements NetworkFileParser<HostIdentity> {

    @Override
    public String name() {
        return "etc-hostname";
    }

    @Override
    public boolean acceptsPath(String path) {
        return ConfigText.slashes(path).endsWith("etc/hostname");
    }

    @Override
    public boolean recognizes(String text) {
        List<String> names = names(text);
        return names.size() == 1 && isHostName(names.get(0));
    }

    @Override
    public List<Parsed<HostIdentity>> parse(String text) {
        List<String> names = names(text);
        if (names.isEmpty()) {
            return List.of();
        }
        if (names.size() > 1) {
            return List.of(Parsed.error("expected one host name, found " + names.size() + " words: "
                    + String.join(" ", names.subList(0, Math.min(names.size(), 4)))));
        }
        String name = names.get(0);
        if (!isHostName(name)) {
            return List.of(Parsed.error("'" + name + "' is not a host name"));
        }
        return List.of(Parsed.value(new HostIdentity(name, List.of(name), List.of(), null, name())));
    }

    private static List<String> names(String text) {
        return ConfigText.lines(text).stream().map(ConfigText::withoutComment)
                .flatMap(l -> ConfigText.words(l).stream()).toList();
    }

    /** Letters, digits, hyphens, underscores (which Windows and cameras use) and dots; at most 253. */
    static boolean isHostName(String s) {
        if (s.isEmpty() || s.length() > 253 || s.charAt(0) == '.' || s.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
