package org.huisu.formats.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class CrontabParserTest {

    private static final Map<String, String> DEBIAN_ENV = Map.of("SHELL", "/bin/sh");

    @Test
    void theDebianSystemCrontabHasFourJobsAndNothingWrong() {
        List<Parsed<CronJob>> parsed = CrontabParser.parseSystem(Fixtures.text("debian-crontab"));
        assertThat(parsed).hasSize(23).noneMatch(p -> p instanceof Parsed.Error);
        assertThat(parsed.get(6)).isEqualTo(Parsed.skip("environment SHELL"));
        assertThat(Fixtures.values(parsed)).extracting(CronJob::line).containsExactly(19, 20, 21, 22);
    }

    @Test
    void aSystemJobHasItsUserAndCommand() {
        CronJob weekly = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("debian-crontab"))).get(2);
        assertThat(weekly).isEqualTo(new CronJob(21, "root", "47 6 * * 7",
                "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }", "", DEBIAN_ENV,
                Fixtures.value(CronSchedule.parse("47 6 * * 7"))));
        assertThat(weekly.describe()).isEqualTo("at 06:47 on Sunday");
    }

    @Test
    void theDebianJobsDescribeThemselves() {
        assertThat(Fixtures.values(CrontabParser.parseSystem(Fixtures.text("debian-crontab"))))
                .extracting(CronJob::describe).containsExactly("at minute 17 of every hour", "every day at 06:25",
                        "at 06:47 on Sunday", "at 06:52 on day 1 of the month");
    }

    @Test
    void aCronDFileGivesEachJobTheEnvironmentAboveIt() {
        CronJob archive = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(0);
        assertThat(archive).isEqualTo(new CronJob(7, "face", "30 2 * * *",
                "/opt/face/bin/face-archive.sh >> /var/log/face-archive.log 2>&1", "",
                Map.of("MAILTO", "ops@lakeview-sales.example", "CRON_TZ", "Asia/Shanghai", "PATH",
                        "/usr/local/bin:/usr/bin:/bin", "OSS_ACCESS_KEY_SECRET", "Hx8d****"),
                Fixtures.value(CronSchedule.parse("30 2 * * *"))));
        assertThat(archive.zone()).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(archive.describe()).isEqualTo("every day at 02:30");
    }

    @Test
    void aSecretInTheCrontabEnvironmentIsNeverKept() {
        assertThat(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive")).toString())
                .doesNotContain("Hx8dK2pLq9WmZr4TnB7v");
    }

    @Test
    void aTrailingHashIsPartOfTheCommand() {
        CronJob sync = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(1);
        assertThat(sync.command()).isEqualTo("/opt/face/bin/sync-crops.sh --camera all # office hours");
    }

    @Test
    void aStepWithinHoursIsDescribedAsARange() {
        CronJob sync = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(1);
        assertThat(sync.describe()).isEqualTo("every 10 minutes from 08:00 to 21:50 on Monday to Saturday");
    }

    @Test
    void monthNamesAndDayNamesAreRead() {
        List<CronJob> jobs = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive")));
        assertThat(jobs.get(1).when().daysOfWeek()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(jobs.get(2).when().months()).containsExactly(1, 7);
        assertThat(jobs.get(2).describe()).isEqualTo("at 03:00 on day 1 of the month in January and July");
    }

    @Test
    void anEscapedPercentIsAPercentInTheCommand() {
        CronJob tar = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(3);
        assertThat(tar.command()).isEqualTo("tar czf /backup/faces-$(date +%Y%m%d).tgz /data/pack");
        assertThat(tar.input()).isEmpty();
    }

    @Test
    void aUserCrontabBelongsToItsOwnerAndKnowsReboot() {
        List<CronJob> jobs = Fixtures.values(CrontabParser.parseUser(Fixtures.text("crontab-face"), "face"));
        assertThat(jobs.get(0)).isEqualTo(new CronJob(5, "face", "@reboot",
                "/opt/face/bin/capture-daemon --config /etc/face/capture.yml", "", Map.of(),
                Fixtures.value(CronSchedule.parse("@reboot"))));
        assertThat(jobs.get(0).describe()).isEqualTo("at every boot");
        assertThat(jobs.get(0).runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0)))
                .isEmpty();
    }

    @Test
    void aShorthandIsReadAsItsFields() {
        CronJob daily = Fixtures.values(CrontabParser.parseUser(Fixtures.text("crontab-face"), "face")).get(1);
        assertThat(daily.schedule()).isEqualTo("@daily");
        assertThat(daily.command()).isEqualTo("/usr/bin/ossutil64 cp -r /data/pack oss://lakeview-faces/pack/ -f");
        assertThat(daily.describe()).isEqualTo("every day at 00:00");
    }

    @Test
    void anUnescapedPercentStartsTheStandardInput() {
        CronJob mail = Fixtures.values(CrontabParser.parseUser(Fixtures.text("crontab-face"), "face")).get(3);
        assertThat(mail.command()).isEqualTo("mail -s \"face report\" ops@lakeview-sales.example");
        assertThat(mail.input()).isEqualTo("Daily report attached.\n-- face");
    }

    @Test
    void runsBetweenListsTheLocalRunTimes() {
        CronJob weekdays = Fixtures.values(CrontabParser.parseUser(Fixtures.text("crontab-face"), "face")).get(2);
        assertThat(weekdays.runsBetween(LocalDateTime.of(2024, 3, 15, 0, 0), LocalDateTime.of(2024, 3, 19, 0, 5)))
                .containsExactly(LocalDateTime.of(2024, 3, 15, 0, 5), LocalDateTime.of(2024, 3, 18, 0, 5));
    }

    @Test
    void runInstantsFollowCronTzOverTheMachinesZone() {
        CronJob archive = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(0);
        assertThat(archive.runsBetween(Instant.parse("2024-03-14T00:00:00Z"), Instant.parse("2024-03-16T00:00:00Z"),
                ZoneId.of("UTC"))).containsExactly(Instant.parse("2024-03-14T18:30:00Z"),
                        Instant.parse("2024-03-15T18:30:00Z"));
    }

    @Test
    void aJobsCommandIsReadByTheShellReaderForItsUploads() {
        CronJob daily = Fixtures.values(CrontabParser.parseUser(Fixtures.text("crontab-face"), "face")).get(1);
        List<org.huisu.formats.shell.ScriptCommand> commands = Fixtures.values(
                org.huisu.formats.shell.ShellScriptParser.parseScript(daily.command(), daily.environment()));
        assertThat(org.huisu.formats.shell.TransferCommands.classify(commands).uploads())
                .singleElement().satisfies(u -> {
                    assertThat(u.tool()).isEqualTo("ossutil");
                    assertThat(u.destination().bucket()).isEqualTo("lakeview-faces");
                });
    }

    @Test
    void aJobsDatedFileNameIsADailyPattern() {
        CronJob tar = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(3);
        String archive = org.huisu.formats.shell.ShellWords.split(tar.command()).stream()
                .map(p -> ((Parsed.Value<org.huisu.formats.shell.SimpleCommand>) p).value()).findFirst()
                .orElseThrow().texts().get(2);
        assertThat(org.huisu.formats.shell.DatePlaceholders.find(archive)).hasValueSatisfying(p -> {
            assertThat(p.template()).isEqualTo("/backup/faces-%Y%m%d.tgz");
            assertThat(p.isDaily()).isTrue();
        });
    }

    @Test
    void theNextRunsAfterAnInstantAreReadInCronTz() {
        CronJob archive = Fixtures.values(CrontabParser.parseSystem(Fixtures.text("cron.d-face-archive"))).get(0);
        assertThat(archive.nextRuns(Instant.parse("2024-03-14T18:30:00Z"), ZoneId.of("UTC"), 2))
                .containsExactly(Instant.parse("2024-03-15T18:30:00Z"), Instant.parse("2024-03-16T18:30:00Z"));
    }

    @Test
    void aBadFieldIsAnErrorNamingIt() {
        List<Parsed<CronJob>> parsed = CrontabParser.parseSystem("7 25 * * * root /bin/true\n");
        assertThat(parsed).containsExactly(Parsed.error("line 1: the hour field '25' is outside 0-23"));
    }

    @Test
    void aJobWithoutCommandIsAnError() {
        assertThat(CrontabParser.parseSystem("30 2 * * * root\n")).containsExactly(Parsed.error(
                "line 1: expected five time fields, a user and a command; the line ends after 6 fields"));
        assertThat(CrontabParser.parseUser("@daily\n", "face")).containsExactly(Parsed.error(
                "line 1: expected a schedule and a command; the line ends after 1 field"));
    }

    @Test
    void aLineThatIsNeitherJobNorAssignmentIsAnError() {
        assertThat(CrontabParser.parseUser("no crontab for face\n", "face")).containsExactly(Parsed.error(
                "line 1: neither a job (it does not start with a schedule) nor an environment assignment"));
    }

    @Property
    void anyTextGivesJobsSkipsOrErrorsNeverAnException(@ForAll String text) {
        assertThatCode(() -> {
            CrontabParser.parseSystem(text);
            CrontabParser.parseUser(text, "u");
        }).doesNotThrowAnyException();
    }

    @Property
    void anyScheduleLikeLineGivesAJobOrAnErrorNeverAnException(@ForAll("cronish") String line) {
        assertThatCode(() -> Fixtures.values(CrontabParser.parseUser(line, "u")).forEach(j -> {
            j.describe();
            j.when().nextRunAfter(LocalDateTime.of(2024, 1, 1, 0, 0));
            j.runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 3, 0, 0));
        })).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> cronish() {
        net.jqwik.api.Arbitrary<String> field = net.jqwik.api.Arbitraries.strings().withChars("0123456789*/-,")
                .ofMinLength(1).ofMaxLength(6);
        return field.list().ofSize(5).map(f -> String.join(" ", f) + " cmd");
    }
}
