package org.huisu.cli;

import org.huisu.cli.analyze.AnalyzeCommand;
import org.huisu.cli.audit.AuditCommand;
import org.huisu.cli.casefolder.CaseCommand;
import org.huisu.cli.actor.ActorCommand;
import org.huisu.cli.demo.DemoCommand;
import org.huisu.cli.findings.FindingsCommand;
import org.huisu.cli.source.SourceCommand;
import org.huisu.core.Tool;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code huisu}: the top of the command tree; alone, it prints its help. */
@Command(name = "huisu",
        resourceBundle = "org.huisu.cli.Messages",
        mixinStandardHelpOptions = true,
        versionProvider = HuisuCommand.Version.class,
        subcommands = {CaseCommand.class, SourceCommand.class, AnalyzeCommand.class, FindingsCommand.class,
                ActorCommand.class, org.huisu.cli.trace.ChainCommand.class, org.huisu.cli.trace.TraceCommand.class,
                org.huisu.cli.trace.StatsCommand.class, org.huisu.cli.trace.TimelineCommand.class, AuditCommand.class,
                DemoCommand.class})
public final class HuisuCommand extends CommandGroup {

    /** Prints the tool's name and version. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Tool.nameAndVersion() + " (Java " + Runtime.version() + ")"};
        }
    }
}
