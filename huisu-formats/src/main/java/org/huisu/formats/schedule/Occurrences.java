package org.huisu.formats.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** Enumerates the times a calendar rule names: matching days, then the listed hours, minutes and seconds. */
final class Occurrences {

    /** How far ahead a next run is looked for: a 29 February that must be a Monday recurs within 28 years. */
    private static final int SEARCH_YEARS = 29;

    private Occurrences() {
    }

    /** Every time in {@code [from, to)}. */
    static List<LocalDateTime> between(LocalDateTime from, LocalDateTime to, Predicate<LocalDate> day,
            List<Integer> hours, List<Integer> minutes, List<Integer> seconds) {
        List<LocalDateTime> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
            if (!day.test(d)) {
                continue;
            }
            for (int h : hours) {
                for (int m : minutes) {
                    for (int s : seconds) {
                        LocalDateTime t = d.atTime(h, m, s);
                        if (!t.isBefore(from) && t.isBefore(to)) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The first time strictly after {@code t}, if there is one in the next decades. */
    static Optional<LocalDateTime> after(LocalDateTime t, Predicate<LocalDate> day, List<Integer> hours,
            List<Integer> minutes, List<Integer> seconds) {
        LocalDate last = t.toLocalDate().plusYears(SEARCH_YEARS);
        for (LocalDate d = t.toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!day.test(d)) {
                continue;
            }
            for (int h : hours) {
                for (int m : minutes) {
                    for (int s : seconds) {
                        LocalDateTime c = d.atTime(h, m, s);
                        if (c.isAfter(t)) {
                            return Optional.of(c);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The instants in {@code [from, to)} of a rule read in {@code zone}. A local time that a daylight-saving
     * change skips is taken one gap later, one that occurs twice is taken at its first occurrence.
     */
    static List<Instant> between(Instant from, Instant to, ZoneId zone,
            BiFunction<LocalDateTime, LocalDateTime, List<LocalDateTime>> local) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        LocalDateTime lo = LocalDateTime.ofInstant(from, zone).minusDays(1);
        LocalDateTime hi = LocalDateTime.ofInstant(to, zone).plusDays(1);
        TreeSet<Instant> out = new TreeSet<>();
        for (LocalDateTime t : local.apply(lo, hi)) {
            Instant i = ZonedDateTime.ofLocal(t, zone, null).toInstant();
            if (!i.isBefore(from) && i.isBefore(to)) {
                out.add(i);
            }
        }
        return new ArrayList<>(out);
    }
}
