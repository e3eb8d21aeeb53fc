package org.huisu.formats.shell;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path or key that names a date through {@code date}: {@code /data/capture/$(date -d yesterday +%Y%m%d)} is
 * the template {@code /data/capture/%Y%m%d} with a day offset of -1. The template is strftime text in which
 * {@code *} and {@code ?} are wildcards (glob characters as written, and parts whose value is unknown).
 * {@code format} is the format of the (first) {@code date} command, {@code resolution} the finest unit the
 * template names ({@link ChronoUnit#DAYS} for a daily pattern), {@code utc} whether {@code date -u} was used.
 */
public record DatePattern(String written, String template, String format, int dayOffset, boolean utc,
        ChronoUnit resolution) {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};

    /** True when the template names days: one path a day. */
    public boolean isDaily() {
        return resolution == ChronoUnit.DAYS;
    }

    /** True when a concrete path or key fits the template and names a possible time. */
    public boolean matches(String concrete) {
        return dateTimeOf(concrete).isPresent();
    }

    /**
     * The date a concrete path or key names ({@code /data/capture/20240314} gives 2024-03-14); for a monthly or
     * yearly template, the first day of the period. Empty when the path does not fit or names no year.
     */
    public Optional<LocalDate> dateOf(String concrete) {
        return dateTimeOf(concrete).map(LocalDateTime::toLocalDate);
    }

    /** The time a concrete path names, to the template's resolution (an epoch {@code %s} is read as UTC). */
    public Optional<LocalDateTime> dateTimeOf(String concrete) {
        Compiled c = compile(template);
        String text = concrete == null ? "" : concrete;
        try {
            Matcher m = c.regex.matcher(new Budgeted(text));
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.ofNullable(fields(c, m));
        } catch (Budgeted.Exhausted e) {
            // many wildcards against a long path backtrack without end; such a path is taken as not matching
            return Optional.empty();
        }
    }

    /** The text a match reads, refusing to be read more than a bounded number of times. */
    private static final class Budgeted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long[] left;

        Budgeted(String text) {
            this(text, new long[] {1_000_000L + 1000L * text.length()});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The day a run on {@code runDay} names in the path (yesterday's folder for an offset of -1). */
    public LocalDate namedDay(LocalDate runDay) {
        return runDay.plusDays(dayOffset);
    }

    /** The day the command ran to name {@code namedDay} (the day after, for an offset of -1). */
    public LocalDate runDay(LocalDate namedDay) {
        return namedDay.minusDays(dayOffset);
    }

    /** The path for the date it names; wildcards stay. */
    public String render(LocalDate named) {
        return render(named.atStartOfDay());
    }

    /** The path for the time it names; wildcards stay. */
    public String render(LocalDateTime t) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '%' || i + 1 >= template.length()) {
                b.append(ch);
                i++;
                continue;
            }
            char flag = 0;
            int k = i + 1;
            if ("-_0".indexOf(template.charAt(k)) >= 0 && k + 1 < template.length()) {
                flag = template.charAt(k);
                k++;
            }
            char conv = template.charAt(k);
            b.append(renderOne(conv, flag, t));
            i = k + 1;
        }
        return b.toString();
    }

    private static String renderOne(char conv, char flag, LocalDateTime t) {
        return switch (conv) {
            case 'Y' -> String.valueOf(t.getYear());
            case 'C' -> pad(t.getYear() / 100, 2, flag);
            case 'y' -> pad(t.getYear() % 100, 2, flag);
            case 'm' -> pad(t.getMonthValue(), 2, flag);
            case 'd' -> pad(t.getDayOfMonth(), 2, flag);
            case 'e' -> pad(t.getDayOfMonth(), 2, flag == 0 ? '_' : flag);
            case 'j' -> pad(t.getDayOfYear(), 3, flag);
            case 'H' -> pad(t.getHour(), 2, flag);
            case 'k' -> pad(t.getHour(), 2, flag == 0 ? '_' : flag);
            case 'I' -> pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2, flag);
            case 'M' -> pad(t.getMinute(), 2, flag);
            case 'S' -> pad(t.getSecond(), 2, flag);
            case 'F' -> t.getYear() + "-" + pad(t.getMonthValue(), 2, '0') + "-" + pad(t.getDayOfMonth(), 2, '0');
            case 'D' -> pad(t.getMonthValue(), 2, '0') + "/" + pad(t.getDayOfMonth(), 2, '0') + "/"
                    + pad(t.getYear() % 100, 2, '0');
            case 'T' -> pad(t.getHour(), 2, '0') + ":" + pad(t.getMinute(), 2, '0') + ":" + pad(t.getSecond(), 2, '0');
            case 'R' -> pad(t.getHour(), 2, '0') + ":" + pad(t.getMinute(), 2, '0');
            case 'b', 'h' -> MONTHS[t.getMonthValue() - 1].substring(0, 3);
            case 'B' -> MONTHS[t.getMonthValue() - 1];
            case 'a' -> WEEKDAYS[t.getDayOfWeek().getValue() - 1].substring(0, 3);
            case 'A' -> WEEKDAYS[t.getDayOfWeek().getValue() - 1];
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 's' -> String.valueOf(t.toEpochSecond(ZoneOffset.UTC));
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case '%' -> "%";
            case 'n' -> "\n";
            case 't' -> "\t";
            default -> "%" + conv;
        };
    }

    private static String pad(int v, int width, char flag) {
        String s = String.valueOf(v);
        if (flag == '-') {
            return s;
        }
        char p = flag == '_' ? ' ' : '0';
        StringBuilder b = new StringBuilder();
        for (int i = s.length(); i < width; i++) {
            b.append(p);
        }
        return b.append(s).toString();
    }

    /** The template as a regular expression, and which group holds which conversion. */
    record Compiled(Pattern regex, List<Character> groups, ChronoUnit resolution) {
    }

    /** Compiles a template; null when it holds a conversion this reader does not know. */
    static Compiled compileOrNull(String template) {
        StringBuilder re = new StringBuilder();
        List<Character> groups = new ArrayList<>();
        ChronoUnit finest = null;
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '*') {
                re.append(".*?");
                while (i < template.length() && template.charAt(i) == '*') {
                    i++;
                }
                continue;
            }
            if (ch == '?') {
                re.append('.');
                i++;
                continue;
            }
            if (ch != '%') {
                re.append(Pattern.quote(String.valueOf(ch)));
                i++;
                continue;
            }
            if (i + 1 >= template.length()) {
                return null;
            }
            char flag = 0;
            int k = i + 1;
            if ("-_0".indexOf(template.charAt(k)) >= 0 && k + 1 < template.length()) {
                flag = template.charAt(k);
                k++;
            }
            char conv = template.charAt(k);
            String expanded = switch (conv) {
                case 'F' -> "%Y-%m-%d";
                case 'D' -> "%m/%d/%y";
                case 'T' -> "%H:%M:%S";
                case 'R' -> "%H:%M";
                default -> null;
            };
            if (expanded != null) {
                Compiled inner = compileOrNull(expanded);
                re.append(inner.regex.pattern());
                groups.addAll(inner.groups);
                finest = finer(finest, inner.resolution);
                i = k + 1;
                continue;
            }
            String two = flag == '-' ? "(\\d{1,2})" : flag == '_' ? "( ?\\d{1,2})" : "(\\d{2})";
            String part;
            ChronoUnit unit;
            switch (conv) {
                case 'Y' -> { part = "(\\d{4})"; unit = ChronoUnit.YEARS; }
                case 'y' -> { part = two; unit = ChronoUnit.YEARS; }
                case 'C' -> { part = "(\\d{2})"; unit = ChronoUnit.YEARS; }
                case 'm' -> { part = two; unit = ChronoUnit.MONTHS; }
                case 'b', 'h' -> { part = "([A-Za-z]{3})"; unit = ChronoUnit.MONTHS; }
                case 'B' -> { part = "([A-Za-z]{3,9})"; unit = ChronoUnit.MONTHS; }
                case 'd' -> { part = two; unit = ChronoUnit.DAYS; }
                case 'e' -> { part = flag == '-' ? "(\\d{1,2})" : "( ?\\d{1,2})"; unit = ChronoUnit.DAYS; }
                case 'j' -> { part = flag == '-' ? "(\\d{1,3})" : "(\\d{3})"; unit = ChronoUnit.DAYS; }
                case 'a' -> { part = "([A-Za-z]{3})"; unit = ChronoUnit.DAYS; }
                case 'A' -> { part = "([A-Za-z]{6,9})"; unit = ChronoUnit.DAYS; }
                case 'u' -> { part = "([1-7])"; unit = ChronoUnit.DAYS; }
                case 'w' -> { part = "([0-6])"; unit = ChronoUnit.DAYS; }
                case 'H', 'k', 'I' -> { part = conv == 'k' && flag == 0 ? "( ?\\d{1,2})" : two; unit = ChronoUnit.HOURS; }
                case 'p' -> { part = "(AM|PM|am|pm)"; unit = ChronoUnit.HOURS; }
                case 'M' -> { part = two; unit = ChronoUnit.MINUTES; }
                case 'S' -> { part = two; unit = ChronoUnit.SECONDS; }
                case 's' -> { part = "(\\d{1,12})"; unit = ChronoUnit.SECONDS; }
                case '%' -> { part = "%"; unit = null; }
                case 'n' -> { part = "\n"; unit = null; }
                case 't' -> { part = "\t"; unit = null; }
                default -> { return null; }
            }
            re.append(part);
            if (part.startsWith("(")) {
                groups.add(conv);
            }
            finest = finer(finest, unit);
            i = k + 1;
        }
        return new Compiled(Pattern.compile(re.toString(), Pattern.DOTALL), groups, finest);
    }

    private static Compiled compile(String template) {
        Compiled c = compileOrNull(template);
        return c != null ? c : new Compiled(Pattern.compile("(?!)"), List.of(), ChronoUnit.DAYS);
    }

    private static ChronoUnit finer(ChronoUnit a, ChronoUnit b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.getDuration().compareTo(b.getDuration()) <= 0 ? a : b;
    }

    /** The time the matched groups name, or null when they name none or contradict each other. */
    private static LocalDateTime fields(Compiled c, Matcher m) {
        int[] f = {-1, -1, -1, -1, -1, -1, -1, -1};
        final int year = 0;
        final int month = 1;
        final int day = 2;
        final int doy = 3;
        final int hour = 4;
        final int minute = 5;
        final int second = 6;
        final int pm = 7;
        Long epoch = null;
        for (int g = 0; g < c.groups.size(); g++) {
            String v = m.group(g + 1).trim();
            char conv = c.groups.get(g);
            int slot;
            int value;
            try {
                switch (conv) {
                    case 'Y' -> { slot = year; value = Integer.parseInt(v); }
                    case 'y' -> {
                        slot = year;
                        int y = Integer.parseInt(v);
                        value = y < 69 ? 2000 + y : 1900 + y;
                    }
                    case 'm' -> { slot = month; value = Integer.parseInt(v); }
                    case 'b', 'h', 'B' -> { slot = month; value = monthNumber(v); }
                    case 'd', 'e' -> { slot = day; value = Integer.parseInt(v); }
                    case 'j' -> { slot = doy; value = Integer.parseInt(v); }
                    case 'H', 'k' -> { slot = hour; value = Integer.parseInt(v); }
                    case 'I' -> { slot = -1; value = 0; f[hour] = f[hour] < 0 ? Integer.parseInt(v) % 12 : f[hour]; }
                    case 'p' -> { slot = pm; value = v.equalsIgnoreCase("PM") ? 1 : 0; }
                    case 'M' -> { slot = minute; value = Integer.parseInt(v); }
                    case 'S' -> { slot = second; value = Integer.parseInt(v); }
                    case 's' -> { slot = -1; value = 0; epoch = Long.parseLong(v); }
                    case 'a', 'A' -> {
                        slot = -1;
                        value = 0;
                        if (weekdayNumber(v) < 0) {
                            return null;
                        }
                    }
                    default -> { slot = -1; value = 0; }
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (slot >= 0) {
                if (value < 0 || f[slot] >= 0 && f[slot] != value) {
                    return null;
                }
                f[slot] = value;
            }
        }
        try {
            if (epoch != null) {
                return LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
            }
            if (f[year] < 0) {
                return null;
            }
            LocalDate date;
            if (f[doy] >= 0) {
                date = LocalDate.ofYearDay(f[year], f[doy]);
            } else {
                date = LocalDate.of(f[year], f[month] < 0 ? 1 : f[month], f[day] < 0 ? 1 : f[day]);
            }
            int h = Math.max(0, f[hour]) + (f[pm] == 1 && f[hour] >= 0 && f[hour] < 12 ? 12 : 0);
            return date.atTime(h, Math.max(0, f[minute]), Math.max(0, f[second]));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            String full = MONTHS[i].toLowerCase(Locale.ROOT);
            if (n.equals(full) || n.equals(full.substring(0, 3))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int weekdayNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 7; i++) {
            String full = WEEKDAYS[i].toLowerCase(Locale.ROOT);
            if (n.equals(full) || n.equals(full.substring(0, 3))) {
                return i + 1;
            }
        }
        return -1;
    }
}
