package org.huisu.core;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
        return instant == null ? null : STORED.format(instant);
    }

    public static String format(FileTime time) {
        return time == null ? null : format(time.toInstant());
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
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
