package org.huisu.cli.casefolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huisu case}: commands on the case folder itself. */
@Command(name = "case", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true,
        subcommands = {CaseInitCommand.class})
public final class CaseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
