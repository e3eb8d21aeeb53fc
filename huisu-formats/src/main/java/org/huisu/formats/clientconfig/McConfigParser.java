package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;

/**
 * Reads the MinIO client's {@code ~/.mc/config.json}: {@code {"version":"10","aliases":{"name":{"url",
 * "accessKey","secretKey","api","path"}}}} (older versions call the map {@code hosts}). Each alias is a
 * remote whose endpoint is its URL.
 */
public final class McConfigParser {

    private McConfigParser() {
    }

    /** The aliases of a config.json as remotes; an error when the text is not JSON or names no aliases. */
    public static Parsed<ClientConfig> parse(String text) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.Malformed e) {
            return Parsed.error("not JSON, so not an mc configuration: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top)) {
            return Parsed.error("the JSON is not an object, so not an mc configuration");
        }
        Object aliases = top.containsKey("aliases") ? top.get("aliases") : top.get("hosts");
        if (!(aliases instanceof Map<?, ?> map)) {
            return Parsed.error("the JSON has neither \"aliases\" nor \"hosts\", so not an mc configuration");
        }
        List<Remote> remotes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> alias)) {
                warnings.add("alias \"" + name + "\" is not an object");
                continue;
            }
            String url = text(alias.get("url"));
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map.Entry<?, ?> a : alias.entrySet()) {
                String k = String.valueOf(a.getKey());
                if (!k.equals("url") && !k.equals("accessKey") && !k.equals("secretKey") && !k.equals("api")
                        && !k.equals("sessionToken")) {
                    settings.put(k, text(a.getValue()));
                }
            }
            if (!text(alias.get("sessionToken")).isEmpty()) {
                settings.put("sessionToken", Secret.of(text(alias.get("sessionToken"))).masked());
            }
            Cloud cloud = Cloud.of("", url);
            remotes.add(new Remote("mc", name, text(alias.get("api")), "", cloud == Cloud.OTHER ? guess(url) : cloud,
                    url, "", "", text(alias.get("accessKey")), Secret.of(text(alias.get("secretKey"))), "", settings,
                    lineOf(text, name)));
        }
        return Parsed.value(new ClientConfig("mc", remotes, warnings));
    }

    /** mc's own default aliases name MinIO's playground; anything else stays unknown. */
    private static Cloud guess(String url) {
        return url.contains("min.io") || url.contains("127.0.0.1:9000") || url.contains("localhost:9000")
                ? Cloud.MINIO : Cloud.OTHER;
    }

    private static String text(Object v) {
        return v == null || v == Json.NULL || v instanceof Map || v instanceof List ? "" : String.valueOf(v);
    }

    private static int lineOf(String text, String name) {
        int at = text.indexOf("\"" + name + "\"");
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
