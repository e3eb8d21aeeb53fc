package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/** Reads coscmd's {@code ~/.cos.conf}: {@code [common]} with secret_id, secret_key, bucket, region, endpoint. */
public final class CoscmdConfigParser {

    private static final String[] KNOWN = {"secret_id", "secret_key", "bucket", "region", "endpoint", "token"};

    private CoscmdConfigParser() {
    }

    /** The sections of a .cos.conf as remotes; an error when it has none. */
    public static Parsed<ClientConfig> parse(String text) {
        IniReader ini = new IniReader(text);
        List<Remote> remotes = new ArrayList<>();
        for (IniReader.Section s : ini.sections) {
            remotes.add(new Remote("coscmd", s.name(), "cos", "", Cloud.TENCENT, s.get("endpoint"), s.get("region"),
                    s.get("bucket"), s.get("secret_id"), Secret.of(s.get("secret_key")), "", s.others(KNOWN),
                    s.line()));
        }
        if (remotes.isEmpty()) {
            return Parsed.error("no [common] section: not a coscmd configuration");
        }
        return Parsed.value(new ClientConfig("coscmd", remotes, ini.warnings));
    }
}
