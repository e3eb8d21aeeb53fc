package org.huisu.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TimesIsoFastPathTest {

    private static Instant parse(String s) {
        return Times.parseIsoInstant(s, 0, s.length());
    }

    @Test
    void cosAndMinioTimesAreRead() {
        assertThat(parse("2018-12-01T11:02:33Z")).isEqualTo(Instant.parse("2018-12-01T11:02:33Z"));
        assertThat(parse("2019-08-12T21:34:37.187817748Z")).isEqualTo(Instant.parse("2019-08-12T21:34:37.187817748Z"));
        assertThat(parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(Times.parseIsoInstant("x 1970-01-01T00:00:00Z y", 2, 22)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void otherShapesAreReadAsTheJdkReadsThem() {
        assertThat(parse("2024-03-15T10:30:05+08:00")).isEqualTo(Instant.parse("2024-03-15T02:30:05Z"));
        assertThat(parse("2024-03-15t02:30:05z")).isEqualTo(Instant.parse("2024-03-15T02:30:05Z"));
        for (String odd : new String[] {"2024-03-15T24:00:00Z", "2016-12-31T23:59:60Z", "2024-03-15T02:30:05.Z"}) {
            assertThat(parse(odd)).as(odd).isEqualTo(jdk(odd));
        }
    }

    @Test
    void whatIsNoTimeIsNull() {
        assertThat(parse("2023-02-29T00:00:00Z")).isNull();
        assertThat(parse("2024-03-15T02:30:05.1234567891Z")).isNull();
        assertThat(parse("yesterday")).isNull();
    }

    @Property
    void anyInstantWrittenByTheJdkIsReadBack(@ForAll("instants") Instant instant) {
        assertThat(parse(instant.toString())).isEqualTo(instant);
    }

    @Property
    void anyTextGivesWhatTheJdksParsersGive(@ForAll("timeLikeText") String text) {
        assertThat(parse(text)).isEqualTo(jdk(text));
    }

    /** The reference: the JDK's own ISO parsers, null where they refuse. */
    private static Instant jdk(String text) {
        try {
            return text.endsWith("Z") || text.endsWith("z") ? Instant.parse(text.toUpperCase(java.util.Locale.ROOT))
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<String> timeLikeText() {
        return Arbitraries.oneOf(instants().map(Instant::toString),
                Damage.of(instants().map(Instant::toString)),
                Arbitraries.strings().withChars("0123456789-:TZ.+z").ofMinLength(18).ofMaxLength(32));
    }
}
