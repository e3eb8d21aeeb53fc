package org.huisu.extract.shell;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.clientconfig.Homes;
import org.huisu.extract.clientconfig.MachineConfigs;
import org.huisu.extract.text.SmallText;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.ScriptCommand;
import org.huisu.formats.shell.ShellScriptParser;

/**
 * Shell scripts and shell histories: every command that uploads files (aws, ossutil, coscmd, mc, rclone,
 * curl, scp, rsync…) or deletes them (rm, find -delete, the source of a move) becomes a SCRIPT_COMMAND
 * artifact and an UPLOAD or DELETE activity, its destination resolved through the machine's upload
 * client configurations. A script's are planned and its actor is the script; a history's were run, at
 * the time the history kept, by the account whose home holds it.
 */
public final class ShellScriptExtractor implements Extractor {

    /** Longer scripts are not read: a shell script of this size is generated data, not a procedure. */
    static final int MAX_SCRIPT_CHARS = 4 << 20;
    /** Histories are read in pieces of about this many lines, so that a long one never sits in memory whole. */
    static final int HISTORY_CHUNK = 4000;

    private static final Map<String, String> SHELL_OF_HISTORY = Map.of(".bash_history", "bash", ".zsh_history", "zsh",
            ".zhistory", "zsh", ".ash_history", "ash", ".sh_history", "sh", ".ksh_history", "ksh", ".mksh_history",
            "mksh", ".history", "sh");
    private static final Set<String> EXTENSIONS = Set.of("sh", "bash", "zsh", "ksh", "ash", "dash");
    private static final Set<String> TYPES = Set.of("application/x-sh", "text/x-sh", "application/x-shellscript",
            "text/x-shellscript");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");
    private static final Pattern BASH_TIME = Pattern.compile("#\\d{9,11}\\s*");
    private static final Pattern LINE_PREFIX = Pattern.compile("line (\\d+): (.*)", Pattern.DOTALL);
    private static final Map<String, String> RUN_PARTS = Map.of("/etc/cron.hourly/", "every hour",
            "/etc/cron.daily/", "every day", "/etc/cron.weekly/", "every week", "/etc/cron.monthly/", "every month");

    @Override
    public String name() {
        return "shell-script";
    }

    @Override
    public String description() {
        return "uploads and deletions in shell scripts (planned) and shell histories (done, with their times),"
                + " destinations resolved through the upload clients' configurations";
    }

    @Override
    public boolean accepts(Item item) {
        if (!item.hasContent()) {
            return false;
        }
        String name = item.name();
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return isHistory(name) || EXTENSIONS.contains(extension) || item.mediaType() != null
                && TYPES.contains(item.mediaType());
    }

    private static boolean isHistory(String name) {
        return SHELL_OF_HISTORY.containsKey(name);
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        if (isHistory(item.name())) {
            history(item, out);
        } else {
            script(item, out);
        }
    }

    // ------------------------------------------------------------------ scripts

    private void script(Item item, Emitter out) throws IOException {
        String[] first = {""};
        try {
            TextLines.read(item, line -> {
                first[0] = line.text();
                return false;
            });
        } catch (EOFException | ZipException e) {
            // a damaged gzip: the full reading below says so and keeps what it can
        }
        Optional<String> shebang = interpreter(first[0]);
        if (shebang.isPresent() && !SHELLS.contains(shebang.get())) {
            // a Python or Perl script carries a shebang too: not ours to read
            return;
        }
        SmallText read = SmallText.read(item, MAX_SCRIPT_CHARS);
        if (read.tooLarge()) {
            out.problem("TOO_LARGE", "the script is larger than " + (MAX_SCRIPT_CHARS >> 20) + " MiB of text, so its"
                    + " commands were not read", item.reference());
            return;
        }
        if (read.truncated()) {
            out.problem("TRUNCATED", "the compressed script ends early; only the lines before the break were read",
                    item.reference());
        }
        String text = read.text();
        Optional<String> interpreter = interpreter(text);
        List<ScriptCommand> commands = new ArrayList<>();
        for (Parsed<ScriptCommand> p : ShellScriptParser.parseScript(text)) {
            if (p instanceof Parsed.Value<ScriptCommand> v) {
                commands.add(v.value());
            } else if (p instanceof Parsed.Error<ScriptCommand> e) {
                out.problem("UNREADABLE_SCRIPT", "part of the script cannot be read as shell; the commands before"
                        + " it were read", CommandSecrets.masked(e.message(), Map.of()));
            }
        }
        Emitter.ActorKey actor = new Emitter.ActorKey(ActorKind.SCRIPT, item.reference());
        String home = Homes.homeOf(item.locator()).orElse(null);
        Map<String, Object> context = new LinkedHashMap<>();
        runParts(item.locator()).ifPresent(schedule -> context.put("schedule", schedule));
        TransferActivities transfers = TransferActivities.commands(item, out, new MachineConfigs(item), home, actor,
                true, context);
        transfers.emit(commands, line -> line, Map.of());
        if (transfers.uploads() + transfers.deletes() > 0) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("path", item.locator());
            a.put("machines", List.of(item.source().label()));
            a.put("interpreter", interpreter.orElse("sh"));
            if (item.artifact().sha256() != null) {
                a.put("sha256", item.artifact().sha256());
            }
            a.putAll(context);
            out.actor(new Actor(null, ActorKind.SCRIPT, item.reference(), List.of(), a));
        }
        Map<String, Object> shell = new LinkedHashMap<>();
        shell.put("kind", "script");
        shell.put("interpreter", interpreter.orElse("sh"));
        shell.put("shebang", interpreter.isPresent());
        shell.put("commands", commands.size());
        shell.put("uploads", transfers.uploads());
        shell.put("deletes", transfers.deletes());
        if (read.gb18030Lines() > 0) {
            shell.put("gb18030Lines", read.gb18030Lines());
        }
        shell.putAll(context);
        out.describe(null, Map.of("shell", shell));
    }

    /** The shell a {@code #!} line names ({@code /usr/bin/env bash} is bash); empty without one. */
    static Optional<String> interpreter(String text) {
        if (!text.startsWith("#!")) {
            return Optional.empty();
        }
        int end = text.indexOf('\n');
        String[] words = text.substring(2, end < 0 ? text.length() : end).strip().split("\\s+");
        int i = 0;
        String program = base(words[0]);
        if (program.equals("env")) {
            i = 1;
            while (i < words.length && (words[i].startsWith("-") || words[i].contains("="))) {
                i++;
            }
            program = i < words.length ? base(words[i]) : "";
        }
        if (program.equals("busybox") && i + 1 < words.length) {
            program = base(words[i + 1]);
        }
        return Optional.of(program.toLowerCase(Locale.ROOT));
    }

    private static String base(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }

    /** For a script that run-parts starts from cron's folders, when it runs. */
    private static Optional<String> runParts(String locator) {
        for (Map.Entry<String, String> e : RUN_PARTS.entrySet()) {
            int at = locator.indexOf(e.getKey());
            if (at >= 0 && locator.indexOf('/', at + e.getKey().length()) < 0) {
                return Optional.of(e.getValue() + " (run-parts " + e.getKey().substring(0, e.getKey().length() - 1)
                        + ")");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ histories

    private void history(Item item, Emitter out) throws IOException {
        String user = Homes.userOf(item.locator()).orElseGet(() -> item.artifact().ownership() != null
                && item.artifact().ownership().owner() != null ? item.artifact().ownership().owner() : "unknown");
        String account = user + "@" + item.source().label();
        Emitter.ActorKey actor = new Emitter.ActorKey(ActorKind.ACCOUNT, account);
        String home = Homes.homeOf(item.locator()).orElse(null);
        TransferActivities transfers = TransferActivities.commands(item, out, new MachineConfigs(item), home, actor,
                false, Map.of());
        HistoryReader reader = new HistoryReader(out, transfers);
        try {
            TextLines.read(item, reader::line);
        } catch (EOFException | ZipException e) {
            out.problem("TRUNCATED", "the compressed history ends early; only the entries before the break were read",
                    item.reference());
        }
        reader.flush();
        if (transfers.uploads() + transfers.deletes() > 0) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("user", user);
            a.put("machines", List.of(item.source().label()));
            if (home != null) {
                a.put("home", home);
            }
            a.put("histories", List.of(item.reference()));
            out.actor(new Actor(null, ActorKind.ACCOUNT, account, List.of(), a));
        }
        Map<String, Object> shell = new LinkedHashMap<>();
        shell.put("kind", "history");
        shell.put("shell", SHELL_OF_HISTORY.getOrDefault(item.name(), "sh"));
        shell.put("account", account);
        shell.put("commands", reader.commands);
        shell.put("uploads", transfers.uploads());
        shell.put("deletes", transfers.deletes());
        if (reader.first != null) {
            shell.put("firstTime", reader.first.toString());
            shell.put("lastTime", reader.last.toString());
        }
        out.describe(null, Map.of("shell", shell));
    }

    /**
     * Gathers a history's lines into pieces, cut only where an entry starts (never between bash's
     * {@code #1700000000} line and its command, nor inside a continued line), and reads each piece.
     */
    private static final class HistoryReader {
        private final Emitter out;
        private final TransferActivities transfers;
        private final StringBuilder piece = new StringBuilder();
        private long pieceStart = 1;
        private int pieceLines;
        private boolean joinsNext;
        long commands;
        Instant first;
        Instant last;

        HistoryReader(Emitter out, TransferActivities transfers) {
            this.out = out;
            this.transfers = transfers;
        }

        boolean line(TextLines.Line line) throws IOException {
            if (line.cut()) {
                out.problem("LONG_LINE", "a history line longer than " + (TextLines.MAX_LINE >> 20) + " MiB was cut",
                        "line " + line.number());
            }
            if (pieceLines >= HISTORY_CHUNK && !joinsNext) {
                flush();
            }
            if (pieceLines == 0) {
                pieceStart = line.number();
            }
            piece.append(line.text()).append('\n');
            pieceLines++;
            joinsNext = BASH_TIME.matcher(line.text()).matches() || line.text().endsWith("\\");
            return true;
        }

        void flush() throws IOException {
            if (pieceLines == 0) {
                return;
            }
            int offset = (int) (pieceStart - 1);
            List<ScriptCommand> read = new ArrayList<>();
            for (Parsed<ScriptCommand> p : ShellScriptParser.parseHistory(piece.toString())) {
                if (p instanceof Parsed.Value<ScriptCommand> v) {
                    read.add(v.value());
                    v.value().time().ifPresent(this::seen);
                } else if (p instanceof Parsed.Error<ScriptCommand> e) {
                    out.problem("UNREADABLE_HISTORY_ENTRY", "history entries that cannot be read as shell commands;"
                            + " the entries after each were read", CommandSecrets.masked(shift(e.message(), offset),
                                    Map.of()));
                }
            }
            commands += read.size();
            transfers.emit(read, line -> line + offset, Map.of());
            piece.setLength(0);
            pieceLines = 0;
        }

        private void seen(Instant t) {
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }

        /** The reader numbers the lines of each piece from one; the item's numbering is what the examiner sees. */
        private static String shift(String message, int offset) {
            Matcher m = LINE_PREFIX.matcher(message);
            return m.matches() ? "line " + (Long.parseLong(m.group(1)) + offset) + ": " + m.group(2) : message;
        }
    }
}
