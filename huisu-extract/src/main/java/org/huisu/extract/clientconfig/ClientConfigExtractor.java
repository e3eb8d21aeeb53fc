package org.huisu.extract.clientconfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.huisu.core.audit.SecretRedactor;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.SmallText;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.Parsed;
import org.huisu.formats.clientconfig.ClientConfig;
import org.huisu.formats.clientconfig.Remote;
import org.huisu.formats.shell.Secrets;

/**
 * Upload clients' configuration files (rclone, ossutil, the AWS CLI, MinIO's mc, coscmd): the file is
 * described with the remotes it configures — endpoint, region, bucket, access key id, the secret only
 * masked — and each access key id becomes an actor.
 */
public final class ClientConfigExtractor implements Extractor {

    /** Files found away from the clients' paths are read by content only up to this size. */
    private static final long MAX_SNIFFED = 256 * 1024;
    /** Enough lines to see a section header and a key setting of any client's file. */
    private static final int HEAD_LINES = 60;

    @Override
    public String name() {
        return "client-config";
    }

    @Override
    public String description() {
        return "upload clients' configurations (rclone, ossutil, aws, mc, coscmd): remotes, endpoints, buckets and"
                + " access key ids, secrets masked";
    }

    @Override
    public boolean accepts(Item item) {
        if (!item.hasContent()) {
            return false;
        }
        if (ClientConfigFile.byPath(item.locator()).isPresent()) {
            return true;
        }
        Long size = item.artifact().size();
        return (size == null || size <= MAX_SNIFFED) && looksLikeSettings(item);
    }

    /** A text file named like settings: {@code *.conf}, {@code *.json}, {@code config}, {@code credentials}… */
    private static boolean looksLikeSettings(Item item) {
        String type = item.mediaType();
        if (type == null || !(type.startsWith("text/") || type.equals("application/json"))) {
            return false;
        }
        String name = item.name().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1);
        return extension.isEmpty() || List.of("conf", "cfg", "ini", "json", "txt", "bak").contains(extension);
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        Optional<ClientConfigFile> file = ClientConfigFile.byPath(item.locator());
        boolean byContent = file.isEmpty();
        if (byContent) {
            // most text files are no client's: their first lines say so without reading the rest
            file = ClientConfigFile.byContent(String.join("\n", TextLines.head(item, HEAD_LINES)));
            if (file.isEmpty()) {
                return;
            }
        }
        SmallText read = SmallText.read(item, MachineConfigs.MAX_CHARS);
        if (read.tooLarge()) {
            out.problem("TOO_LARGE", "the file is larger than an upload client's configuration can be, so it was"
                    + " not read", item.reference());
            return;
        }
        if (read.truncated()) {
            out.problem("TRUNCATED", "the compressed file ends early; only the lines before the break were read",
                    item.reference());
        }
        String text = read.text();
        Parsed<ClientConfig> parsed = file.get().parse(text, companionText(item, file.get()));
        if (parsed instanceof Parsed.Error<ClientConfig> e) {
            if (e.message().contains("encrypted")) {
                out.problem("ENCRYPTED_CONFIG", "the " + file.get().tool() + " configuration is encrypted: its remotes"
                        + " cannot be read without its password", e.message());
            } else if (!byContent) {
                out.problem("BAD_CLIENT_CONFIG", "the file is not a readable " + file.get().tool() + " configuration",
                        e.message());
            }
            return;
        }
        if (!(parsed instanceof Parsed.Value<ClientConfig> v)) {
            return;
        }
        ClientConfig config = v.value();
        for (String warning : config.warnings()) {
            out.problem("BAD_CONFIG_LINE", "lines of the " + config.tool() + " configuration that the client would"
                    + " not read either", warning);
        }
        List<Object> remotes = new ArrayList<>();
        for (Remote r : config.remotes()) {
            remotes.add(describe(r));
            if (!r.accessKeyId().isEmpty()) {
                out.actor(new Actor(null, ActorKind.ACCESS_KEY, r.accessKeyId(), List.of(), keyAttributes(item, r)));
            }
        }
        Map<String, Object> clientConfig = new LinkedHashMap<>();
        clientConfig.put("tool", config.tool());
        clientConfig.put("file", file.get().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        clientConfig.put("recognisedBy", byContent ? "content" : "path");
        clientConfig.put("remotes", remotes);
        out.describe(null, Map.of("clientConfig", clientConfig));
    }

    /** The AWS CLI's other file, beside this one; empty for the other clients or when it is missing. */
    private static String companionText(Item item, ClientConfigFile file) throws IOException {
        Optional<String> name = file.companion();
        if (name.isEmpty()) {
            return "";
        }
        // by path, not by sibling name: an archive's members are all siblings of one another
        Optional<Item> beside = item.at(Homes.folderOf(item.locator()) + name.get());
        if (beside.isEmpty() || !beside.get().hasContent()) {
            return "";
        }
        return SmallText.read(beside.get(), MachineConfigs.MAX_CHARS).text();
    }

    /** A remote as the case keeps it: every setting, the secret only masked (and its length). */
    static Map<String, Object> describe(Remote r) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "tool", r.tool());
        put(m, "name", r.name());
        put(m, "type", r.type());
        put(m, "provider", r.provider());
        put(m, "cloud", r.cloud().name());
        put(m, "endpoint", r.endpoint());
        put(m, "region", r.region());
        put(m, "bucket", r.bucket());
        put(m, "accessKeyId", r.accessKeyId());
        if (r.secret().isPresent()) {
            m.put("secret", Map.of("masked", masked(r.secret().masked()), "length", r.secret().length()));
        }
        put(m, "target", r.target());
        Map<String, Object> settings = new LinkedHashMap<>();
        r.settings().forEach((k, value) -> settings.put(k, SecretRedactor.namesASecret(k) || Secrets.isSecretName(k)
                ? masked(value) : SecretRedactor.redactText(value)));
        if (!settings.isEmpty()) {
            m.put("settings", settings);
        }
        m.put("line", r.line());
        return m;
    }

    /** The parsers mask already; a value that is not in their masked form is masked here rather than trusted. */
    private static String masked(String value) {
        return value.matches(".{0,4}\\*{4}") ? value : Secrets.mask(value);
    }

    private static Map<String, Object> keyAttributes(Item item, Remote r) {
        Map<String, Object> a = new LinkedHashMap<>();
        put(a, "tool", r.tool());
        put(a, "remote", r.name());
        put(a, "cloud", r.cloud().name());
        put(a, "endpoint", r.endpoint());
        put(a, "bucket", r.bucket());
        a.put("foundIn", List.of(item.reference()));
        a.put("machines", List.of(item.source().label()));
        return a;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
