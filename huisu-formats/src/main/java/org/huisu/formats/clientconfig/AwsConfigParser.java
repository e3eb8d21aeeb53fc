package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;

/**
 * Reads the AWS CLI's two files into one remote a profile: {@code ~/.aws/config} ({@code [default]},
 * {@code [profile x]}: region, endpoint_url, the nested {@code s3 =} / {@code endpoint_url = …} setting,
 * {@code services = name} pointing at a {@code [services name]} section) and {@code ~/.aws/credentials}
 * ({@code [x]}: aws_access_key_id, aws_secret_access_key, aws_session_token — masked). The S3 endpoint wins
 * over the general one, as the CLI does for {@code aws s3}.
 */
public final class AwsConfigParser {

    private static final String[] KNOWN = {"region", "endpoint_url", "s3.endpoint_url", "aws_access_key_id",
        "aws_secret_access_key", "aws_session_token", "services"};

    private AwsConfigParser() {
    }

    /** Either text may be empty when only one of the files was found. */
    public static Parsed<ClientConfig> parse(String config, String credentials) {
        IniReader conf = new IniReader(config);
        IniReader cred = new IniReader(credentials);
        Map<String, IniReader.Section> profiles = new LinkedHashMap<>();
        Map<String, IniReader.Section> services = new LinkedHashMap<>();
        for (IniReader.Section s : conf.sections) {
            if (s.name().startsWith("services ")) {
                services.put(s.name().substring(9).strip(), s);
            } else if (s.name().equals("default") || s.name().startsWith("profile ")) {
                String name = s.name().equals("default") ? "default" : s.name().substring(8).strip();
                profiles.put(name, s);
            }
        }
        Map<String, IniReader.Section> keys = new LinkedHashMap<>();
        for (IniReader.Section s : cred.sections) {
            keys.put(s.name(), s);
        }
        List<String> names = new ArrayList<>(profiles.keySet());
        keys.keySet().stream().filter(n -> !profiles.containsKey(n)).forEach(names::add);
        List<Remote> remotes = new ArrayList<>();
        for (String name : names) {
            IniReader.Section p = profiles.get(name);
            IniReader.Section k = keys.get(name);
            IniReader.Section svc = p == null ? null : services.get(p.get("services"));
            String endpoint = RcloneConfigParser.first(p == null ? "" : p.get("s3.endpoint_url"),
                    svc == null ? "" : svc.get("s3.endpoint_url"), p == null ? "" : p.get("endpoint_url"));
            String keyId = RcloneConfigParser.first(k == null ? "" : k.get("aws_access_key_id"),
                    p == null ? "" : p.get("aws_access_key_id"));
            String secret = RcloneConfigParser.first(k == null ? "" : k.get("aws_secret_access_key"),
                    p == null ? "" : p.get("aws_secret_access_key"));
            Map<String, String> others = new LinkedHashMap<>();
            if (p != null) {
                others.putAll(p.others(KNOWN));
            }
            if (k != null) {
                others.putAll(k.others(KNOWN));
                if (!k.get("aws_session_token").isEmpty()) {
                    others.put("aws_session_token", Secret.of(k.get("aws_session_token")).masked());
                }
            }
            Cloud cloud = endpoint.isEmpty() ? Cloud.AWS : Cloud.of("", endpoint);
            remotes.add(new Remote("aws", name, "s3", "", cloud, endpoint, p == null ? "" : p.get("region"), "",
                    keyId, Secret.of(secret), "", others, p != null ? p.line() : k.line()));
        }
        List<String> warnings = new ArrayList<>();
        conf.warnings.forEach(w -> warnings.add("config " + w));
        cred.warnings.forEach(w -> warnings.add("credentials " + w));
        return Parsed.value(new ClientConfig("aws", remotes, warnings));
    }
}
