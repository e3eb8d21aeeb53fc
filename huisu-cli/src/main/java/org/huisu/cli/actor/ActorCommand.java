package org.huisu.cli.actor;

import org.huisu.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code huisu actor}: who acted — hosts, accounts, organisations — and the addresses that are theirs. */
@Command(name = "actor", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {ActorAddCommand.class, ActorListCommand.class})
public final class ActorCommand extends CommandGroup {
}
