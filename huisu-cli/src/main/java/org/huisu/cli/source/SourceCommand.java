package org.huisu.cli.source;

import org.huisu.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code huisu source}: evidence sources of a case. */
@Command(name = "source", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {SourceAddCommand.class, SourceListCommand.class, SourceShowCommand.class})
public final class SourceCommand extends CommandGroup {
}
