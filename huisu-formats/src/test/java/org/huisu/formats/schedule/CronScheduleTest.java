package org.huisu.formats.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static CronSchedule cron(String s) {
        return Fixtures.value(CronSchedule.parse(s));
    }

    @Test
    void fieldsAreReadIntoTheirValues() {
        assertThat(cron("*/15 9-17/4 1,15 * mon-fri")).isEqualTo(new CronSchedule("*/15 9-17/4 1,15 * mon-fri", false,
                List.of(0, 15, 30, 45), List.of(9, 13, 17), List.of(1, 15),
                List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), List.of(1, 2, 3, 4, 5), false, false));
    }

    @Test
    void sevenIsSundayToo() {
        assertThat(cron("0 0 * * 5-7").daysOfWeek()).containsExactly(0, 5, 6);
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherMatches() {
        CronSchedule s = cron("0 12 13 * 5");
        assertThat(s.matches(LocalDateTime.of(2024, 9, 13, 12, 0))).isTrue();
        assertThat(s.matches(LocalDateTime.of(2024, 9, 6, 12, 0))).isTrue();
        assertThat(s.matches(LocalDateTime.of(2024, 9, 13 - 1, 12, 0))).isFalse();
    }

    @Test
    void aStarredDayFieldMakesBothRequired() {
        CronSchedule s = cron("0 12 */2 * 5");
        assertThat(s.matches(LocalDateTime.of(2024, 9, 13, 12, 0))).isTrue();
        assertThat(s.matches(LocalDateTime.of(2024, 9, 6, 12, 0))).isFalse();
    }

    @Test
    void theNextRunSkipsMonthsWithoutTheDay() {
        assertThat(cron("0 3 31 * *").nextRunAfter(LocalDateTime.of(2024, 4, 1, 0, 0)))
                .contains(LocalDateTime.of(2024, 5, 31, 3, 0));
        assertThat(cron("0 3 30 2 *").nextRunAfter(LocalDateTime.of(2024, 1, 1, 0, 0))).isEmpty();
    }

    @Test
    void descriptionsReadLikeSentences() {
        assertThat(cron("* * * * *").describe()).isEqualTo("every minute");
        assertThat(cron("*/5 * * * *").describe()).isEqualTo("every 5 minutes");
        assertThat(cron("0 */6 * * *").describe()).isEqualTo("every 6 hours at minute 0");
        assertThat(cron("30 2 * * 1-5").describe()).isEqualTo("at 02:30 on Monday to Friday");
        assertThat(cron("0 8,20 * * *").describe()).isEqualTo("every day at 08:00 and 20:00");
        assertThat(cron("0 0 1 1 *").describe()).isEqualTo("at 00:00 on day 1 of the month in January");
        assertThat(cron("0 9 * * sat,sun").describe()).isEqualTo("at 09:00 on Saturday and Sunday");
    }

    @Test
    void anUnknownShorthandIsAnError() {
        assertThat(CronSchedule.parse("@every")).isEqualTo(Parsed.error("'@every' is not one of cron's shorthands"
                + " (@reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)"));
    }

    @Test
    void aBackwardsRangeAndAZeroStepAreErrors() {
        assertThat(CronSchedule.parse("0 5-1 * * *"))
                .isEqualTo(Parsed.error("the hour field '5-1' has a range that runs backwards"));
        assertThat(CronSchedule.parse("*/0 * * * *")).isEqualTo(Parsed.error("the minute field '*/0' has a step of 0"));
        assertThat(CronSchedule.parse("0 0 * foo *")).isEqualTo(Parsed.error(
                "the month field 'foo' has 'foo', which is neither a number nor a name"));
    }
}
