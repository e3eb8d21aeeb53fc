package org.huisu.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The time formats logs are written in, each parsed one way, fast, without exceptions on the hot
 * path: the Common Log Format time of web servers and cloud access logs
 * ({@code 06/Feb/2014:00:00:38 +0000}), ISO-8601, and local times whose zone the caller supplies.
 */
public final class Times {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Times() {
    }

    /**
     * Parses a Common Log Format time starting at {@code from}: {@code dd/MMM/yyyy:HH:mm:ss ±hhmm}
     * (26 characters). Returns null when the text is not such a time.
     */
    public static Instant parseClf(CharSequence s, int from) {
        if (s.length() < from + 26) {
            return null;
        }
        int day = digits(s, from, 2);
        int month = month(s, from + 3);
        int year = digits(s, from + 7, 4);
        int hour = digits(s, from + 12, 2);
        int minute = digits(s, from + 15, 2);
        int second = digits(s, from + 18, 2);
        char sign = s.charAt(from + 21);
        int offsetHours = digits(s, from + 22, 2);
        int offsetMinutes = digits(s, from + 24, 2);
        if (day < 1 || month < 1 || year < 0 || hour < 0 || minute < 0 || second < 0 || offsetHours < 0
                || offsetMinutes < 0 || sign != '+' && sign != '-' || s.charAt(from + 2) != '/'
                || s.charAt(from + 6) != '/' || s.charAt(from + 11) != ':' || s.charAt(from + 20) != ' ') {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            int offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ISO-8601 with a zone ({@code Z} or an offset), any fraction; null when it is not one. */
    public static Instant parseIsoInstant(String text) {
        return parseIsoInstant(text, 0, text.length());
    }

    /**
     * The ISO-8601 time written in {@code s[from, to)}. The UTC form cloud logs write
     * ({@code 2019-08-12T21:34:37.187817748Z}) is read by hand, for {@link Instant#parse} costs about a
     * microsecond, as much as the rest of a log line; any other shape goes the long way.
     */
    public static Instant parseIsoInstant(String s, int from, int to) {
        Instant fast = to - from >= 20 ? fast(s, from, to) : null;
        return fast != null ? fast : parseIsoSlowly(s.substring(from, to));
    }

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static Instant fast(String s, int from, int to) {
        if (to - from < 20 || s.charAt(to - 1) != 'Z' || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || s.charAt(from + 10) != 'T' || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
            return null;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > daysIn(year, month)) {
            return null;
        }
        int nanos = 0;
        int at = from + 19;
        if (at < to - 1) {
            int digits = to - 1 - at - 1;
            if (s.charAt(at) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(s, at + 1, digits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int daysIn(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (years 0 to 9999 here). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static Instant parseIsoSlowly(String text) {
        try {
            return text.endsWith("Z") || text.endsWith("z") ? Instant.parse(text.toUpperCase())
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A time written without a zone ({@code 2024-03-15 02:30:05}, {@code 2024-03-15T02:30:05.123}),
     * read in the zone the caller says the source keeps; null when it is not such a time.
     */
    public static Instant parseLocal(String text, ZoneId zone) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code +0800} or {@code +08:00} as an offset; null when it is neither. */
    public static ZoneOffset parseOffset(String text) {
        try {
            if (text.length() == 5) {
                return ZoneOffset.of(text.substring(0, 3) + ":" + text.substring(3));
            }
            return ZoneOffset.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(CharSequence s, int at) {
        for (int m = 0; m < 12; m++) {
            if (s.charAt(at) == MONTHS.charAt(m * 3) && s.charAt(at + 1) == MONTHS.charAt(m * 3 + 1)
                    && s.charAt(at + 2) == MONTHS.charAt(m * 3 + 2)) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The decimal number of {@code n} digits at {@code at}, or -1 when a character is not a digit. */
    public static int digits(CharSequence s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
