package org.huisu.formats.clientconfig;

/**
 * Where an upload really went once the client's configuration is read: the configured remote it rests on
 * (after following aliases), the cloud, endpoint, region, bucket and key, and a sentence saying how this was
 * worked out.
 */
public record ResolvedDestination(Remote remote, Cloud cloud, String endpoint, String region, String bucket,
        String key, String explanation) {
}
