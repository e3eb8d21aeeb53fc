package org.huisu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.huisu.core.casefolder.Case;
import org.huisu.core.i18n.Messages;
import org.huisu.core.progress.Progress;
import org.huisu.core.progress.Terminals;
import org.huisu.cli.terminal.TerminalProgress;

/**
 * One run of the {@code huisu} command: its output streams, environment, language, and the case
 * it opened, so that the run can be written to that case's audit log when it ends.
 */
public final class Session {

    /** The command line's messages, also picocli's for usage help. */
    static final String BUNDLE = "org.huisu.cli.Messages";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Locale language;
    private Case openedCase;
    private String examiner;
    private String outcome;

    Session(PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
        Messages.useLanguage(locale(env));
        this.language = Messages.language();
    }

    /** The UI language: {@code HUISU_LANG}, else the locale variables, English by default. */
    static Locale locale(Map<String, String> env) {
        for (String name : new String[] {"HUISU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank() && !value.startsWith("C") && !value.equals("POSIX")) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.CHINESE : Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public String env(String name) {
        return env.get(name);
    }

    /** A message of the command line in the session's language, formatted with {@link String#format}. */
    public String text(String key, Object... args) {
        return Messages.format(BUNDLE, key, args);
    }

    public Locale locale() {
        return language;
    }

    /** Opens a case and remembers it, so that this run is audited there, by its examiner unless named. */
    public Case openCase(Path folder) {
        Case c = Case.open(folder);
        openedCase = c;
        examiner(null);
        return c;
    }

    /** Remembers a case this run made. */
    public void created(Case c) {
        openedCase = c;
    }

    public Case openedCase() {
        return openedCase;
    }

    /** The examiner named for this run: the option given, {@code HUISU_EXAMINER}, or the case's. */
    public String examiner(String fromOption) {
        if (fromOption != null && !fromOption.isBlank()) {
            examiner = fromOption;
        } else if (env.get("HUISU_EXAMINER") != null && !env.get("HUISU_EXAMINER").isBlank()) {
            examiner = env.get("HUISU_EXAMINER");
        } else if (openedCase != null) {
            examiner = openedCase.info().examiner();
        }
        return examiner;
    }

    public String examinerOrNull() {
        return examiner;
    }

    /** A one-line summary of what the run did, for the audit log. */
    public void outcome(String text) {
        this.outcome = text;
    }

    public String outcome() {
        return outcome;
    }

    /**
     * Progress for long work: drawn on standard error when it is a terminal, silent otherwise;
     * {@code HUISU_PROGRESS=always|never} overrides.
     */
    public Progress progress(String task) {
        String setting = env.getOrDefault("HUISU_PROGRESS", "auto");
        boolean show = setting.equals("always") || !setting.equals("never") && Terminals.stderrIsTerminal();
        return show ? TerminalProgress.start(err, task, text("progress.line")) : Progress.NONE;
    }
}
