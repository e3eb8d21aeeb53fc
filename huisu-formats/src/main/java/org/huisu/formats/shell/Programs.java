package org.huisu.formats.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which program a command runs once wrappers ({@code sudo -u x}, {@code nohup}, {@code timeout 1h}) are stepped over. */
final class Programs {

    private static final Set<String> BARE_WRAPPERS = Set.of("nohup", "exec", "command", "builtin", "time", "setsid",
            "chronic", "torsocks", "proxychains", "proxychains4", "caffeinate", "nocache");

    private Programs() {
    }

    /** Index of the word that names the program run, past wrappers; {@code words.size()} when there is none. */
    static int start(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String w = base(words.get(i));
            if (BARE_WRAPPERS.contains(w)) {
                i++;
            } else if (w.equals("sudo") || w.equals("doas") || w.equals("runuser")) {
                i = skipOptions(words, i + 1, Set.of("-u", "-g", "-p", "-C", "-h", "-D", "-T", "-r", "-t", "-U",
                        "-l", "--user", "--group"));
            } else if (w.equals("nice") || w.equals("ionice")) {
                i = skipOptions(words, i + 1, Set.of("-n", "-c", "-p", "-P", "-u", "--adjustment", "--class",
                        "--classdata"));
            } else if (w.equals("stdbuf") || w.equals("trickle")) {
                i = skipOptions(words, i + 1, Set.of("-i", "-o", "-e", "-u", "-d", "-w", "-t", "-l"));
            } else if (w.equals("timeout")) {
                i = skipOptions(words, i + 1, Set.of("-s", "-k", "--signal", "--kill-after")) + 1;
            } else if (w.equals("flock")) {
                i = skipOptions(words, i + 1, Set.of("-w", "-E", "--timeout", "--conflict-exit-code")) + 1;
            } else if (w.equals("env")) {
                i = skipOptions(words, i + 1, Set.of("-u", "-C", "-S", "--unset", "--chdir"));
                while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    i++;
                }
            } else {
                return i;
            }
        }
        return Math.min(i, words.size());
    }

    private static int skipOptions(List<String> words, int i, Set<String> withValue) {
        while (i < words.size() && words.get(i).startsWith("-") && words.get(i).length() > 1) {
            String w = words.get(i);
            i++;
            if (w.equals("--")) {
                break;
            }
            if (withValue.contains(w)) {
                i++;
            }
        }
        return i;
    }

    /** The word without its directory. */
    static String base(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }

    /**
     * The tool's usual name: {@code ossutil64} and {@code ossutilmac64} are {@code ossutil}, {@code mcli} (as
     * some distributions name the MinIO client) is {@code mc}, {@code coscli-linux} is {@code coscli}.
     */
    static String canonical(String word) {
        String b = base(word).toLowerCase(Locale.ROOT);
        if (b.endsWith(".exe")) {
            b = b.substring(0, b.length() - 4);
        }
        if (b.startsWith("ossutil")) {
            return "ossutil";
        }
        if (b.startsWith("coscli")) {
            return "coscli";
        }
        if (b.equals("mcli") || b.equals("minio-client")) {
            return "mc";
        }
        if (b.equals("aws2")) {
            return "aws";
        }
        return b;
    }
}
