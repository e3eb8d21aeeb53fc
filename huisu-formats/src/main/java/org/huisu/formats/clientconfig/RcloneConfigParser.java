package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * Reads {@code rclone.conf}: one {@code [name]} section a remote, {@code type = s3} with
 * {@code provider = Alibaba|AWS|TencentCOS|Minio…}, keys, endpoint and region; wrapping remotes
 * ({@code type = alias|crypt|chunker|compress|union}) keep the {@code remote = other:path} they point at.
 */
public final class RcloneConfigParser {

    private static final String[] KNOWN = {"type", "provider", "access_key_id", "secret_access_key", "endpoint",
        "region", "remote", "user", "pass", "url", "host", "account", "key"};

    private RcloneConfigParser() {
    }

    /** The remotes of an rclone.conf; an error when the file is encrypted. */
    public static Parsed<ClientConfig> parse(String text) {
        if (text != null && text.contains("RCLONE_ENCRYPT_V0:")) {
            return Parsed.error("the rclone configuration is encrypted (RCLONE_ENCRYPT_V0); its remotes cannot be"
                    + " read without its password");
        }
        IniReader ini = new IniReader(text);
        List<Remote> remotes = new ArrayList<>();
        for (IniReader.Section s : ini.sections) {
            String type = s.get("type");
            String provider = s.get("provider");
            String endpoint = first(s.get("endpoint"), s.get("url"), s.get("host"));
            String secret = first(s.get("secret_access_key"), s.get("pass"), s.get("key"));
            remotes.add(new Remote("rclone", s.name(), type, provider, Cloud.of(provider.isEmpty() ? type : provider,
                    endpoint), endpoint, s.get("region"), "", first(s.get("access_key_id"), s.get("user"),
                    s.get("account")), Secret.of(secret), s.get("remote"), s.others(KNOWN), s.line()));
        }
        return Parsed.value(new ClientConfig("rclone", remotes, ini.warnings));
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
