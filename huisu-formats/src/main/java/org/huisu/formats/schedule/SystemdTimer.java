package org.huisu.formats.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;

/**
 * A systemd {@code .timer}: its name, description, the unit it starts ({@code Unit=} or the service of the
 * same name), its calendar events and its monotonic triggers, whether missed runs are caught up
 * ({@code Persistent=}) and its {@code RandomizedDelaySec=} as written (empty when not set).
 */
public record SystemdTimer(String name, String description, String unit, List<CalendarEvent> onCalendar,
        List<MonotonicTrigger> monotonic, boolean persistent, String randomizedDelay) {

    private static final List<String> MONOTONIC = List.of("OnActiveSec", "OnBootSec", "OnStartupSec",
            "OnUnitActiveSec", "OnUnitInactiveSec");
    private static final Pattern SPAN_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Zµ]*)");

    public SystemdTimer {
        onCalendar = List.copyOf(onCalendar);
        monotonic = List.copyOf(monotonic);
    }

    /**
     * The timer of a parsed unit file named {@code fileName} ({@code face-archive.timer}); an error when it
     * has no {@code [Timer]} section or no trigger, which systemd refuses too.
     */
    public static Parsed<SystemdTimer> of(String fileName, SystemdUnit unit) {
        if (!unit.has("Timer")) {
            return Parsed.error(fileName + ": no [Timer] section, so not a timer unit");
        }
        List<CalendarEvent> events = unit.values("Timer", "OnCalendar").stream().map(CalendarEvent::parse).toList();
        List<MonotonicTrigger> monotonic = new ArrayList<>();
        for (String setting : MONOTONIC) {
            for (String v : unit.values("Timer", setting)) {
                monotonic.add(new MonotonicTrigger(setting, v, timeSpan(v)));
            }
        }
        if (events.isEmpty() && monotonic.isEmpty()) {
            return Parsed.error(fileName + ": the timer has neither OnCalendar= nor an On…Sec= setting, which"
                    + " systemd refuses");
        }
        String base = fileName.endsWith(".timer") ? fileName.substring(0, fileName.length() - 6) : fileName;
        String target = unit.value("Timer", "Unit").filter(u -> !u.isEmpty()).orElse(base + ".service");
        boolean persistent = unit.value("Timer", "Persistent").map(SystemdTimer::yes).orElse(false);
        return Parsed.value(new SystemdTimer(fileName, unit.value("Unit", "Description").orElse(""), target, events,
                monotonic, persistent, unit.value("Timer", "RandomizedDelaySec").orElse("")));
    }

    static boolean yes(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("on") || s.equals("1");
    }

    /**
     * A systemd time span ({@code 30}, {@code 15min}, {@code 1h 30min}, {@code 2d}, {@code 500ms}) as a
     * duration; empty when it is not one. A bare number is seconds.
     */
    public static Optional<Duration> timeSpan(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SPAN_PART.matcher(s);
        long nanos = 0;
        int at = 0;
        while (at < s.length()) {
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
            if (at >= s.length()) {
                break;
            }
            if (!m.find(at) || m.start() != at || m.end() == at) {
                return Optional.empty();
            }
            double n;
            try {
                n = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            Long unitNanos = unitNanos(m.group(2));
            if (unitNanos == null || n > 1e12) {
                return Optional.empty();
            }
            nanos += (long) (n * unitNanos);
            at = m.end();
        }
        return Optional.of(Duration.ofNanos(nanos));
    }

    private static Long unitNanos(String unit) {
        long second = 1_000_000_000L;
        return switch (unit) {
            case "", "s", "sec", "second", "seconds" -> second;
            case "us", "usec", "µs" -> 1_000L;
            case "ms", "msec" -> 1_000_000L;
            case "m", "min", "minute", "minutes" -> 60 * second;
            case "h", "hr", "hour", "hours" -> 3600 * second;
            case "d", "day", "days" -> 86_400 * second;
            case "w", "week", "weeks" -> 7 * 86_400 * second;
            case "M", "month", "months" -> 2_629_800 * second;
            case "y", "year", "years" -> 31_557_600 * second;
            default -> null;
        };
    }

    /** Each trigger in plain English, calendar events first. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        onCalendar.forEach(e -> out.add(e.describe()));
        monotonic.forEach(m -> out.add(m.describe()));
        return out;
    }

    /** The calendar runs in {@code [from, to)} as local times, all events merged; monotonic triggers give none. */
    public List<LocalDateTime> runsBetween(LocalDateTime from, LocalDateTime to) {
        TreeSet<LocalDateTime> out = new TreeSet<>();
        onCalendar.forEach(e -> out.addAll(e.runsBetween(from, to)));
        return new ArrayList<>(out);
    }

    /** The calendar runs in {@code [from, to)} as instants, each event read in its own zone or {@code zone}. */
    public List<Instant> runsBetween(Instant from, Instant to, ZoneId zone) {
        TreeSet<Instant> out = new TreeSet<>();
        onCalendar.forEach(e -> out.addAll(e.runsBetween(from, to, zone)));
        return new ArrayList<>(out);
    }
}
