package org.huisu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.Tool;
import org.huisu.core.audit.AuditEntry;
import org.huisu.core.casefolder.Case;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The {@code huisu} command: parses, runs, reports errors as one sentence, audits the run. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line and returns its exit status; used by tests as it is by {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Session session = new Session(out, err, env);
        Locale.setDefault(session.locale());
        CommandLine cli = new CommandLine(new HuisuCommand(), factory(session));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println(session.text("error.seeHelp", commandName(e.getCommandLine())));
            return ExitStatus.USAGE.code();
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> failure(session, e));
        int status = cli.execute(args);
        audit(session, cli, args, status, err);
        return status;
    }

    private static int failure(Session session, Exception e) {
        if (e instanceof HuisuException h) {
            session.err().println(h.getMessage());
            session.outcome(h.getMessage());
            return h.status().code();
        }
        // a defect, not bad input: say so plainly and keep the trace for the report
        session.err().println(session.text("error.internal", String.valueOf(e)));
        e.printStackTrace(session.err());
        session.outcome("internal error: " + e);
        return ExitStatus.UNREADABLE_INPUT.code();
    }

    private static void audit(Session session, CommandLine cli, String[] args, int status, PrintWriter err) {
        Case c = session.openedCase();
        if (c == null) {
            return;
        }
        try (c) {
            ParseResult parsed = cli.getParseResult();
            String command = parsed == null ? "huisu" : commandPath(parsed);
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            c.audit().append(new AuditEntry(Tool.osUser(), session.examinerOrNull(), command, arguments, status,
                    session.outcome()));
        } catch (IOException | RuntimeException e) {
            err.println(session.text("error.audit", c.folder().auditLog(), e.getMessage()));
        }
    }

    private static String commandPath(ParseResult parsed) {
        List<String> names = new ArrayList<>();
        for (ParseResult p = parsed.subcommand(); p != null; p = p.subcommand()) {
            names.add(p.commandSpec().name());
        }
        return names.isEmpty() ? "huisu" : String.join(" ", names);
    }

    private static String commandName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }

    /** Gives commands that want it the session, through a constructor taking one. */
    private static CommandLine.IFactory factory(Session session) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    Constructor<K> withSession = type.getDeclaredConstructor(Session.class);
                    return withSession.newInstance(session);
                } catch (NoSuchMethodException e) {
                    return fallback.create(type);
                }
            }
        };
    }
}
