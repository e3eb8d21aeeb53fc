package org.huisu.extract.clientconfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.SmallText;
import org.huisu.formats.Parsed;
import org.huisu.formats.clientconfig.ClientConfig;
import org.huisu.formats.clientconfig.Remote;
import org.huisu.formats.clientconfig.Remotes;
import org.huisu.formats.clientconfig.ResolvedDestination;
import org.huisu.formats.shell.Destination;
import org.huisu.formats.shell.UploadCommand;

/**
 * The upload clients' configurations of the machine an item sits on, read when a command first needs
 * them and kept for the rest of that one extraction: what turns {@code lakeview:faces/} into a cloud,
 * an endpoint and a bucket. A user's own home is asked first, as the client run by that user would.
 */
public final class MachineConfigs {

    static final int MAX_CHARS = 1 << 20;

    /** A destination resolved, with the configuration file that resolved it ({@code LABEL:/locator}). */
    public record Resolved(ResolvedDestination destination, String configFile) {
    }

    private record Found(ClientConfig config, String reference) {
    }

    private final Item item;
    private String root;
    private List<String> homes;
    private final Map<String, List<Found>> byHome = new HashMap<>();
    private final Map<String, List<Found>> byPath = new HashMap<>();

    public MachineConfigs(Item item) {
        this.item = item;
    }

    /** Where the machine's tree begins. */
    public String root() {
        if (root == null) {
            root = Homes.root(item);
        }
        return root;
    }

    /** The upload's destination through the configurations of {@code home} first (null: root's, then each user's). */
    public Optional<Resolved> resolve(UploadCommand upload, String home) {
        return resolve(upload.tool(), upload.destination(), upload.profile(), upload.endpoint(), home);
    }

    /**
     * A remote path of {@code tool} resolved; {@code profile} is what the command line gave as profile or
     * configuration file ({@code rclone --config}, {@code ossutil -c}, {@code coscmd -c}, {@code mc -C}).
     */
    public Optional<Resolved> resolve(String tool, Destination destination, String profile, String endpoint,
            String home) {
        List<Found> found = new ArrayList<>(explicit(tool, profile, home));
        for (String h : order(home)) {
            found.addAll(byHome.computeIfAbsent(h, this::load));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResolvedDestination> resolved = Remotes.of(found.stream().map(Found::config).toList())
                .resolve(tool, destination, profile.contains("/") ? "" : profile, endpoint);
        return resolved.map(r -> new Resolved(r, referenceOf(found, r.remote())));
    }

    private static String referenceOf(List<Found> found, Remote remote) {
        for (Found f : found) {
            if (f.config().remotes().contains(remote)) {
                return f.reference();
            }
        }
        return "";
    }

    private List<String> order(String home) {
        if (homes == null) {
            homes = Homes.all(item, root());
        }
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        if (home != null) {
            ordered.add(home);
        }
        ordered.addAll(homes);
        return List.copyOf(ordered);
    }

    /** A configuration the command line names, read before any home's. */
    private List<Found> explicit(String tool, String profile, String home) {
        if (!profile.contains("/")) {
            return List.of();
        }
        String path = profile;
        if (path.startsWith("~/")) {
            if (home == null) {
                return List.of();
            }
            path = home + path.substring(2);
        } else if (path.startsWith("/")) {
            path = root() + path.substring(1);
        } else {
            return List.of();
        }
        ClientConfigFile file;
        switch (tool) {
            case "rclone" -> file = ClientConfigFile.RCLONE;
            case "ossutil" -> file = ClientConfigFile.OSSUTIL;
            case "coscmd" -> file = ClientConfigFile.COSCMD;
            case "mc" -> {
                file = ClientConfigFile.MC;
                path = (path.endsWith("/") ? path : path + "/") + "config.json";
            }
            default -> {
                return List.of();
            }
        }
        String at = path;
        return byPath.computeIfAbsent(at, p -> read(file, p).map(List::of).orElse(List.of()));
    }

    private List<Found> load(String home) {
        List<Found> found = new ArrayList<>();
        for (ClientConfigFile file : ClientConfigFile.values()) {
            if (file == ClientConfigFile.AWS_CREDENTIALS) {
                // read with the config file, or alone when there is none
                if (item.at(home + ".aws/config").isEmpty()) {
                    read(file, home + ".aws/credentials").ifPresent(found::add);
                }
                continue;
            }
            for (String relative : file.inHome()) {
                read(file, home + relative).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<Found> read(ClientConfigFile file, String locator) {
        Optional<Item> at = item.at(locator);
        if (at.isEmpty() || !at.get().hasContent()) {
            return Optional.empty();
        }
        try {
            String text = SmallText.read(at.get(), MAX_CHARS).text();
            Optional<Item> companion = file.companion().flatMap(name -> item.at(Homes.folderOf(locator) + name))
                    .filter(Item::hasContent);
            String other = companion.map(MachineConfigs::textOf).orElse("");
            Parsed<ClientConfig> parsed = file.parse(text, other);
            if (parsed instanceof Parsed.Value<ClientConfig> v) {
                // the AWS CLI's keys are in its credentials file: both files are what resolved it
                String reference = at.get().reference() + companion.map(c -> " + " + c.reference()).orElse("");
                return Optional.of(new Found(v.value(), reference));
            }
        } catch (IOException e) {
            // the client-config extractor records what is wrong with the file on the file itself
        }
        return Optional.empty();
    }

    private static String textOf(Item file) {
        try {
            return SmallText.read(file, MAX_CHARS).text();
        } catch (IOException e) {
            return "";
        }
    }
}
