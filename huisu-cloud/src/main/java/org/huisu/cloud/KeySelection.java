package org.huisu.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.huisu.core.HuisuException;

/**
 * Which listed objects have their bytes downloaded: {@code --include} and {@code --exclude} globs on
 * the key ({@code *} within one path segment, {@code **} across segments, {@code ?}, {@code [a-z]},
 * {@code {jpg,png}}), and a {@code --max-bytes} budget spent in listing order. What is not
 * downloaded is still listed, with the reason.
 */
public final class KeySelection {

    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final long maxBytes;
    private long spent;

    public KeySelection(List<String> includes, List<String> excludes, long maxBytes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.include = compile(includes, "--include");
        this.exclude = compile(excludes, "--exclude");
        this.maxBytes = maxBytes;
    }

    public static KeySelection all() {
        return new KeySelection(List.of(), List.of(), Long.MAX_VALUE);
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Null when the object's bytes are to be fetched (and counted against the budget), else why
     * not: {@code include}, {@code exclude} or {@code max-bytes}.
     */
    synchronized String skipReason(String key, long size) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(key).matches())) {
            return "include";
        }
        if (exclude.stream().anyMatch(p -> p.matcher(key).matches())) {
            return "exclude";
        }
        if (size > maxBytes - spent) {
            return "max-bytes";
        }
        spent += size;
        return null;
    }

    private static List<Pattern> compile(List<String> globs, String option) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs) {
            try {
                out.add(Pattern.compile(regex(g)));
            } catch (IllegalArgumentException e) {
                throw HuisuException.usage(CloudMessages.text("selection.badGlob", option, g));
            }
        }
        return out;
    }

    /** The glob as a regular expression over the whole key. */
    static String regex(String glob) {
        StringBuilder r = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        // "**/" also matches no folder at all
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            r.append("(?:.*/)?");
                        } else {
                            r.append(".*");
                        }
                    } else {
                        r.append("[^/]*");
                    }
                }
                case '?' -> r.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [");
                    }
                    String set = glob.substring(i + 1, close);
                    r.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set))
                            .append(']');
                    i = close;
                }
                case '{' -> {
                    braces++;
                    r.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("unopened }");
                    }
                    braces--;
                    r.append(')');
                }
                case ',' -> r.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("unclosed {");
        }
        return r.toString();
    }

    private static String quoteSet(String set) {
        return set.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
    }
}
