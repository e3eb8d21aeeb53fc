package org.huisu.cli.casefolder;

import org.huisu.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code huisu case}: commands on the case folder itself. */
@Command(name = "case", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {CaseInitCommand.class})
public final class CaseCommand extends CommandGroup {
}
