package org.huisu.extract.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.audit.SecretRedactor;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.ScriptCommand;
import org.huisu.formats.shell.Secrets;
import org.huisu.formats.shell.ShellScriptParser;
import org.huisu.formats.shell.ShellWords;
import org.huisu.formats.shell.SimpleCommand;
import org.huisu.formats.shell.Word;

/**
 * Masks the secrets of a command line before it is kept: the ones the shell reader masks in each simple
 * command, also inside the text given to {@code sh -c '…'} (which the outer command still holds in
 * clear), and, where the text cannot be read as shell (an unclosed quote), the values of options and
 * variables whose names say secret. Nothing that names a secret reaches the case in clear.
 */
public final class CommandSecrets {

    private static final int MAX_DEPTH = 3;
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    /** Short options whose value is a secret, by program (the long ones name themselves). */
    private static final Map<String, Set<String>> SECRET_FLAGS = Map.of("ossutil", Set.of("-k", "-t"), "coscli",
            Set.of("-k"), "coscmd", Set.of("-s"), "sshpass", Set.of("-p"), "mc", Set.of(), "curl", Set.of());

    private final Set<String> secrets;

    private CommandSecrets(Set<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets written in {@code text}, a command line run with {@code environment} already set. */
    public static CommandSecrets of(String text, Map<String, String> environment) {
        Set<String> found = new LinkedHashSet<>();
        find(text == null ? "" : text, environment, 0, found);
        found.removeIf(s -> s.isEmpty() || s.matches(".{0,4}\\*{4}"));
        return new CommandSecrets(found);
    }

    /** {@code text} with every secret of the command masked, and passwords and signatures in URLs. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : longestFirst) {
            if (s.length() >= 4) {
                t = t.replace(s, Secrets.mask(s));
            } else {
                // a short secret is masked only where it stands as a word of its own, not inside other words
                t = t.replaceAll("(?<=^|[\\s='\":@])" + Pattern.quote(s) + "(?=$|[\\s'\"@;&|])",
                        Matcher.quoteReplacement(Secrets.mask(s)));
            }
        }
        return SecretRedactor.redactText(Secrets.maskUrlPassword(t));
    }

    /** Each string masked. */
    public List<String> mask(List<String> texts) {
        return texts.stream().map(this::mask).toList();
    }

    /** A command line masked on its own: {@code of(text, environment).mask(text)}. */
    public static String masked(String text, Map<String, String> environment) {
        return of(text, environment).mask(text);
    }

    private static void find(String text, Map<String, String> env, int depth, Set<String> found) {
        boolean unreadable = false;
        for (Parsed<SimpleCommand> p : ShellWords.split(text)) {
            if (p instanceof Parsed.Value<SimpleCommand> v) {
                command(v.value(), env, depth, found);
            } else {
                unreadable = true;
            }
        }
        if (unreadable) {
            // the reader gave up on part of the text: mask by names and options rather than let it through
            byTokens(text, found);
        }
    }

    private static void command(SimpleCommand b, Map<String, String> env, int depth, Set<String> found) {
        for (Word w : b.assignments()) {
            if (w.isAssignment() && namesASecret(w.assignedName())) {
                found.add(w.text().substring(w.text().indexOf('=') + 1));
            }
        }
        List<String> clear = b.texts();
        ScriptCommand masked = null;
        for (Parsed<ScriptCommand> p : ShellScriptParser.parseScript(b.raw(), env)) {
            if (p instanceof Parsed.Value<ScriptCommand> v) {
                masked = v.value();
                break;
            }
        }
        if (masked != null && masked.words().size() == clear.size()) {
            for (int i = 0; i < clear.size(); i++) {
                if (!clear.get(i).equals(masked.words().get(i))) {
                    found.add(secretPart(clear.get(i), masked.words().get(i)));
                }
            }
        }
        for (int i = 0; i < clear.size(); i++) {
            String w = clear.get(i);
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 2 && namesASecret(w.substring(2, eq))) {
                found.add(w.substring(eq + 1));
            } else if (eq > 0 && ASSIGNMENT.matcher(w).matches() && namesASecret(w.substring(0, eq))) {
                // env, sudo and the like take NAME=value words the shell does not see as assignments
                found.add(w.substring(eq + 1));
            } else if (w.startsWith("-") && i + 1 < clear.size() && eq < 0 && namesASecret(w.replaceFirst("^-+", ""))) {
                found.add(clear.get(i + 1));
            }
            if (depth < MAX_DEPTH && i > 0 && (w.indexOf(' ') >= 0 || w.indexOf(';') >= 0)) {
                find(w, env, depth + 1, found);
            }
        }
    }

    /**
     * The secret inside a word the reader masked: {@code --access-key-secret=Qw3rTy8u} against
     * {@code --access-key-secret=Qw3r****} is {@code Qw3rTy8u}. The mask keeps at most four leading
     * characters and never more than a quarter, which tells where the secret starts.
     */
    static String secretPart(String clear, String masked) {
        int stars = masked.indexOf("****");
        if (stars < 0) {
            return clear;
        }
        String after = masked.substring(stars + 4);
        if (!clear.endsWith(after)) {
            return clear;
        }
        int end = clear.length() - after.length();
        for (int keep = 4; keep >= 0; keep--) {
            int start = stars - keep;
            if (start < 0 || start > end || !clear.startsWith(masked.substring(0, stars))) {
                continue;
            }
            int length = end - start;
            if (keep == Math.min(4, length / 4)) {
                return clear.substring(start, end);
            }
        }
        return clear;
    }

    /** Masks by the shape of the words alone: secret options' values, secret variables, mc alias keys. */
    private static void byTokens(String text, Set<String> found) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group().replaceAll("^[\"']+|[\"';]+$", ""));
        }
        String program = "";
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String base = t.substring(t.lastIndexOf('/') + 1);
            if (SECRET_FLAGS.containsKey(base.replaceFirst("\\d+$", ""))) {
                program = base.replaceFirst("\\d+$", "");
            }
            boolean hasNext = i + 1 < tokens.size();
            int eq = t.indexOf('=');
            String name = eq > 0 ? t.substring(0, eq).replaceFirst("^-+", "") : "";
            if (eq > 0 && namesASecret(name)) {
                found.add(t.substring(eq + 1).replaceAll("^[\"']+", ""));
            } else if (t.startsWith("-") && hasNext && (SECRET_FLAGS.getOrDefault(program, Set.of()).contains(t)
                    || t.startsWith("--") && namesASecret(t.substring(2)))) {
                found.add(tokens.get(i + 1));
            } else if ((t.equals("-u") || t.equals("--user")) && hasNext && tokens.get(i + 1).indexOf(':') > 0) {
                found.add(tokens.get(i + 1).substring(tokens.get(i + 1).indexOf(':') + 1));
            } else if (t.equals("alias") && i + 5 < tokens.size()
                    && (tokens.get(i + 1).equals("set") || tokens.get(i + 1).equals("add"))) {
                found.add(tokens.get(i + 5));
            }
        }
    }

    private static boolean namesASecret(String name) {
        return Secrets.isSecretName(name) || SecretRedactor.namesASecret(name);
    }
}
