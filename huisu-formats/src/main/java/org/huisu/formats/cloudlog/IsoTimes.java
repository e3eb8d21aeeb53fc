package org.huisu.formats.cloudlog;

import java.time.Instant;
import org.huisu.formats.Times;

/**
 * ISO-8601 UTC times as COS and MinIO write them ({@code 2018-12-01T11:02:33Z},
 * {@code 2019-08-12T21:34:37.187817748Z}), read by hand: {@link Times#parseIsoInstant} costs about a
 * microsecond a call, as much as the rest of a COS line. Any other shape (an offset, a leap second,
 * a lower-case z) is handed to {@link Times#parseIsoInstant}, so the answer is always the same as
 * its; the fast path belongs in {@link Times} once another module needs it.
 */
final class IsoTimes {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimes() {
    }

    /** The time written in {@code s[from, to)}; null when it is not an ISO-8601 time with a zone. */
    static Instant parse(String s, int from, int to) {
        Instant fast = fast(s, from, to);
        return fast != null ? fast : Times.parseIsoInstant(s.substring(from, to));
    }

    private static Instant fast(String s, int from, int to) {
        if (to - from < 20 || s.charAt(to - 1) != 'Z' || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || s.charAt(from + 10) != 'T' || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
            return null;
        }
        int year = Times.digits(s, from, 4);
        int month = Times.digits(s, from + 5, 2);
        int day = Times.digits(s, from + 8, 2);
        int hour = Times.digits(s, from + 11, 2);
        int minute = Times.digits(s, from + 14, 2);
        int second = Times.digits(s, from + 17, 2);
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
            int fraction = Times.digits(s, at + 1, digits);
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
}
