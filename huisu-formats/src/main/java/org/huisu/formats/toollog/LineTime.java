package org.huisu.formats.toollog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.huisu.formats.Times;

/**
 * The time near the start of an application's log line: {@code 2024-03-15 02:30:05},
 * {@code [2024-03-15T02:30:05.123+08:00]}, {@code 2024/03/15 02:30:05,123}, epoch seconds or
 * milliseconds as the first word, or a bracketed Common Log Format time. A time without a zone is
 * read in the zone the caller says the machine kept.
 */
final class LineTime {

    /** The time and where its text lies in the line. */
    record Stamp(Instant time, int start, int end) {
    }

    /** How far into a line a time is looked for: past a level or a thread name, not into the message. */
    private static final int WINDOW = 64;

    private LineTime() {
    }

    /** The first time in the line's first characters, or null. */
    static Stamp find(String line, ZoneId zone) {
        int n = line.length();
        int limit = Math.min(n, WINDOW);
        for (int p = 0; p < limit; p++) {
            char c = line.charAt(p);
            if (c < '0' || c > '9' || p > 0 && " [(\t".indexOf(line.charAt(p - 1)) < 0) {
                continue;
            }
            Stamp s = dateTime(line, p, zone);
            if (s == null && p > 0 && line.charAt(p - 1) == '[') {
                Instant clf = Times.parseClf(line, p);
                s = clf == null ? null : new Stamp(clf, p, p + 26);
            }
            if (s == null && firstWord(line, p)) {
                s = epoch(line, p);
            }
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} or with {@code /}, {@code T}, a fraction and a zone. */
    static Stamp dateTime(String s, int p, ZoneId zone) {
        int n = s.length();
        if (n < p + 19) {
            return null;
        }
        char sep = s.charAt(p + 4);
        char t = s.charAt(p + 10);
        if (sep != '-' && sep != '/' || s.charAt(p + 7) != sep || t != ' ' && t != 'T' || s.charAt(p + 13) != ':'
                || s.charAt(p + 16) != ':') {
            return null;
        }
        int y = Times.digits(s, p, 4);
        int mo = Times.digits(s, p + 5, 2);
        int d = Times.digits(s, p + 8, 2);
        int h = Times.digits(s, p + 11, 2);
        int mi = Times.digits(s, p + 14, 2);
        int se = Times.digits(s, p + 17, 2);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) {
            return null;
        }
        int i = p + 19;
        int nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
            i++;
            int digits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (digits < 9) {
                    nanos = nanos * 10 + s.charAt(i) - '0';
                    digits++;
                }
                i++;
            }
            for (int k = digits; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneId z = zone;
        if (i < n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z') && (i + 1 == n || !Character.isLetterOrDigit(s.charAt(i + 1)))) {
            z = ZoneOffset.UTC;
            i++;
        } else {
            int at = i < n && s.charAt(i) == ' ' ? i + 1 : i;
            ZoneOffset offset = offset(s, at);
            if (offset != null) {
                z = offset;
                i = at + (s.charAt(at + 3) == ':' ? 6 : 5);
            }
        }
        try {
            return new Stamp(LocalDateTime.of(y, mo, d, h, mi, se, nanos).atZone(z).toInstant(), p, i);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code +08:00} or {@code +0800} at {@code at}, ending the word; null otherwise. */
    private static ZoneOffset offset(String s, int at) {
        int n = s.length();
        if (at >= n || s.charAt(at) != '+' && s.charAt(at) != '-') {
            return null;
        }
        int end;
        int hh = at + 3 <= n ? Times.digits(s, at + 1, 2) : -1;
        int mm;
        if (at + 6 <= n && s.charAt(at + 3) == ':') {
            mm = Times.digits(s, at + 4, 2);
            end = at + 6;
        } else if (at + 5 <= n) {
            mm = Times.digits(s, at + 3, 2);
            end = at + 5;
        } else {
            return null;
        }
        if (hh < 0 || hh > 18 || mm < 0 || mm > 59 || end < n && Character.isLetterOrDigit(s.charAt(end))) {
            return null;
        }
        try {
            return ZoneOffset.ofHoursMinutes(s.charAt(at) == '-' ? -hh : hh, s.charAt(at) == '-' ? -mm : mm);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean firstWord(String s, int p) {
        for (int i = 0; i < p; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '[' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Epoch milliseconds (13 digits) or seconds (10 digits, maybe with a fraction), years 2001 to 2286. */
    private static Stamp epoch(String s, int p) {
        int i = p;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        int digits = i - p;
        if (digits != 10 && digits != 13) {
            return null;
        }
        long v = Long.parseLong(s.substring(p, i));
        if (digits == 13) {
            return boundary(s, i) ? new Stamp(Instant.ofEpochMilli(v), p, i) : null;
        }
        long nanos = 0;
        if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
            int start = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            String f = (s.substring(start, Math.min(i, start + 9)) + "000000000").substring(0, 9);
            nanos = Long.parseLong(f);
        }
        return boundary(s, i) && v >= 1_000_000_000L ? new Stamp(Instant.ofEpochSecond(v, nanos), p, i) : null;
    }

    private static boolean boundary(String s, int i) {
        return i == s.length() || !Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) != '.';
    }
}
