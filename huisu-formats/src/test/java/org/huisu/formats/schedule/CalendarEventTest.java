package org.huisu.formats.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CalendarEventTest {

    @Test
    void aFullExpressionIsReadIntoItsValues() {
        assertThat(CalendarEvent.parse("*-*-* 02:30:00")).isEqualTo(new CalendarEvent("*-*-* 02:30:00", true,
                List.of(), List.of(), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                java.util.stream.IntStream.rangeClosed(1, 31).boxed().toList(), List.of(2), List.of(30), List.of(0),
                ""));
    }

    @Test
    void shorthandsAreTheirExpressions() {
        assertThat(CalendarEvent.parse("daily").describe()).isEqualTo("every day at 00:00");
        assertThat(CalendarEvent.parse("hourly").describe()).isEqualTo("at minute 0 of every hour");
        assertThat(CalendarEvent.parse("weekly").describe()).isEqualTo("at 00:00 on Monday");
        assertThat(CalendarEvent.parse("monthly").describe()).isEqualTo("at 00:00 on day 1 of the month");
    }

    @Test
    void weekdayRangesAndTimesWithoutSecondsAreRead() {
        CalendarEvent e = CalendarEvent.parse("Mon..Fri 09:00");
        assertThat(e.weekdays()).containsExactly(1, 2, 3, 4, 5);
        assertThat(e.describe()).isEqualTo("at 09:00 on Monday to Friday");
        assertThat(e.nextRunAfter(LocalDateTime.of(2024, 3, 15, 9, 0))).contains(LocalDateTime.of(2024, 3, 18, 9, 0));
    }

    @Test
    void repetitionsAndAZoneAreRead() {
        CalendarEvent e = CalendarEvent.parse("*-*-* 08..18/2:15 Asia/Shanghai");
        assertThat(e.hours()).containsExactly(8, 10, 12, 14, 16, 18);
        assertThat(e.zone()).isEqualTo("Asia/Shanghai");
        assertThat(e.describe()).isEqualTo("every day at 08:15, 10:15, 12:15, 14:15, 16:15 and 18:15 (Asia/Shanghai)");
    }

    @Test
    void aMonthDayDateWithoutYearIsRead() {
        CalendarEvent e = CalendarEvent.parse("*-01,07-01 03:00");
        assertThat(e.months()).containsExactly(1, 7);
        assertThat(e.runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2025, 1, 1, 0, 0)))
                .containsExactly(LocalDateTime.of(2024, 1, 1, 3, 0), LocalDateTime.of(2024, 7, 1, 3, 0));
    }

    @Test
    void theLastDaysOfAMonthStayDescriptive() {
        CalendarEvent e = CalendarEvent.parse("*-02~03");
        assertThat(e.computable()).isFalse();
        assertThat(e.describe()).isEqualTo("on calendar *-02~03");
        assertThat(e.runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2025, 1, 1, 0, 0))).isEmpty();
    }

    @Test
    void nonsenseStaysDescriptive() {
        assertThat(CalendarEvent.parse("every other tuesday").computable()).isFalse();
        assertThat(CalendarEvent.parse("*-*-* 25:00").computable()).isFalse();
    }

    @Property
    void anyExpressionGivesAnEventNeverAnException(@ForAll String text) {
        assertThatCode(() -> {
            CalendarEvent e = CalendarEvent.parse(text);
            e.describe();
            e.nextRunAfter(LocalDateTime.of(2024, 1, 1, 0, 0));
        }).doesNotThrowAnyException();
    }

    @Property
    void anyCalendarLikeExpressionGivesAnEventNeverAnException(@ForAll("calendarish") String text) {
        assertThatCode(() -> {
            CalendarEvent e = CalendarEvent.parse(text);
            e.describe();
            e.runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 2, 0, 0));
        }).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> calendarish() {
        return net.jqwik.api.Arbitraries.strings().withChars("0123456789*-:./, MonFriSat~").ofMaxLength(24);
    }
}
