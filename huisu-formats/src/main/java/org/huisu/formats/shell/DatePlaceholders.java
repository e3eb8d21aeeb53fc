package org.huisu.formats.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;

/**
 * Finds the dates a word builds with {@code date} — {@code $(date +%Y%m%d)}, {@code `date +%F`},
 * {@code $(date -d yesterday +%Y/%m/%d)}, {@code $(date --date='1 day ago' +%Y-%m-%d)}, or a variable set to
 * one of them — and turns the word into a {@link DatePattern} that tells which concrete path a given day
 * produces and which day a concrete path belongs to.
 */
public final class DatePlaceholders {

    private static final int MAX_DEPTH = 5;
    private static final Pattern RELATIVE = Pattern.compile(
            "([+-]?\\s*\\d+)\\s*(days?|weeks?|fortnights?|hours?)(\\s+ago)?");
    private static final Pattern BSD_ADJUST = Pattern.compile("-v([+-]?)(\\d+)([dwH])");

    private DatePlaceholders() {
    }

    /** The date pattern of a word's text (as {@link Word#text()} gives it), with no variables known. */
    public static Optional<DatePattern> find(String wordText) {
        return find(wordText, Map.of());
    }

    /**
     * The date pattern of a word's text, resolving variables through the assignments seen before it
     * ({@code ${DAY}} where {@code DAY=$(date -d yesterday +%Y%m%d)}). Empty when no {@code date} is involved,
     * when its format has conversions this reader does not know, or when two dates disagree on the offset.
     */
    public static Optional<DatePattern> find(String wordText, Map<String, Assignment> variables) {
        if (wordText == null) {
            return Optional.empty();
        }
        Builder b = new Builder(variables);
        b.walk(ShellWords.parts(wordText), 0);
        if (b.dates.isEmpty()) {
            return Optional.empty();
        }
        int offset = b.dates.get(0).dayOffset;
        for (DateCommand d : b.dates) {
            if (d.dayOffset != offset) {
                return Optional.empty();
            }
        }
        String template = b.template.toString();
        DatePattern.Compiled compiled = DatePattern.compileOrNull(template);
        if (compiled == null || compiled.resolution() == null) {
            return Optional.empty();
        }
        boolean utc = b.dates.stream().anyMatch(d -> d.utc);
        return Optional.of(new DatePattern(wordText, template, b.dates.get(0).format, offset, utc,
                compiled.resolution()));
    }

    /** A {@code date} command read: its output format, the day it names relative to today, UTC or not. */
    record DateCommand(String format, int dayOffset, boolean utc) {
    }

    /** Reads the text of a command substitution as a {@code date} command; null when it is not one. */
    static DateCommand dateCommand(String command) {
        List<Parsed<SimpleCommand>> split = ShellWords.split(command);
        if (split.size() != 1 || !(split.get(0) instanceof Parsed.Value<SimpleCommand> v)) {
            return null;
        }
        SimpleCommand c = v.value();
        List<String> words = c.texts();
        if (words.isEmpty() || !(Programs.canonical(words.get(0)).equals("date")
                || Programs.canonical(words.get(0)).equals("gdate"))) {
            return null;
        }
        String format = null;
        int offset = 0;
        boolean utc = c.assignments().stream().anyMatch(a -> a.text().matches("TZ=(UTC|GMT|Etc/UTC|UTC0)"));
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String spec = null;
            if (w.startsWith("+")) {
                format = w.substring(1);
            } else if (w.equals("-d") || w.equals("--date")) {
                if (i + 1 >= words.size()) {
                    return null;
                }
                spec = words.get(++i);
            } else if (w.startsWith("--date=")) {
                spec = w.substring(7);
            } else if (w.startsWith("-d") && w.length() > 2 && !w.startsWith("--")) {
                spec = w.substring(2);
            } else if (w.equals("-u") || w.equals("--utc") || w.equals("--universal")) {
                utc = true;
            } else if (w.equals("-I") || w.equals("--iso-8601") || w.equals("-Idate") || w.equals("--iso-8601=date")) {
                format = "%Y-%m-%d";
            } else if (BSD_ADJUST.matcher(w).matches()) {
                Matcher m = BSD_ADJUST.matcher(w);
                m.matches();
                int n = Integer.parseInt(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                if (m.group(3).equals("H")) {
                    if (n % 24 != 0) {
                        return null;
                    }
                    n /= 24;
                } else if (m.group(3).equals("w")) {
                    n *= 7;
                }
                offset += n;
            } else if (w.equals("-j") || w.equals("-n")) {
                continue;
            } else {
                return null;
            }
            if (spec != null) {
                Integer days = relativeDays(spec);
                if (days == null) {
                    return null;
                }
                offset += days;
            }
        }
        return format == null || format.isEmpty() ? null : new DateCommand(format, offset, utc);
    }

    /** GNU date's relative words as whole days: yesterday, 2 days ago, -1 day, now - 1 week; null otherwise. */
    static Integer relativeDays(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("yesterday")) {
            return -1;
        }
        if (s.equals("today") || s.equals("now") || s.isEmpty()) {
            return 0;
        }
        if (s.equals("tomorrow")) {
            return 1;
        }
        s = s.replaceFirst("^(now|today)\\s*", "");
        int total = 0;
        int hours = 0;
        int at = 0;
        Matcher m = RELATIVE.matcher(s);
        while (at < s.length()) {
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
            if (at >= s.length()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            int n;
            try {
                n = Integer.parseInt(m.group(1).replace(" ", "").replace("+", ""));
            } catch (NumberFormatException e) {
                return null;
            }
            if (m.group(3) != null) {
                n = -n;
            }
            String unit = m.group(2);
            if (unit.startsWith("week")) {
                total += 7 * n;
            } else if (unit.startsWith("fortnight")) {
                total += 14 * n;
            } else if (unit.startsWith("hour")) {
                hours += n;
            } else {
                total += n;
            }
            at = m.end();
        }
        if (hours % 24 != 0) {
            return null;
        }
        return total + hours / 24;
    }

    /** Walks a word's parts, writing the template and collecting the dates. */
    private static final class Builder {
        private final Map<String, Assignment> variables;
        final StringBuilder template = new StringBuilder();
        final List<DateCommand> dates = new ArrayList<>();

        Builder(Map<String, Assignment> variables) {
            this.variables = variables;
        }

        void walk(List<WordPart> parts, int depth) {
            for (WordPart p : parts) {
                if (p instanceof WordPart.Literal l) {
                    template.append(l.text().replace("%", "%%"));
                } else if (p instanceof WordPart.Variable v) {
                    Assignment a = depth < MAX_DEPTH ? variables.get(v.name()) : null;
                    if (a == null || !v.raw().matches("\\$\\{?" + Pattern.quote(v.name()) + "(}|:?[-=].*})?")) {
                        template.append('*');
                    } else if (a.literal()) {
                        template.append(a.value().replace("%", "%%"));
                    } else {
                        walk(ShellWords.parts(a.written()), depth + 1);
                    }
                } else if (p instanceof WordPart.CommandSubstitution cs) {
                    DateCommand d = depth < MAX_DEPTH ? dateCommand(cs.command()) : null;
                    if (d == null) {
                        template.append('*');
                    } else {
                        template.append(d.format);
                        dates.add(d);
                    }
                } else {
                    template.append('*');
                }
            }
        }
    }
}
