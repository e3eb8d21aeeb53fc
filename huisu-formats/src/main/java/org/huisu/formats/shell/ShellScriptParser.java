package org.huisu.formats.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;

/**
 * Reads a shell script (or a crontab command, or a shell history) into its simple commands, following the
 * variables it sets ({@code BUCKET=lakeview-faces}, {@code export}, {@code for f in …}, {@code cd}) so that
 * later words can be read with the literal values substituted. Commands given to {@code sh -c '…'} are read
 * too, on the line of the command that runs them.
 */
public final class ShellScriptParser {

    private static final int MAX_NESTING = 3;
    private static final Pattern BASH_HISTORY_TIME = Pattern.compile("#(\\d{9,11})\\s*");
    private static final Pattern ZSH_HISTORY_ENTRY = Pattern.compile(": *(\\d{9,11}):\\d+;(.*)", Pattern.DOTALL);
    private static final Pattern PLAIN_PARAMETER = Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?}|([A-Za-z_][A-Za-z0-9_]*))", Pattern.DOTALL);
    private static final Set<String> DECLARING = Set.of("export", "declare", "typeset", "local", "readonly");
    private static final Set<String> READ_OPTIONS_WITH_VALUE = Set.of("-a", "-d", "-i", "-n", "-N", "-p", "-t", "-u");

    private ShellScriptParser() {
    }

    /** The commands of a script, in order; an error last when the script cannot be read to its end. */
    public static List<Parsed<ScriptCommand>> parseScript(String text) {
        return parseScript(text, Map.of());
    }

    /**
     * The commands of a script that runs with these variables already set (a crontab's {@code PATH=},
     * {@code MAILTO=}, the environment a job is started with).
     */
    public static List<Parsed<ScriptCommand>> parseScript(String text, Map<String, String> environment) {
        Reader r = new Reader();
        environment.forEach((k, v) -> r.set(new Assignment(k, 0, masked(k, v), masked(k, v), true)));
        r.read(text, 0, Optional.empty(), 0);
        return r.out;
    }

    /**
     * The commands of a shell history, one entry a line: bash's {@code #1700000000} time lines (kept when
     * {@code HISTTIMEFORMAT} is set) and zsh's {@code : 1700000000:0;command} give each entry its time. An
     * entry that cannot be read is an error of its own and the next entry is read.
     */
    public static List<Parsed<ScriptCommand>> parseHistory(String text) {
        Reader r = new Reader();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        Optional<Instant> time = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher bash = BASH_HISTORY_TIME.matcher(line);
            if (bash.matches()) {
                time = Optional.of(Instant.ofEpochSecond(Long.parseLong(bash.group(1))));
                continue;
            }
            Matcher zsh = ZSH_HISTORY_ENTRY.matcher(line);
            String entry = line;
            if (zsh.matches()) {
                time = Optional.of(Instant.ofEpochSecond(Long.parseLong(zsh.group(1))));
                entry = zsh.group(2);
            }
            if (!entry.isBlank()) {
                r.read(entry, i, time, 0);
            }
            time = Optional.empty();
        }
        return r.out;
    }

    private static String masked(String name, String value) {
        return Secrets.isSecretName(name) ? Secrets.mask(value) : value;
    }

    /** Follows one script's variables from command to command. */
    private static final class Reader {
        final List<Parsed<ScriptCommand>> out = new ArrayList<>();
        private final Map<String, Assignment> vars = new HashMap<>();
        private Map<String, Assignment> snapshot = Map.of();

        void set(Assignment a) {
            vars.put(a.name(), a);
            snapshot = null;
        }

        void unset(String name) {
            if (vars.remove(name) != null) {
                snapshot = null;
            }
        }

        Map<String, Assignment> snapshot() {
            if (snapshot == null) {
                snapshot = Map.copyOf(vars);
            }
            return snapshot;
        }

        void read(String text, int lineOffset, Optional<Instant> time, int depth) {
            ShellWords.Split split = ShellWords.read(text);
            for (SimpleCommand c : split.commands()) {
                command(c, lineOffset, time, depth);
            }
            if (split.failure() != null) {
                out.add(Parsed.error("line " + (split.failureLine() + lineOffset) + ": " + split.failure()));
            }
        }

        private void command(SimpleCommand c, int lineOffset, Optional<Instant> time, int depth) {
            int line = depth == 0 ? c.line() + lineOffset : lineOffset;
            List<Assignment> own = new ArrayList<>();
            for (Word w : c.assignments()) {
                own.add(assignment(w, line));
            }
            List<String> words = new ArrayList<>();
            List<String> expanded = new ArrayList<>();
            for (Word w : c.words()) {
                words.add(w.text());
                expanded.add(expand(w.parts()).text);
            }
            int start = Programs.start(words);
            String program = start < words.size() ? Programs.canonical(words.get(start)) : "";
            if (program.equals("for") || program.equals("select")) {
                loopVariable(c.words(), start, line);
                return;
            }
            Set<String> secrets = secrets(program, expanded.subList(Math.min(start, words.size()), words.size()));
            List<Word> assigning = new ArrayList<>(c.assignments());
            if (DECLARING.contains(program)) {
                assigning.addAll(c.words().subList(start, c.words().size()));
            }
            for (Word w : assigning) {
                if (w.isAssignment() && Secrets.isSecretName(w.assignedName())) {
                    secrets.add(writtenValue(w));
                    secrets.add(expand(w.assignedValue()).text);
                }
            }
            secrets.removeIf(x -> x.startsWith("$"));
            Map<String, Assignment> before = snapshot();
            out.add(Parsed.value(new ScriptCommand(line, time, maskAll(c.raw(), secrets), maskAll(words, secrets),
                    maskAll(expanded, secrets), own, before, maskRedirections(c.redirections(), secrets),
                    c.connector())));
            if (words.isEmpty()) {
                own.forEach(this::set);
                return;
            }
            effects(program, c.words().subList(start, c.words().size()), line, time, depth);
        }

        /** What a command changes in the variables: export/declare, read, unset, cd; sh -c runs a script. */
        private void effects(String program, List<Word> args, int line, Optional<Instant> time, int depth) {
            if (DECLARING.contains(program)) {
                for (Word w : args.subList(1, args.size())) {
                    if (w.isAssignment()) {
                        set(assignment(w, line));
                    }
                }
            } else if (program.equals("read")) {
                for (int i = 1; i < args.size(); i++) {
                    String t = args.get(i).text();
                    if (READ_OPTIONS_WITH_VALUE.contains(t)) {
                        i++;
                    } else if (!t.startsWith("-")) {
                        unset(t);
                    }
                }
            } else if (program.equals("unset")) {
                args.subList(1, args.size()).forEach(w -> unset(w.text()));
            } else if (program.equals("cd") && args.size() >= 2) {
                changeDirectory(args.get(args.size() - 1), line);
            } else if (isShell(program) && depth < MAX_NESTING) {
                for (int i = 1; i + 1 < args.size(); i++) {
                    String t = args.get(i).text();
                    if (t.matches("-[a-z]*c[a-z]*")) {
                        read(args.get(i + 1).text(), line, time, depth + 1);
                        break;
                    }
                }
            }
        }

        private static boolean isShell(String program) {
            return program.equals("sh") || program.equals("bash") || program.equals("dash") || program.equals("zsh")
                    || program.equals("ksh") || program.equals("busybox");
        }

        private void changeDirectory(Word target, int line) {
            Expansion e = expand(target.parts());
            Assignment pwd = vars.get("PWD");
            if (!e.literal) {
                unset("PWD");
            } else if (e.text.startsWith("/")) {
                set(new Assignment("PWD", line, target.text(), e.text, true));
            } else if (pwd != null && pwd.literal() && !e.text.startsWith("~") && !e.text.equals("-")) {
                String joined = pwd.value().endsWith("/") ? pwd.value() + e.text : pwd.value() + "/" + e.text;
                set(new Assignment("PWD", line, target.text(), joined, true));
            } else {
                unset("PWD");
            }
        }

        private void loopVariable(List<Word> words, int start, int line) {
            if (words.size() < start + 2) {
                return;
            }
            String name = words.get(start + 1).text();
            if (words.size() < start + 3 || !words.get(start + 2).text().equals("in")) {
                unset(name);
                return;
            }
            List<Word> items = words.subList(start + 3, words.size());
            StringBuilder written = new StringBuilder();
            StringBuilder value = new StringBuilder();
            boolean literal = items.size() == 1;
            for (Word w : items) {
                Expansion e = expand(w.parts());
                written.append(written.length() == 0 ? "" : " ").append(w.text());
                value.append(value.length() == 0 ? "" : " ").append(e.text);
                literal &= e.literal;
            }
            set(new Assignment(name, line, written.toString(), value.toString(), literal));
        }

        private Assignment assignment(Word w, int line) {
            String name = w.assignedName();
            String written = writtenValue(w);
            Expansion e = expand(w.assignedValue());
            String value = e.text;
            boolean literal = e.literal;
            if (w.text().startsWith(name + "+=")) {
                Assignment old = vars.get(name);
                literal &= old != null && old.literal();
                value = (old == null ? "" : old.value()) + value;
            }
            if (Secrets.isSecretName(name)) {
                return new Assignment(name, line, Secrets.mask(written), Secrets.mask(value), literal);
            }
            return new Assignment(name, line, written, value, literal);
        }

        private static String writtenValue(Word w) {
            StringBuilder b = new StringBuilder();
            w.assignedValue().forEach(p -> b.append(p.text()));
            return b.toString();
        }

        private record Expansion(String text, boolean literal) {
        }

        /** The parts' text with known literal variables substituted; literal when nothing is left to run. */
        private Expansion expand(List<WordPart> parts) {
            StringBuilder b = new StringBuilder();
            boolean literal = true;
            for (WordPart p : parts) {
                if (p instanceof WordPart.Literal l) {
                    b.append(l.text());
                } else if (p instanceof WordPart.Variable v) {
                    String value = substitute(v.raw());
                    literal &= value != null;
                    b.append(value != null ? value : v.raw());
                } else {
                    literal = false;
                    b.append(p.text());
                }
            }
            return new Expansion(b.toString(), literal);
        }

        /** The literal value of {@code $X}, {@code ${X}} or {@code ${X:-default}}; null when not known. */
        private String substitute(String raw) {
            Matcher m = PLAIN_PARAMETER.matcher(raw);
            if (!m.matches()) {
                return null;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            Assignment a = vars.get(name);
            if (a != null && a.literal() && (m.group(2) == null || !a.value().isEmpty() || !m.group(2).startsWith(":"))) {
                return a.value();
            }
            String fallback = m.group(3);
            if (a == null && fallback != null && fallback.indexOf('$') < 0 && fallback.indexOf('`') < 0) {
                return fallback;
            }
            return null;
        }

        /** The secrets written on this command line. */
        private static Set<String> secrets(String program, List<String> args) {
            Set<String> found = new LinkedHashSet<>();
            for (int i = 1; i < args.size(); i++) {
                String w = args.get(i);
                int eq = w.indexOf('=');
                if (w.startsWith("--") && eq > 0) {
                    if (Secrets.isSecretOption(program, w.substring(0, eq))) {
                        found.add(w.substring(eq + 1));
                    } else if (program.equals("curl") && w.startsWith("--user=")) {
                        afterColon(w.substring(eq + 1), found);
                    }
                } else if (w.startsWith("-") && i + 1 < args.size()) {
                    if (Secrets.isSecretOption(program, w)) {
                        found.add(args.get(i + 1));
                    } else if (program.equals("curl") && (w.equals("-u") || w.equals("--user")
                            || w.equals("--proxy-user") || w.equals("-U"))) {
                        afterColon(args.get(i + 1), found);
                    } else if (program.equals("curl") && (w.equals("-H") || w.equals("--header"))) {
                        Matcher m = Pattern.compile("(?i)(?:authorization|x-amz-security-token|x-oss-security-token)"
                                + "\\s*:\\s*(.+)").matcher(args.get(i + 1));
                        if (m.matches()) {
                            found.add(m.group(1));
                        }
                    }
                } else if (w.startsWith("-") && w.length() > 2 && program.equals("mysql") && w.startsWith("-p")) {
                    found.add(w.substring(2));
                }
            }
            if (program.equals("mc")) {
                List<String> positional = args.stream().filter(a -> !a.startsWith("-")).toList();
                int at = positional.size() >= 3 && positional.get(1).equals("alias")
                        && (positional.get(2).equals("set") || positional.get(2).equals("add")) ? 3
                        : positional.size() >= 4 && positional.get(1).equals("config")
                                && positional.get(2).equals("host") && positional.get(3).equals("add") ? 4 : -1;
                if (at > 0 && positional.size() > at + 3) {
                    found.add(positional.get(at + 3));
                }
            }
            if (program.equals("coscmd") && args.contains("config")) {
                for (int i = 1; i + 1 < args.size(); i++) {
                    if (args.get(i).equals("-s") || args.get(i).equals("--secret_key")) {
                        found.add(args.get(i + 1));
                    }
                }
            }
            if (program.equals("aws") && args.contains("configure")) {
                for (int i = 1; i + 1 < args.size(); i++) {
                    if (Secrets.isSecretName(args.get(i)) && args.get(i - 1).equals("set")) {
                        found.add(args.get(i + 1));
                    }
                }
            }
            found.removeIf(String::isEmpty);
            return found;
        }

        private static void afterColon(String userAndPassword, Set<String> found) {
            int colon = userAndPassword.indexOf(':');
            if (colon >= 0) {
                found.add(userAndPassword.substring(colon + 1));
            }
        }

        private static String maskAll(String text, Set<String> secrets) {
            String t = text;
            for (String s : secrets) {
                if (s.length() >= 4) {
                    t = t.replace(s, Secrets.mask(s));
                }
            }
            return Secrets.maskUrlPassword(t);
        }

        private static List<String> maskAll(List<String> words, Set<String> secrets) {
            List<String> masked = new ArrayList<>(words.size());
            for (String w : words) {
                masked.add(secrets.contains(w) ? Secrets.mask(w) : maskAll(w, secrets));
            }
            return masked;
        }

        private static List<Redirection> maskRedirections(List<Redirection> redirections, Set<String> secrets) {
            if (secrets.isEmpty()) {
                return redirections;
            }
            List<Redirection> masked = new ArrayList<>();
            for (Redirection r : redirections) {
                masked.add(new Redirection(r.operator(), maskAll(r.target(), secrets),
                        maskAll(r.hereDocument(), secrets)));
            }
            return masked;
        }
    }
}
