package org.huisu.formats.schedule;

import java.time.DateTimeException;
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

/**
 * One {@code OnCalendar=} expression of a systemd timer ({@code daily}, {@code *-*-* 02:30:00},
 * {@code Mon..Fri 09:00}, {@code *-*-01 03:00 Asia/Shanghai}) read into the values each part allows:
 * weekdays 0 (Sunday) to 6 (empty: any), years (empty: any), months, days, hours, minutes, seconds.
 * Forms this reader does not compute ({@code ~} for the last days of a month, {@code @epoch}) keep their
 * text with {@code computable} false and no lists.
 */
public record CalendarEvent(String expression, boolean computable, List<Integer> weekdays, List<Integer> years,
        List<Integer> months, List<Integer> days, List<Integer> hours, List<Integer> minutes, List<Integer> seconds,
        String zone) {

    private static final Map<String, String> SHORTHANDS = Map.ofEntries(Map.entry("minutely", "*-*-* *:*:00"),
            Map.entry("hourly", "*-*-* *:00:00"), Map.entry("daily", "*-*-* 00:00:00"),
            Map.entry("monthly", "*-*-01 00:00:00"), Map.entry("weekly", "Mon *-*-* 00:00:00"),
            Map.entry("yearly", "*-01-01 00:00:00"), Map.entry("annually", "*-01-01 00:00:00"),
            Map.entry("quarterly", "*-01,04,07,10-01 00:00:00"), Map.entry("semiannually", "*-01,07-01 00:00:00"));
    private static final String[] DAY_NAMES = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    private static final String[] DAY_FULL = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday"};

    public CalendarEvent {
        weekdays = List.copyOf(weekdays);
        years = List.copyOf(years);
        months = List.copyOf(months);
        days = List.copyOf(days);
        hours = List.copyOf(hours);
        minutes = List.copyOf(minutes);
        seconds = List.copyOf(seconds);
    }

    /** Reads an expression; never fails: what cannot be computed stays descriptive. */
    public static CalendarEvent parse(String expression) {
        String written = expression == null ? "" : expression.strip();
        try {
            return read(written);
        } catch (IllegalArgumentException | DateTimeException e) {
            return descriptive(written);
        }
    }

    private static CalendarEvent descriptive(String written) {
        return new CalendarEvent(written, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), "");
    }

    private static CalendarEvent read(String written) {
        String e = SHORTHANDS.getOrDefault(written.toLowerCase(Locale.ROOT), written);
        List<String> tokens = new ArrayList<>(List.of(e.split("\\s+")));
        if (e.isEmpty() || e.contains("~") || e.startsWith("@")) {
            throw new IllegalArgumentException("not computed");
        }
        String zone = "";
        String lastToken = tokens.get(tokens.size() - 1);
        if (tokens.size() > 1 && (lastToken.contains("/") && !lastToken.contains(":") || lastToken.equals("UTC"))) {
            zone = ZoneId.of(lastToken).getId();
            tokens.remove(tokens.size() - 1);
        }
        List<Integer> weekdays = List.of();
        if (!tokens.isEmpty() && Character.isLetter(tokens.get(0).charAt(0))) {
            weekdays = weekdays(tokens.remove(0));
        }
        String date = "*-*-*";
        String time = "00:00:00";
        for (String t : tokens) {
            if (t.contains(":")) {
                time = t;
            } else if (t.contains("-")) {
                date = t;
            } else {
                throw new IllegalArgumentException("neither a date nor a time: " + t);
            }
        }
        if (tokens.size() > 2) {
            throw new IllegalArgumentException("too many parts");
        }
        String[] d = date.split("-", -1);
        if (d.length == 2) {
            d = new String[] {"*", d[0], d[1]};
        }
        if (d.length != 3) {
            throw new IllegalArgumentException("bad date");
        }
        String[] t = time.split(":", -1);
        if (t.length == 2) {
            t = new String[] {t[0], t[1], "00"};
        }
        if (t.length != 3) {
            throw new IllegalArgumentException("bad time");
        }
        String sec = t[2].contains(".") ? t[2].substring(0, t[2].indexOf('.')) : t[2];
        List<Integer> years = d[0].equals("*") ? List.of() : values(d[0], 1970, 2199);
        return new CalendarEvent(written, true, weekdays, years, values(d[1], 1, 12), values(d[2], 1, 31),
                values(t[0], 0, 23), values(t[1], 0, 59), values(sec, 0, 59), zone);
    }

    private static List<Integer> weekdays(String spec) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String item : spec.split(",")) {
            String[] range = item.contains("..") ? item.split("\\.\\.", 2) : item.split("-", 2);
            int lo = weekday(range[0]);
            int hi = range.length == 2 ? weekday(range[1]) : lo;
            // systemd counts Monday first: Sat..Mon is not a range, Mon..Sun is
            int loM = (lo + 6) % 7;
            int hiM = (hi + 6) % 7;
            if (hiM < loM) {
                throw new IllegalArgumentException("backwards weekday range");
            }
            for (int m = loM; m <= hiM; m++) {
                out.add((m + 1) % 7);
            }
        }
        return new ArrayList<>(out);
    }

    private static int weekday(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 7; i++) {
            if (n.equals(DAY_NAMES[i]) || n.equals(DAY_FULL[i])) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a weekday: " + name);
    }

    /** {@code *}, {@code 5}, {@code 1,15}, {@code 8..18}, {@code 0/15}, {@code *}{@code /2}, {@code 9..17/2}. */
    private static List<Integer> values(String spec, int min, int max) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String item : spec.split(",", -1)) {
            int step = 0;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(item.substring(slash + 1));
                range = item.substring(0, slash);
                if (step < 1) {
                    throw new IllegalArgumentException("step 0");
                }
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
                step = Math.max(step, 1);
            } else if (range.contains("..")) {
                String[] r = range.split("\\.\\.", 2);
                lo = Integer.parseInt(r[0]);
                hi = Integer.parseInt(r[1]);
                step = Math.max(step, 1);
            } else {
                lo = Integer.parseInt(range);
                hi = step > 0 ? max : lo;
                step = Math.max(step, 1);
            }
            if (lo < min || hi > max || lo > hi) {
                throw new IllegalArgumentException("out of range");
            }
            for (int v = lo; v <= hi; v += step) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    private boolean dayMatches(LocalDate d) {
        return (years.isEmpty() || years.contains(d.getYear())) && months.contains(d.getMonthValue())
                && days.contains(d.getDayOfMonth())
                && (weekdays.isEmpty() || weekdays.contains(d.getDayOfWeek().getValue() % 7));
    }

    /** The times in {@code [from, to)} in the event's own terms (local times); none when not computable. */
    public List<LocalDateTime> runsBetween(LocalDateTime from, LocalDateTime to) {
        if (!computable) {
            return List.of();
        }
        return Occurrences.between(from, to, this::dayMatches, hours, minutes, seconds);
    }

    /** The instants in {@code [from, to)}, read in the event's zone when it names one, else in {@code zone}. */
    public List<Instant> runsBetween(Instant from, Instant to, ZoneId zone) {
        return Occurrences.between(from, to, this.zone.isEmpty() ? zone : ZoneId.of(this.zone), this::runsBetween);
    }

    /** The first time strictly after {@code t}; empty when not computable or never. */
    public Optional<LocalDateTime> nextRunAfter(LocalDateTime t) {
        if (!computable) {
            return Optional.empty();
        }
        return Occurrences.after(t.withNano(0), this::dayMatches, hours, minutes, seconds);
    }

    /** "every day at 02:30", "at 09:00 on Monday to Friday"; the expression itself when not computable. */
    public String describe() {
        if (!computable) {
            return "on calendar " + expression;
        }
        String times = Phrases.times(hours, minutes, seconds);
        List<String> when = new ArrayList<>();
        if (!weekdays.isEmpty() && weekdays.size() < 7) {
            when.add("on " + Phrases.weekdays(weekdays));
        }
        if (days.size() < 31) {
            when.add("on " + (days.size() == 1 ? "day " : "days ") + Phrases.numbers(days) + " of the month");
        }
        if (months.size() < 12) {
            when.add("in " + Phrases.months(months));
        }
        if (!years.isEmpty()) {
            when.add("in " + Phrases.numbers(years));
        }
        String zoneText = zone.isEmpty() ? "" : " (" + zone + ")";
        if (when.isEmpty()) {
            boolean repeating = times.startsWith("every") || times.contains("every hour");
            return (repeating ? times : "every day " + times) + zoneText;
        }
        return times + " " + String.join(" ", when) + zoneText;
    }
}
