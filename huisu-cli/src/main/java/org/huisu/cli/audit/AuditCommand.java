package org.huisu.cli.audit;

import org.huisu.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code huisu audit}: the case's audit log. */
@Command(name = "audit", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand extends CommandGroup {
}
