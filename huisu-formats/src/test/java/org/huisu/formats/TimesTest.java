package org.huisu.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void aCommonLogFormatTimeIsReadWithItsOffset() {
        assertThat(Times.parseClf("[06/Feb/2014:00:00:38 +0000]", 1)).isEqualTo(Instant.parse("2014-02-06T00:00:38Z"));
        assertThat(Times.parseClf("03/Jan/2021:14:59:49 +0800", 0)).isEqualTo(Instant.parse("2021-01-03T06:59:49Z"));
        assertThat(Times.parseClf("03/Jan/2021:14:59:49 -0530", 0)).isEqualTo(Instant.parse("2021-01-03T20:29:49Z"));
    }

    @Test
    void somethingElseIsNotAClfTime() {
        assertThat(Times.parseClf("31/Feb/2021:14:59:49 +0800", 0)).isNull();
        assertThat(Times.parseClf("03/Jxn/2021:14:59:49 +0800", 0)).isNull();
        assertThat(Times.parseClf("short", 0)).isNull();
    }

    @Test
    void localTimesTakeTheZoneTheSourceKeeps() {
        assertThat(Times.parseLocal("2024-03-15 02:30:05", ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2024-03-14T18:30:05Z"));
        assertThat(Times.parseLocal("2024-03-15T02:30:05.250", ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2024-03-15T02:30:05.250Z"));
        assertThat(Times.parseIsoInstant("2019-08-12T21:34:37.187817748Z"))
                .isEqualTo(Instant.parse("2019-08-12T21:34:37.187817748Z"));
        assertThat(Times.parseIsoInstant("2024-03-15T02:30:05+08:00")).isEqualTo(Instant.parse("2024-03-14T18:30:05Z"));
    }

    @Property
    void anyTextGivesATimeOrNullNeverAnException(@ForAll String text) {
        assertThatCode(() -> {
            Times.parseClf(text, 0);
            Times.parseIsoInstant(text);
            Times.parseLocal(text, ZoneId.of("UTC"));
            Times.parseOffset(text);
        }).doesNotThrowAnyException();
    }
}
