package org.huisu.formats.clientconfig;

import java.util.List;
import java.util.Optional;

/** What one upload client's configuration file holds: its remotes, and warnings about lines it could not read. */
public record ClientConfig(String tool, List<Remote> remotes, List<String> warnings) {

    public ClientConfig {
        remotes = List.copyOf(remotes);
        warnings = List.copyOf(warnings);
    }

    /** The remote of this name. */
    public Optional<Remote> remote(String name) {
        return remotes.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
