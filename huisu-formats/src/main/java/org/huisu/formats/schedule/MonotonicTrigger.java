package org.huisu.formats.schedule;

import java.time.Duration;
import java.util.Optional;

/**
 * A timer trigger relative to an event rather than the calendar: the setting ({@code OnBootSec},
 * {@code OnUnitActiveSec}…), its value as written ({@code 15min}, {@code 1h 30min}) and that value as a
 * duration when it is one systemd would accept.
 */
public record MonotonicTrigger(String setting, String written, Optional<Duration> after) {

    /** "15 minutes after boot", "every 1 hour after the unit last started". */
    public String describe() {
        String span = after.map(MonotonicTrigger::words).orElse(written);
        return switch (setting) {
            case "OnBootSec" -> span + " after boot";
            case "OnStartupSec" -> span + " after the service manager started";
            case "OnActiveSec" -> span + " after the timer was started";
            case "OnUnitActiveSec" -> span + " after the unit last started, again and again";
            case "OnUnitInactiveSec" -> span + " after the unit last stopped, again and again";
            default -> setting + "=" + written;
        };
    }

    private static String words(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0 && s > 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3600 == 0 && s > 0) {
            return plural(s / 3600, "hour");
        }
        if (s % 60 == 0 && s > 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
