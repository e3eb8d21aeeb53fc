package org.huisu.formats.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.huisu.formats.Parsed;

/**
 * The five time fields of a cron job (or its {@code @daily}-style shorthand) read into the values each field
 * allows: minutes 0-59, hours 0-23, days of the month 1-31, months 1-12, days of the week 0 (Sunday) to 6.
 * {@code anyDayOfMonth} and {@code anyDayOfWeek} say whether the field was written starting with {@code *}:
 * when neither was, a day matches if either field does (cron's rule); otherwise both must.
 */
public record CronSchedule(String expression, boolean atReboot, List<Integer> minutes, List<Integer> hours,
        List<Integer> daysOfMonth, List<Integer> months, List<Integer> daysOfWeek, boolean anyDayOfMonth,
        boolean anyDayOfWeek) {

    private static final Map<String, String> SHORTHANDS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String[] MONTH_NAMES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
        "oct", "nov", "dec"};
    private static final String[] DAY_NAMES = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    public CronSchedule {
        minutes = List.copyOf(minutes);
        hours = List.copyOf(hours);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        daysOfWeek = List.copyOf(daysOfWeek);
    }

    /** Reads {@code 30 2 * * 1-5}, {@code @daily} or {@code @reboot}; an error names the field that is wrong. */
    public static Parsed<CronSchedule> parse(String expression) {
        String e = expression == null ? "" : expression.trim();
        if (e.equals("@reboot")) {
            return Parsed.value(new CronSchedule(e, true, List.of(), List.of(), List.of(), List.of(), List.of(),
                    true, true));
        }
        if (e.startsWith("@")) {
            String fields = SHORTHANDS.get(e.toLowerCase(Locale.ROOT));
            if (fields == null) {
                return Parsed.error("'" + e + "' is not one of cron's shorthands (@reboot, @yearly, @annually,"
                        + " @monthly, @weekly, @daily, @midnight, @hourly)");
            }
            Parsed<CronSchedule> p = parse(fields);
            return p instanceof Parsed.Value<CronSchedule> v ? Parsed.value(v.value().withExpression(e)) : p;
        }
        String[] f = e.split("\\s+");
        if (f.length != 5) {
            return Parsed.error("a cron schedule has five time fields; '" + e + "' has " + (e.isEmpty() ? 0 : f.length));
        }
        try {
            List<Integer> dow = field(f[4], "day-of-week", 0, 7, DAY_NAMES, 0);
            TreeSet<Integer> sunday = new TreeSet<>();
            for (int d : dow) {
                sunday.add(d % 7);
            }
            return Parsed.value(new CronSchedule(e, false, field(f[0], "minute", 0, 59, null, 0),
                    field(f[1], "hour", 0, 23, null, 0), field(f[2], "day-of-month", 1, 31, null, 0),
                    field(f[3], "month", 1, 12, MONTH_NAMES, 1), new ArrayList<>(sunday), f[2].startsWith("*"),
                    f[4].startsWith("*")));
        } catch (IllegalArgumentException bad) {
            return Parsed.error(bad.getMessage());
        }
    }

    private CronSchedule withExpression(String e) {
        return new CronSchedule(e, atReboot, minutes, hours, daysOfMonth, months, daysOfWeek, anyDayOfMonth,
                anyDayOfWeek);
    }

    /** One field: lists of {@code *}, {@code n}, {@code a-b}, each with an optional {@code /step}; names allowed. */
    private static List<Integer> field(String text, String what, int min, int max, String[] names, int firstName) {
        TreeSet<Integer> values = new TreeSet<>();
        for (String item : text.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), what, text, null, 0);
                if (step < 1) {
                    throw new IllegalArgumentException("the " + what + " field '" + text + "' has a step of 0");
                }
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max == 7 ? 6 : max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    lo = number(range.substring(0, dash), what, text, names, firstName);
                    hi = number(range.substring(dash + 1), what, text, names, firstName);
                } else {
                    lo = number(range, what, text, names, firstName);
                    // n/step runs from n to the end of the range, as cronie reads it
                    hi = slash >= 0 ? (max == 7 ? 6 : max) : lo;
                }
            }
            if (lo < min || hi > max || lo > max || hi < min) {
                throw new IllegalArgumentException("the " + what + " field '" + text + "' is outside " + min + "-"
                        + max);
            }
            if (lo > hi) {
                throw new IllegalArgumentException("the " + what + " field '" + text + "' has a range that runs"
                        + " backwards");
            }
            for (int v = lo; v <= hi; v += step) {
                values.add(v);
            }
        }
        return new ArrayList<>(values);
    }

    private static int number(String s, String what, String text, String[] names, int firstName) {
        if (names != null && s.length() == 3) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(s)) {
                    return i + firstName;
                }
            }
        }
        if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(Character::isDigit) || !s.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("the " + what + " field '" + text + "' has '" + s
                    + "', which is neither a number" + (names != null ? " nor a name" : ""));
        }
        return Integer.parseInt(s);
    }

    /** True when the job runs at this minute (seconds ignored); never for {@code @reboot}. */
    public boolean matches(LocalDateTime t) {
        return !atReboot && minutes.contains(t.getMinute()) && hours.contains(t.getHour()) && dayMatches(t.toLocalDate());
    }

    private boolean dayMatches(LocalDate d) {
        if (!months.contains(d.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.contains(d.getDayOfMonth());
        boolean dow = daysOfWeek.contains(d.getDayOfWeek().getValue() % 7);
        if (!anyDayOfMonth && !anyDayOfWeek) {
            return dom || dow;
        }
        return dom && dow;
    }

    /** The run times in {@code [from, to)}, in order; none for {@code @reboot}. */
    public List<LocalDateTime> runsBetween(LocalDateTime from, LocalDateTime to) {
        if (atReboot) {
            return List.of();
        }
        return Occurrences.between(from, to, this::dayMatches, hours, minutes, List.of(0));
    }

    /** The run instants in {@code [from, to)} of a job whose times are read in {@code zone}. */
    public List<Instant> runsBetween(Instant from, Instant to, ZoneId zone) {
        return Occurrences.between(from, to, zone, this::runsBetween);
    }

    /** The first run strictly after {@code t}; empty for {@code @reboot} or a day that never comes (30 February). */
    public Optional<LocalDateTime> nextRunAfter(LocalDateTime t) {
        if (atReboot) {
            return Optional.empty();
        }
        return Occurrences.after(t.withSecond(0).withNano(0), this::dayMatches, hours, minutes, List.of(0));
    }

    /**
     * The next {@code count} run instants strictly after {@code after}, the schedule read in {@code zone}; fewer
     * when the schedule stops matching (none for {@code @reboot}).
     */
    public List<Instant> nextRuns(Instant after, ZoneId zone, int count) {
        List<Instant> out = new ArrayList<>();
        LocalDateTime t = LocalDateTime.ofInstant(after, zone).minusDays(1);
        while (out.size() < count) {
            Optional<LocalDateTime> next = nextRunAfter(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
            Instant i = java.time.ZonedDateTime.ofLocal(t, zone, null).toInstant();
            if (i.isAfter(after) && (out.isEmpty() || i.isAfter(out.get(out.size() - 1)))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The schedule in plain English: "every day at 02:30", "at 06:47 on Sunday", "at every boot". */
    public String describe() {
        if (atReboot) {
            return "at every boot";
        }
        String times = Phrases.times(hours, minutes, List.of(0));
        boolean everyDay = daysOfMonth.size() == 31 && daysOfWeek.size() == 7
                || anyDayOfMonth && daysOfWeek.size() == 7 || anyDayOfWeek && daysOfMonth.size() == 31;
        String days;
        if (everyDay) {
            days = "";
        } else if (anyDayOfMonth || daysOfMonth.size() == 31) {
            days = "on " + Phrases.weekdays(daysOfWeek);
        } else if (anyDayOfWeek || daysOfWeek.size() == 7) {
            days = "on " + (daysOfMonth.size() == 1 ? "day " : "days ") + Phrases.numbers(daysOfMonth)
                    + " of the month";
        } else {
            days = "on " + (daysOfMonth.size() == 1 ? "day " : "days ") + Phrases.numbers(daysOfMonth)
                    + " of the month and on every " + Phrases.weekdays(daysOfWeek);
        }
        String inMonths = months.size() == 12 ? "" : " in " + Phrases.months(months);
        if (days.isEmpty()) {
            boolean repeating = times.startsWith("every") || times.contains("every hour");
            return (repeating ? times : "every day " + times) + inMonths;
        }
        return times + " " + days + inMonths;
    }

    /** Day-of-week as java.time sees it, for callers that prefer {@link DayOfWeek}. */
    public List<DayOfWeek> weekdays() {
        return daysOfWeek.stream().map(d -> DayOfWeek.of(d == 0 ? 7 : d)).toList();
    }
}
