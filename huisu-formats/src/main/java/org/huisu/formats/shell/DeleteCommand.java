package org.huisu.formats.shell;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A command that deletes files ({@code rm}, {@code find … -delete}, {@code shred -u}, {@code unlink}, the
 * source of {@code rclone move}) or remote objects ({@code aws s3 rm}, {@code ossutil rm}, {@code mc rm}):
 * the paths as written and expanded, whether it descends into directories, whether the paths are remote,
 * and for {@code find} the test that picks the files ({@code -mtime +1 -name *.jpg}).
 */
public record DeleteCommand(int line, Optional<Instant> time, String tool, List<String> paths,
        List<String> expandedPaths, boolean recursive, boolean remote, String condition, String workingDirectory,
        String raw) {

    public DeleteCommand {
        paths = List.copyOf(paths);
        expandedPaths = List.copyOf(expandedPaths);
    }
}
