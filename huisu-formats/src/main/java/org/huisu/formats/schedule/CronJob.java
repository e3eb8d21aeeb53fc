package org.huisu.formats.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job of a crontab: the line it is on, whose it is (the user field of a system crontab, the owner of a
 * user crontab), the schedule as written and as read, the command cron hands to the shell (up to the first
 * unescaped {@code %}, with {@code \%} read as {@code %}), the standard input the rest gives it, and the
 * environment assignments in force above it (SHELL, PATH, MAILTO, CRON_TZ…; secrets masked).
 */
public record CronJob(int line, String user, String schedule, String command, String input,
        Map<String, String> environment, CronSchedule when) {

    public CronJob {
        environment = Map.copyOf(environment);
    }

    /** The zone the schedule is read in when the crontab sets {@code CRON_TZ}; empty otherwise. */
    public Optional<ZoneId> zone() {
        String tz = environment.get("CRON_TZ");
        if (tz == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "every day at 02:30" and the like. */
    public String describe() {
        return when.describe();
    }

    /** The run times in {@code [from, to)} as cron reads its schedule: local times. */
    public List<LocalDateTime> runsBetween(LocalDateTime from, LocalDateTime to) {
        return when.runsBetween(from, to);
    }

    /** The next {@code count} runs after {@code after}, reading the schedule in CRON_TZ or else {@code systemZone}. */
    public List<Instant> nextRuns(Instant after, ZoneId systemZone, int count) {
        return when.nextRuns(after, zone().orElse(systemZone), count);
    }

    /**
     * The run instants in {@code [from, to)}, reading the schedule in the crontab's {@code CRON_TZ} when it has
     * one, else in {@code systemZone} (the zone the machine's cron ran in).
     */
    public List<Instant> runsBetween(Instant from, Instant to, ZoneId systemZone) {
        return when.runsBetween(from, to, zone().orElse(systemZone));
    }
}
