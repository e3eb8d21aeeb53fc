package org.huisu.formats.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DatePlaceholdersTest {

    @Test
    void yesterdaysFolderIsADailyPatternWithOffsetMinusOne() {
        assertThat(DatePlaceholders.find("/data/capture/$(date -d yesterday +%Y%m%d)")).contains(new DatePattern(
                "/data/capture/$(date -d yesterday +%Y%m%d)", "/data/capture/%Y%m%d", "%Y%m%d", -1, false,
                ChronoUnit.DAYS));
    }

    @Test
    void aConcretePathGivesTheDateItNames() {
        DatePattern p = DatePlaceholders.find("/data/capture/$(date -d yesterday +%Y%m%d)").orElseThrow();
        assertThat(p.dateOf("/data/capture/20240314")).contains(LocalDate.of(2024, 3, 14));
        assertThat(p.runDay(LocalDate.of(2024, 3, 14))).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(p.dateOf("/data/capture/20240231")).isEmpty();
        assertThat(p.dateOf("/data/other/20240314")).isEmpty();
    }

    @Test
    void aPatternRendersThePathOfAGivenDay() {
        DatePattern p = DatePlaceholders.find("oss://faces/$(date -d '1 day ago' +%Y/%m/%d)/").orElseThrow();
        assertThat(p.render(LocalDate.of(2024, 3, 5))).isEqualTo("oss://faces/2024/03/05/");
        assertThat(p.render(p.namedDay(LocalDate.of(2024, 3, 1)))).isEqualTo("oss://faces/2024/02/29/");
    }

    @Test
    void backquotesAndIsoShorthandAreRecognised() {
        DatePattern p = DatePlaceholders.find("/data/crops/cam1/`date +%F`").orElseThrow();
        assertThat(p.template()).isEqualTo("/data/crops/cam1/%F");
        assertThat(p.dayOffset()).isZero();
        assertThat(p.dateOf("/data/crops/cam1/2024-03-15")).contains(LocalDate.of(2024, 3, 15));
    }

    @Test
    void theLongDateOptionWithDaysAgoIsAnOffset() {
        assertThat(DatePlaceholders.find("$(date --date='2 days ago' +%Y-%m-%d).tgz").orElseThrow().dayOffset())
                .isEqualTo(-2);
        assertThat(DatePlaceholders.find("$(date -u --date=\"-1 day\" +%Y%m%d)").orElseThrow())
                .extracting(DatePattern::dayOffset, DatePattern::utc).containsExactly(-1, true);
    }

    @Test
    void aVariableSetToADateIsFollowed() {
        Map<String, Assignment> vars = Map.of(
                "DAY", new Assignment("DAY", 3, "$(date -d yesterday +%Y%m%d)", "$(date -d yesterday +%Y%m%d)", false),
                "BUCKET", new Assignment("BUCKET", 2, "lakeview-faces", "lakeview-faces", true));
        DatePattern p = DatePlaceholders.find("oss://$BUCKET/archive/${DAY}/faces_$DAY.tar.gz", vars).orElseThrow();
        assertThat(p.template()).isEqualTo("oss://lakeview-faces/archive/%Y%m%d/faces_%Y%m%d.tar.gz");
        assertThat(p.dateOf("oss://lakeview-faces/archive/20240314/faces_20240314.tar.gz"))
                .contains(LocalDate.of(2024, 3, 14));
        assertThat(p.matches("oss://lakeview-faces/archive/20240314/faces_20240315.tar.gz")).isFalse();
    }

    @Test
    void globsAndUnknownPartsMatchAnything() {
        DatePattern p = DatePlaceholders.find("$SRC/faces_$(date +%Y%m%d)*").orElseThrow();
        assertThat(p.template()).isEqualTo("*/faces_%Y%m%d*");
        assertThat(p.dateOf("/data/pack/faces_20240314.tar.gz")).contains(LocalDate.of(2024, 3, 14));
    }

    @Test
    void theScriptsDayVariableMakesTheDeletedFolderAPattern() {
        List<ScriptCommand> cs = Fixtures.script(Fixtures.text("face-archive.sh"));
        ScriptCommand rm = cs.stream().filter(c -> c.line() == 30).findFirst().orElseThrow();
        DatePattern p = DatePlaceholders.find(rm.expanded().get(2), rm.variables()).orElseThrow();
        assertThat(p.template()).isEqualTo("/data/capture/%Y%m%d");
        assertThat(p.isDaily()).isTrue();
        assertThat(p.dayOffset()).isEqualTo(-1);
    }

    @Test
    void aMonthlyFormatIsNotDaily() {
        DatePattern p = DatePlaceholders.find("/archive/$(date +%Y-%m)").orElseThrow();
        assertThat(p.isDaily()).isFalse();
        assertThat(p.resolution()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(p.dateOf("/archive/2024-03")).contains(LocalDate.of(2024, 3, 1));
    }

    @Test
    void anHourlyFormatGivesTheHour() {
        DatePattern p = DatePlaceholders.find("/data/$(date +%Y%m%d%H)/").orElseThrow();
        assertThat(p.resolution()).isEqualTo(ChronoUnit.HOURS);
        assertThat(p.dateTimeOf("/data/2024031502/")).contains(LocalDateTime.of(2024, 3, 15, 2, 0));
        assertThat(p.render(LocalDateTime.of(2024, 3, 15, 2, 0))).isEqualTo("/data/2024031502/");
    }

    @Test
    void aWordWithoutDateOrWithAnotherCommandIsNoPattern() {
        assertThat(DatePlaceholders.find("/data/capture/$(hostname)")).isEmpty();
        assertThat(DatePlaceholders.find("/data/capture/20240314")).isEmpty();
        assertThat(DatePlaceholders.find("$(date)")).isEmpty();
        assertThat(DatePlaceholders.find("$(date -d '2024-03-01' +%F)")).isEmpty();
    }

    @Test
    void aPathThatWouldMakeTheWildcardsBacktrackWithoutEndDoesNotMatch() {
        DatePattern p = DatePlaceholders.find("*a".repeat(12) + "$(date +%F)").orElseThrow();
        assertThat(p.dateOf("a".repeat(40) + "b")).isEmpty();
    }

    @Test
    void monthNamesAndTwoDigitYearsAreRead() {
        DatePattern p = DatePlaceholders.find("backup-$(date +%d%b%y).zip").orElseThrow();
        assertThat(p.dateOf("backup-14Mar24.zip")).contains(LocalDate.of(2024, 3, 14));
        assertThat(p.render(LocalDate.of(2024, 3, 14))).isEqualTo("backup-14Mar24.zip");
    }

    @Test
    void relativeDaysAreReadTheWayGnuDateReadsThem() {
        assertThat(DatePlaceholders.relativeDays("yesterday")).isEqualTo(-1);
        assertThat(DatePlaceholders.relativeDays("1 week ago")).isEqualTo(-7);
        assertThat(DatePlaceholders.relativeDays("now - 3 days")).isEqualTo(-3);
        assertThat(DatePlaceholders.relativeDays("-24 hours")).isEqualTo(-1);
        assertThat(DatePlaceholders.relativeDays("next friday")).isNull();
    }

    @Property
    void anyWordGivesAPatternOrNothingNeverAnException(@ForAll String word, @ForAll String concrete) {
        assertThatCode(() -> {
            Optional<DatePattern> p = DatePlaceholders.find(word);
            p.ifPresent(x -> {
                x.dateOf(concrete);
                x.render(LocalDate.of(2024, 3, 15));
            });
        }).doesNotThrowAnyException();
    }

    @Property
    void anyDateFormatGivesAPatternOrNothingNeverAnException(@ForAll("formats") String format,
            @ForAll String concrete) {
        assertThatCode(() -> DatePlaceholders.find("/d/$(date +" + format + ")").ifPresent(p -> {
            p.dateOf(concrete);
            p.dateOf(p.render(LocalDate.of(2024, 3, 15)));
        })).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> formats() {
        return net.jqwik.api.Arbitraries.strings().withChars("%YmdHMSFTjbBaAuwseykIp-_0/*?x").ofMaxLength(12);
    }
}
