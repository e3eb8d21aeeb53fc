package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huisu.formats.Parsed;

/**
 * Reads ossutil's {@code ~/.ossutilconfig}: {@code [Credentials]} (endpoint, accessKeyID, accessKeySecret,
 * stsToken), ossutil 2's {@code [default]} and {@code [profile name]} sections, and {@code [Bucket-Endpoint]}
 * / {@code [Bucket-Cname]}, whose {@code bucket = endpoint} lines each become a remote of that bucket with
 * the credentials of {@code [Credentials]}.
 */
public final class OssutilConfigParser {

    private static final String[] KNOWN = {"endpoint", "accessKeyID", "accessKeySecret", "region", "stsToken"};

    private OssutilConfigParser() {
    }

    /** The credentials, profiles and bucket endpoints of an .ossutilconfig as remotes; never an error. */
    public static Parsed<ClientConfig> parse(String text) {
        IniReader ini = new IniReader(text);
        List<Remote> remotes = new ArrayList<>();
        IniReader.Section credentials = ini.sections.stream()
                .filter(s -> s.name().equalsIgnoreCase("Credentials")).findFirst().orElse(null);
        for (IniReader.Section s : ini.sections) {
            String kind = s.name().toLowerCase(Locale.ROOT);
            if (kind.equals("bucket-endpoint") || kind.equals("bucket-cname")) {
                for (IniReader.Setting b : s.settings()) {
                    remotes.add(new Remote("ossutil", b.key(), s.name(), "", Cloud.of("oss", b.value()), b.value(),
                            credentials == null ? "" : credentials.get("region"), b.key(),
                            credentials == null ? "" : credentials.get("accessKeyID"),
                            Secret.of(credentials == null ? "" : credentials.get("accessKeySecret")), "",
                            java.util.Map.of(), b.line()));
                }
            } else if (kind.equals("credentials") || kind.equals("default") || kind.startsWith("profile ")
                    || !s.get("accessKeyID").isEmpty()) {
                String name = kind.startsWith("profile ") ? s.name().substring(8).strip() : s.name();
                remotes.add(new Remote("ossutil", name, "credentials", "", Cloud.of("oss", s.get("endpoint")),
                        s.get("endpoint"), s.get("region"), "", s.get("accessKeyID"), Secret.of(s.get(
                                "accessKeySecret")), "", s.others(KNOWN), s.line()));
            }
        }
        return Parsed.value(new ClientConfig("ossutil", remotes, ini.warnings));
    }
}
