package org.huisu.formats.shell;

import java.util.List;

/** The uploads and the deletions found among some commands, each list in the commands' order. */
public record Transfers(List<UploadCommand> uploads, List<DeleteCommand> deletes) {

    public Transfers {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
    }
}
