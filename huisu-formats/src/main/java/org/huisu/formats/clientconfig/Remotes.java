package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huisu.formats.shell.Destination;
import org.huisu.formats.shell.UploadCommand;

/**
 * Resolves an upload's destination through the upload clients' configurations found on the same machine: an
 * rclone remote (following alias and crypt remotes), an mc alias, an aws profile, ossutil's credentials and
 * bucket endpoints, coscmd's configured bucket. An endpoint given on the command line wins over the
 * configured one, as the tools do.
 */
public final class Remotes {

    private static final Set<String> WRAPPING = Set.of("alias", "crypt", "chunker", "compress", "cache", "hasher");
    private static final int MAX_HOPS = 10;

    private final List<ClientConfig> configs;

    private Remotes(List<ClientConfig> configs) {
        this.configs = List.copyOf(configs);
    }

    /** Resolution through these configurations (of any tools, as found on one machine). */
    public static Remotes of(List<ClientConfig> configs) {
        return new Remotes(configs);
    }

    /** The resolved destination of an upload; empty when no configuration of its tool names it. */
    public Optional<ResolvedDestination> resolve(UploadCommand upload) {
        return resolve(upload.tool(), upload.destination(), upload.profile(), upload.endpoint());
    }

    /**
     * The resolved destination of a remote path used by {@code tool}, with the profile and endpoint the
     * command line gave (empty strings when it gave none).
     */
    public Optional<ResolvedDestination> resolve(String tool, Destination d, String profile, String endpoint) {
        return switch (tool) {
            case "rclone" -> rclone(d);
            case "mc" -> remote("mc", d.remote()).map(r -> resolved(r, endpoint, d.bucket(), d.key(),
                    "mc alias '" + r.name() + "' " + describe(r)));
            case "aws" -> {
                String name = profile.isEmpty() ? "default" : profile;
                yield remote("aws", name).map(r -> resolved(r, endpoint, d.bucket(), d.key(),
                        "aws profile '" + name + "' " + describe(r)
                                + (endpoint.isEmpty() ? "" : "; the command line sets the endpoint " + endpoint)));
            }
            case "ossutil" -> ossutil(d, endpoint);
            case "coscmd" -> configs.stream().filter(c -> c.tool().equals("coscmd"))
                    .flatMap(c -> c.remotes().stream()).findFirst()
                    .map(r -> resolved(r, endpoint, d.bucket().isEmpty() ? r.bucket() : d.bucket(), d.key(),
                            "coscmd section [" + r.name() + "] " + describe(r)
                                    + (d.bucket().isEmpty() ? "; the bucket is the configured one" : "")));
            default -> Optional.empty();
        };
    }

    private Optional<ResolvedDestination> ossutil(Destination d, String endpoint) {
        Optional<Remote> bucketEndpoint = configs.stream().filter(c -> c.tool().equals("ossutil"))
                .flatMap(c -> c.remotes().stream())
                .filter(r -> r.type().equalsIgnoreCase("Bucket-Endpoint") && r.bucket().equals(d.bucket())).findFirst();
        if (bucketEndpoint.isPresent()) {
            Remote r = bucketEndpoint.get();
            return Optional.of(resolved(r, endpoint, d.bucket(), d.key(), "ossutil [Bucket-Endpoint] gives bucket '"
                    + d.bucket() + "' the endpoint " + r.endpoint()));
        }
        return configs.stream().filter(c -> c.tool().equals("ossutil")).flatMap(c -> c.remotes().stream())
                .filter(r -> r.type().equals("credentials")).findFirst()
                .map(r -> resolved(r, endpoint, d.bucket(), d.key(), "ossutil [" + r.name() + "] " + describe(r)
                        + (endpoint.isEmpty() ? "" : "; the command line sets the endpoint " + endpoint)));
    }

    private Optional<ResolvedDestination> rclone(Destination d) {
        String name = d.remote();
        String path = d.bucket().isEmpty() ? d.key() : d.key().isEmpty() ? d.bucket() : d.bucket() + "/" + d.key();
        List<String> steps = new ArrayList<>();
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<Remote> found = remote("rclone", name);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Remote r = found.get();
            if (WRAPPING.contains(r.type()) && r.target().contains(":")) {
                int colon = r.target().indexOf(':');
                String inner = r.target().substring(colon + 1);
                steps.add("rclone remote '" + r.name() + "' is " + article(r.type()) + " of '" + r.target() + "'"
                        + (r.type().equals("crypt") ? " (names and contents are encrypted there)" : ""));
                name = r.target().substring(0, colon);
                path = inner.isEmpty() ? path : path.isEmpty() ? inner : trimSlash(inner) + "/" + path;
                continue;
            }
            String clean = trimSlash(path);
            int slash = clean.indexOf('/');
            String bucket = slash < 0 ? clean : clean.substring(0, slash);
            String key = slash < 0 ? "" : clean.substring(slash + 1);
            steps.add("rclone remote '" + r.name() + "' " + describe(r));
            return Optional.of(resolved(r, "", bucket, key, String.join("; ", steps)));
        }
        return Optional.empty();
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("e") || type.startsWith("i") || type.startsWith("o")
                || type.startsWith("u") ? "an " : "a ") + type;
    }

    private static String trimSlash(String p) {
        String s = p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/") && !s.isEmpty()) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private Optional<Remote> remote(String tool, String name) {
        return configs.stream().filter(c -> c.tool().equals(tool)).flatMap(c -> c.remotes().stream())
                .filter(r -> r.name().equals(name)).findFirst();
    }

    private static ResolvedDestination resolved(Remote r, String commandEndpoint, String bucket, String key,
            String explanation) {
        String endpoint = commandEndpoint.isEmpty() ? r.endpoint() : commandEndpoint;
        Cloud cloud = commandEndpoint.isEmpty() ? r.cloud() : Cloud.of(r.provider(), commandEndpoint);
        if (cloud == Cloud.OTHER && !commandEndpoint.isEmpty()) {
            cloud = r.cloud();
        }
        return new ResolvedDestination(r, cloud, endpoint, r.region(), bucket, key, explanation);
    }

    private static String describe(Remote r) {
        List<String> parts = new ArrayList<>();
        if (!r.type().isEmpty()) {
            parts.add("type " + r.type());
        }
        if (!r.provider().isEmpty()) {
            parts.add("provider " + r.provider());
        }
        if (!r.endpoint().isEmpty()) {
            parts.add("endpoint " + r.endpoint());
        }
        if (!r.region().isEmpty()) {
            parts.add("region " + r.region());
        }
        if (!r.accessKeyId().isEmpty()) {
            parts.add("access key " + r.accessKeyId());
        }
        return (parts.isEmpty() ? "is configured" : "has " + String.join(", ", parts)) + " (" + r.tool()
                + " configuration, line " + r.line() + ")";
    }
}
