package org.huisu.formats.clientconfig;

import java.util.Map;

/**
 * A place an upload client is configured to reach: which client's configuration ({@code tool}: rclone,
 * ossutil, aws, mc, coscmd), its name there (rclone remote, mc alias, aws profile, ossutil or coscmd
 * section), its type and provider as written, the cloud they tell, endpoint, region, bucket when the
 * configuration fixes one, the access key id, the secret (masked), for an alias or crypt remote the
 * {@code remote:path} it wraps, the other settings (secret ones masked), and the line it starts on.
 * Settings not given are empty strings.
 */
public record Remote(String tool, String name, String type, String provider, Cloud cloud, String endpoint,
        String region, String bucket, String accessKeyId, Secret secret, String target, Map<String, String> settings,
        int line) {

    public Remote {
        settings = Map.copyOf(settings);
    }
}
