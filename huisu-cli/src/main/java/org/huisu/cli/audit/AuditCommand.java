package org.huisu.cli.audit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huisu audit}: the case's audit log. */
@Command(name = "audit", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
