package org.huisu.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    @Test
    void storedTimesHaveNineFractionDigitsSoTheySortAsText() {
        assertThat(Timestamps.format(Instant.parse("2024-03-15T02:30:00Z"))).isEqualTo("2024-03-15T02:30:00.000000000Z");
        assertThat(Timestamps.format(Instant.parse("2024-03-15T02:30:00.5Z")))
                .isGreaterThan(Timestamps.format(Instant.parse("2024-03-15T02:30:00Z")));
    }

    @Property
    void theFastFormatAgreesWithJavaTime(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(Timestamps.format(instant)).isEqualTo(REFERENCE.format(instant));
        assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
    }
}
