package org.huisu.formats.shell;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A command that sends local files to a remote place (a bucket, an rclone remote, an mc alias, a URL, an ssh
 * host): the tool and its operation ({@code cp}, {@code sync}, {@code PUT}…), the sources as written and
 * expanded, the destination, and the options that matter for tracing (recursive, endpoint, region, profile,
 * include and exclude filters, whether it deletes at the destination what the source no longer has). Absent
 * options are empty strings.
 */
public record UploadCommand(int line, Optional<Instant> time, String tool, String operation, List<String> sources,
        List<String> expandedSources, Destination destination, boolean recursive, String endpoint, String region,
        String profile, List<String> includes, List<String> excludes, boolean deletesAtDestination,
        String workingDirectory, String raw) {

    public UploadCommand {
        sources = List.copyOf(sources);
        expandedSources = List.copyOf(expandedSources);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }
}
