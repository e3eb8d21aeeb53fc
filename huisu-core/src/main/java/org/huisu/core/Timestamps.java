package org.huisu.core;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one way Huisu writes instants: UTC, ISO-8601, always nine fraction digits, so that
 * stored times sort as text in every database and keep file-system nanoseconds.
 */
public final class Timestamps {

    private static final DateTimeFormatter STORED = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return STORED.format(instant);
        }
        // by hand: acquisition formats four times per file, DateTimeFormatter is the slow way
        char[] c = "0000-00-00T00:00:00.000000000Z".toCharArray();
        digits(c, 0, year, 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, instant.getNano(), 9);
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String format(FileTime time) {
        return time == null ? null : format(time.toInstant());
    }

    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        // by hand for the stored form (what every row holds, read a million times by correlation)
        if (text.length() == 30 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.charAt(19) == '.'
                && text.charAt(29) == 'Z') {
            int year = number(text, 0, 4);
            int month = number(text, 5, 2);
            int day = number(text, 8, 2);
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            int nano = number(text, 20, 9);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60 && nano >= 0) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, nano);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number of {@code width} digits at {@code at}, or -1 when one is no digit. */
    private static int number(String text, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The offset of the examiner's local zone at that instant, such as {@code +08:00}. */
    public static String localOffset(Instant instant) {
        ZoneOffset offset = ZoneId.systemDefault().getRules().getOffset(instant);
        return offset.getId().equals("Z") ? "+00:00" : offset.getId();
    }

    /** Human form for text output: local time with its offset, to the second. */
    public static String forDisplay(String stored) {
        if (stored == null) {
            return "-";
        }
        OffsetDateTime local = parse(stored).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        return local.withNano(0).toString();
    }
}
