package org.huisu.formats.syslog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.Times;

/**
 * Syslog lines in the formats files keep them: BSD / RFC 3164 ({@code Mar 15 02:30:01 host
 * CRON[1234]: …}, with or without {@code <PRI>}), RFC 5424 ({@code <34>1 2024-03-15T02:30:01.003+08:00
 * host app procid msgid [sd] msg}), the ISO-timestamp form of rsyslog and {@code journalctl -o
 * short-iso} ({@code 2024-03-15T02:30:01.123456+08:00 host program[pid]: msg}) and OpenWrt's
 * {@code logread} ({@code Fri Mar 15 02:30:01 2024 daemon.info dnsmasq[1]: msg}).
 *
 * <p>A BSD line has neither year nor zone: the caller gives the zone and either the year or the
 * last day the file can hold (its modification date, say); then each line takes the latest year
 * that puts it on or before that day, so December's lines in a file that ran into January get the
 * year before.
 */
public final class SyslogParser implements LineParser<SyslogEntry> {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("kern", 0), Map.entry("user", 1),
            Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4), Map.entry("syslog", 5),
            Map.entry("lpr", 6), Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9),
            Map.entry("authpriv", 10), Map.entry("ftp", 11), Map.entry("ntp", 12), Map.entry("security", 13),
            Map.entry("audit", 13), Map.entry("console", 14), Map.entry("alert", 14), Map.entry("clock", 15),
            Map.entry("local0", 16), Map.entry("local1", 17), Map.entry("local2", 18), Map.entry("local3", 19),
            Map.entry("local4", 20), Map.entry("local5", 21), Map.entry("local6", 22), Map.entry("local7", 23));
    private static final Map<String, Integer> SEVERITIES = Map.ofEntries(Map.entry("emerg", 0), Map.entry("panic", 0),
            Map.entry("alert", 1), Map.entry("crit", 2), Map.entry("err", 3), Map.entry("error", 3),
            Map.entry("warn", 4), Map.entry("warning", 4), Map.entry("notice", 5), Map.entry("info", 6),
            Map.entry("debug", 7));

    private final ZoneId zone;
    private final int year;
    private final LocalDate lastDay;

    private SyslogParser(ZoneId zone, int year, LocalDate lastDay) {
        this.zone = zone;
        this.year = year;
        this.lastDay = lastDay;
    }

    /** Every BSD line is in {@code year}, its local time in {@code zone}. */
    public static SyslogParser forYear(int year, ZoneId zone) {
        return new SyslogParser(zone, year, null);
    }

    /**
     * Each BSD line takes the latest year that puts it on or before {@code lastDay} (a day's slack
     * allows for zones), its local time in {@code zone}.
     */
    public static SyslogParser endingOn(LocalDate lastDay, ZoneId zone) {
        return new SyslogParser(zone, lastDay.getYear(), lastDay);
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        int i = 0;
        if (line.startsWith("<")) {
            int close = line.indexOf('>');
            if (close < 2 || close > 4 || Times.digits(line, 1, close - 1) < 0) {
                return false;
            }
            i = close + 1;
        }
        return isRfc5424(line, i) || isIso(line, i) || isBsd(line, i) || isLogread(line, i);
    }

    @Override
    public Parsed<SyslogEntry> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        String s = line;
        while (!s.isEmpty() && (s.charAt(s.length() - 1) == '\n' || s.charAt(s.length() - 1) == '\r')) {
            s = s.substring(0, s.length() - 1);
        }
        int i = 0;
        Integer pri = null;
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            int value = close >= 2 && close <= 4 ? Times.digits(s, 1, close - 1) : -1;
            if (value < 0 || value > 191) {
                return Parsed.error("a <PRI> must be a number from 0 to 191");
            }
            pri = value;
            i = close + 1;
        }
        Integer facility = pri == null ? null : pri / 8;
        Integer severity = pri == null ? null : pri % 8;
        if (isRfc5424(s, i)) {
            return rfc5424(s, i + 2, facility, severity);
        }
        if (isIso(s, i)) {
            int end = s.indexOf(' ', i);
            String stamp = end < 0 ? s.substring(i) : s.substring(i, end);
            Instant time = isoTime(stamp);
            if (time == null) {
                return Parsed.error("'" + stamp + "' is not an ISO 8601 time");
            }
            return hostAndTag(s, end < 0 ? s.length() : end + 1, time, facility, severity, true);
        }
        if (isBsd(s, i)) {
            Instant time = bsdTime(s, i);
            if (time == null) {
                return Parsed.error("'" + s.substring(i, Math.min(s.length(), i + 15)) + "' is not a valid date and time");
            }
            int at = i + 15;
            if (at < s.length() && s.charAt(at) == '.') {
                // some daemons add a fraction: "Mar 15 02:30:01.123"
                at++;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
            }
            return hostAndTag(s, Math.min(s.length(), at + 1), time, facility, severity, true);
        }
        if (isLogread(s, i)) {
            return logread(s, i, facility, severity);
        }
        return Parsed.error("expected a syslog time at the start: 'Mmm dd hh:mm:ss', an ISO 8601 time or '<PRI>1 '");
    }

    // ---------------------------------------------------------------- the formats

    private static boolean isRfc5424(String s, int i) {
        return i > 0 && s.length() > i + 2 && s.charAt(i) >= '1' && s.charAt(i) <= '9' && s.charAt(i + 1) == ' ';
    }

    private static boolean isIso(String s, int i) {
        return s.length() >= i + 19 && Times.digits(s, i, 4) >= 0 && s.charAt(i + 4) == '-' && s.charAt(i + 7) == '-'
                && s.charAt(i + 10) == 'T' && s.charAt(i + 13) == ':';
    }

    private static boolean isBsd(String s, int i) {
        return s.length() >= i + 15 && month(s, i) > 0 && s.charAt(i + 3) == ' ' && s.charAt(i + 6) == ' '
                && s.charAt(i + 9) == ':' && s.charAt(i + 12) == ':';
    }

    private static boolean isLogread(String s, int i) {
        return s.length() >= i + 25 && dayOfWeek(s, i) && s.charAt(i + 3) == ' ' && isBsd(s, i + 4)
                && s.charAt(i + 19) == ' ' && Times.digits(s, i + 20, 4) >= 0;
    }

    private Parsed<SyslogEntry> rfc5424(String s, int i, Integer facility, Integer severity) {
        String[] head = new String[5];
        int at = i;
        for (int k = 0; k < 5; k++) {
            int end = s.indexOf(' ', at);
            if (end < 0) {
                if (k == 4) {
                    end = s.length();
                } else {
                    return Parsed.error("RFC 5424: expected 'TIMESTAMP HOSTNAME APP-NAME PROCID MSGID' after the version");
                }
            }
            head[k] = s.substring(at, end);
            at = Math.min(s.length(), end + 1);
        }
        Instant time = null;
        if (!head[0].equals("-")) {
            time = isoTime(head[0]);
            if (time == null) {
                return Parsed.error("RFC 5424: '" + head[0] + "' is not an ISO 8601 time with a zone");
            }
        }
        String data = null;
        String message = null;
        if (at < s.length()) {
            if (s.charAt(at) == '-') {
                at++;
            } else if (s.charAt(at) == '[') {
                int end = structuredDataEnd(s, at);
                if (end < 0) {
                    return Parsed.error("RFC 5424: the structured data is not closed");
                }
                data = s.substring(at, end);
                at = end;
            } else {
                return Parsed.error("RFC 5424: expected '-' or '[' for the structured data");
            }
            if (at < s.length()) {
                if (s.charAt(at) != ' ') {
                    return Parsed.error("RFC 5424: expected a space after the structured data");
                }
                message = s.substring(at + 1);
                if (message.startsWith("\uFEFF")) {
                    message = message.substring(1);
                }
            }
        }
        return Parsed.value(new SyslogEntry(time, nil(head[1]), nil(head[2]), nil(head[3]), facility, severity,
                message, nil(head[4]), data));
    }

    /** Past the last {@code [id param="value"]} element; quotes may hold {@code \"}, {@code \]}. */
    private static int structuredDataEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '[') {
            boolean quoted = false;
            i++;
            while (true) {
                if (i >= s.length()) {
                    return -1;
                }
                char c = s.charAt(i);
                if (quoted && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    i++;
                    break;
                }
                i++;
            }
        }
        return i;
    }

    private Parsed<SyslogEntry> logread(String s, int i, Integer facility, Integer severity) {
        LocalDateTime local = localTime(s, i + 4, Times.digits(s, i + 20, 4));
        if (local == null) {
            return Parsed.error("'" + s.substring(i, i + 24) + "' is not a valid date and time");
        }
        Instant time = local.atZone(zone).toInstant();
        int at = i + 25;
        int end = s.indexOf(' ', at);
        int dot = end < 0 ? -1 : s.indexOf('.', at);
        Integer f = facility;
        Integer sev = severity;
        if (dot > at && dot < end) {
            Integer nf = FACILITIES.get(s.substring(at, dot));
            Integer ns = SEVERITIES.get(s.substring(dot + 1, end));
            if (nf != null && ns != null) {
                f = nf;
                sev = ns;
                at = end + 1;
            }
        }
        return hostAndTag(s, at, time, f, sev, false);
    }

    /** The host (when the format has one) and the tag, then the message. */
    private static Parsed<SyslogEntry> hostAndTag(String s, int from, Instant time, Integer facility, Integer severity,
            boolean hasHost) {
        int at = from;
        String host = null;
        if (hasHost && at < s.length()) {
            int end = s.indexOf(' ', at);
            String word = end < 0 ? s.substring(at) : s.substring(at, end);
            // a tag right after the time means the sender left its host name out
            if (!word.endsWith(":")) {
                host = word;
                at = end < 0 ? s.length() : end + 1;
            }
        }
        if (at >= s.length()) {
            return Parsed.value(new SyslogEntry(time, host, null, null, facility, severity, "", null, null));
        }
        int end = s.indexOf(' ', at);
        String word = end < 0 ? s.substring(at) : s.substring(at, end);
        if (!word.endsWith(":") || word.length() == 1) {
            return Parsed.value(new SyslogEntry(time, host, null, null, facility, severity, s.substring(at), null,
                    null));
        }
        String tag = word.substring(0, word.length() - 1);
        String program = tag;
        String pid = null;
        int open = tag.indexOf('[');
        if (open > 0 && tag.endsWith("]")) {
            program = tag.substring(0, open);
            pid = tag.substring(open + 1, tag.length() - 1);
        }
        String message = end < 0 ? "" : s.substring(end + 1);
        return Parsed.value(new SyslogEntry(time, host, program, pid, facility, severity, message, null, null));
    }

    // ---------------------------------------------------------------- times

    /** ISO 8601 with {@code Z}, {@code +08:00} or journald's {@code +0800}; without a zone, the caller's. */
    private Instant isoTime(String stamp) {
        String t = stamp.length() > 10 && stamp.charAt(10) == ' ' ? stamp.substring(0, 10) + 'T' + stamp.substring(11)
                : stamp;
        int n = t.length();
        if (n > 5 && (t.charAt(n - 5) == '+' || t.charAt(n - 5) == '-') && Times.digits(t, n - 4, 4) >= 0) {
            t = t.substring(0, n - 2) + ":" + t.substring(n - 2);
        }
        Instant withZone = Times.parseIsoInstant(t);
        return withZone != null ? withZone : Times.parseLocal(t, zone);
    }

    private Instant bsdTime(String s, int i) {
        int m = month(s, i);
        int day = s.charAt(i + 4) == ' ' ? Times.digits(s, i + 5, 1) : Times.digits(s, i + 4, 2);
        if (day < 1) {
            return null;
        }
        int y = yearOf(m, day);
        if (y < 0) {
            return null;
        }
        LocalDateTime local = localTime(s, i, y);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** The year a BSD line's month and day fall in; -1 when no year near the caller's has that day. */
    private int yearOf(int month, int day) {
        if (lastDay == null) {
            return valid(year, month, day) ? year : -1;
        }
        LocalDate latest = lastDay.plusDays(1);
        // eight years back find a 29 February
        for (int y = lastDay.getYear(); y > lastDay.getYear() - 9; y--) {
            if (valid(y, month, day) && !LocalDate.of(y, month, day).isAfter(latest)) {
                return y;
            }
        }
        return -1;
    }

    private static boolean valid(int y, int month, int day) {
        return day <= LocalDate.of(y, month, 1).lengthOfMonth();
    }

    /** {@code Mmm dd hh:mm:ss} at {@code i} in {@code year}; null when not a valid time. */
    private static LocalDateTime localTime(String s, int i, int year) {
        int m = month(s, i);
        int day = s.charAt(i + 4) == ' ' ? Times.digits(s, i + 5, 1) : Times.digits(s, i + 4, 2);
        int h = Times.digits(s, i + 7, 2);
        int mi = Times.digits(s, i + 10, 2);
        int se = Times.digits(s, i + 13, 2);
        if (m < 1 || day < 1 || h < 0 || mi < 0 || se < 0 || year < 1) {
            return null;
        }
        try {
            return LocalDateTime.of(year, m, day, h, mi, se);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String s, int i) {
        if (s.length() < i + 3) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(i, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return -1;
    }

    private static boolean dayOfWeek(String s, int i) {
        for (int d = 0; d < 7; d++) {
            if (s.regionMatches(i, DAYS, d * 3, 3)) {
                return true;
            }
        }
        return false;
    }

    private static String nil(String s) {
        return s.equals("-") ? null : s;
    }
}
