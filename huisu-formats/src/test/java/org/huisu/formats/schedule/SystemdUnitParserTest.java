package org.huisu.formats.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class SystemdUnitParserTest {

    private static SystemdUnit unit(String name) {
        return Fixtures.value(SystemdUnitParser.parse(Fixtures.text(name)));
    }

    @Test
    void aUnitFileIsReadIntoSectionsAndEntries() {
        SystemdUnit u = unit("face-archive.timer");
        assertThat(u.sections()).containsExactly("Unit", "Timer", "Install");
        assertThat(u.entries()).first().isEqualTo(new SystemdUnit.Entry(2, "Unit", "Description",
                "Pack and upload yesterday's face captures"));
        assertThat(u.warnings()).isEmpty();
    }

    @Test
    void repeatedKeysAreKeptInOrder() {
        assertThat(unit("face-archive.timer").values("Timer", "OnCalendar"))
                .containsExactly("*-*-* 02:30:00", "Sat,Sun 12:00");
    }

    @Test
    void anEmptyAssignmentClearsAList() {
        SystemdUnit u = Fixtures.value(SystemdUnitParser.parse(
                "[Service]\nExecStart=/bin/a\nExecStart=\nExecStart=/bin/b\n"));
        assertThat(u.values("Service", "ExecStart")).containsExactly("/bin/b");
    }

    @Test
    void continuedLinesAreJoinedAndCommentsInsideSkipped() {
        SystemdUnit u = unit("face-archive.service");
        // systemd turns each backslash into a space and keeps the space before it
        assertThat(u.value("Service", "ExecStart"))
                .contains("/opt/face/bin/face-archive.sh  --source /data/capture  --bucket ${BUCKET}");
        assertThat(u.entries()).filteredOn(e -> e.key().equals("ExecStart")).extracting(SystemdUnit.Entry::line)
                .containsExactly(15);
        assertThat(u.value("Service", "Nice")).isEmpty();
    }

    @Test
    void strayLinesAreWarningsNotErrors() {
        Parsed<SystemdUnit> p = SystemdUnitParser.parse("Description=x\n[Unit]\nthis is not a setting\n");
        assertThat(Fixtures.value(p).warnings()).containsExactly(
                "line 1: an assignment outside any section, which systemd ignores",
                "line 3: neither a section header, a comment nor Key=Value");
    }

    @Test
    void textWithoutAnySectionIsNotAUnit() {
        assertThat(SystemdUnitParser.parse("#!/bin/sh\necho hi\n"))
                .isEqualTo(Parsed.error("no [Section] header: not a systemd unit file"));
    }

    @Test
    void aTimerKnowsItsEventsItsUnitAndItsOptions() {
        SystemdTimer t = Fixtures.value(SystemdTimer.of("face-archive.timer", unit("face-archive.timer")));
        assertThat(t).isEqualTo(new SystemdTimer("face-archive.timer", "Pack and upload yesterday's face captures",
                "face-archive.service", List.of(CalendarEvent.parse("*-*-* 02:30:00"), CalendarEvent.parse(
                        "Sat,Sun 12:00")), List.of(), true, "10min"));
        assertThat(t.describe()).containsExactly("every day at 02:30", "at 12:00 on Saturday and Sunday");
    }

    @Test
    void aTimersRunsMergeItsEvents() {
        SystemdTimer t = Fixtures.value(SystemdTimer.of("face-archive.timer", unit("face-archive.timer")));
        assertThat(t.runsBetween(LocalDateTime.of(2024, 3, 16, 0, 0), LocalDateTime.of(2024, 3, 17, 0, 0)))
                .containsExactly(LocalDateTime.of(2024, 3, 16, 2, 30), LocalDateTime.of(2024, 3, 16, 12, 0));
        assertThat(t.runsBetween(Instant.parse("2024-03-15T00:00:00Z"), Instant.parse("2024-03-16T00:00:00Z"),
                ZoneId.of("Asia/Shanghai"))).containsExactly(Instant.parse("2024-03-15T18:30:00Z"));
    }

    @Test
    void aMonotonicTimerNamesItsUnitAndSpans() {
        SystemdTimer t = Fixtures.value(SystemdTimer.of("capture-cleanup.timer", unit("capture-cleanup.timer")));
        assertThat(t.unit()).isEqualTo("capture-cleanup-job.service");
        assertThat(t.monotonic()).containsExactly(
                new MonotonicTrigger("OnBootSec", "15min", Optional.of(Duration.ofMinutes(15))),
                new MonotonicTrigger("OnUnitActiveSec", "1h", Optional.of(Duration.ofHours(1))));
        assertThat(t.describe()).containsExactly("15 minutes after boot",
                "1 hour after the unit last started, again and again");
        assertThat(t.runsBetween(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 2, 0, 0))).isEmpty();
    }

    @Test
    void aServiceKnowsWhatItRunsAsWhomAndWhere() {
        SystemdService s = Fixtures.value(SystemdService.of("face-archive.service", unit("face-archive.service")));
        assertThat(s).isEqualTo(new SystemdService("face-archive.service", "Face archive upload", "oneshot",
                List.of("/opt/face/bin/face-archive.sh  --source /data/capture  --bucket ${BUCKET}"),
                List.of("/usr/bin/test -d /data/capture"),
                List.of("/bin/sh -c 'find /data/capture -mtime +1 -delete'"), List.of(), "face", "face",
                "/data/pack", Map.of("BUCKET", "lakeview-faces", "ENDPOINT", "oss-cn-hangzhou.aliyuncs.com",
                        "OSS_ACCESS_KEY_SECRET", "Hx8d****"), List.of("-/etc/face/archive.env")));
        assertThat(s.toString()).doesNotContain("Hx8dK2pLq9WmZr4TnB7v");
    }

    @Test
    void aServiceIsNotATimer() {
        assertThat(SystemdTimer.of("face-archive.service", unit("face-archive.service")))
                .isEqualTo(Parsed.error("face-archive.service: no [Timer] section, so not a timer unit"));
    }

    @Test
    void aTimerWithoutTriggerIsRefused() {
        SystemdUnit u = Fixtures.value(SystemdUnitParser.parse("[Timer]\nPersistent=true\n"));
        assertThat(SystemdTimer.of("x.timer", u)).isEqualTo(Parsed.error(
                "x.timer: the timer has neither OnCalendar= nor an On…Sec= setting, which systemd refuses"));
    }

    @Test
    void timeSpansReadSystemdUnits() {
        assertThat(SystemdTimer.timeSpan("1h 30min")).contains(Duration.ofMinutes(90));
        assertThat(SystemdTimer.timeSpan("30")).contains(Duration.ofSeconds(30));
        assertThat(SystemdTimer.timeSpan("2d")).contains(Duration.ofDays(2));
        assertThat(SystemdTimer.timeSpan("500ms")).contains(Duration.ofMillis(500));
        assertThat(SystemdTimer.timeSpan("soon")).isEmpty();
    }

    @Property
    void anyTextGivesAUnitOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> {
            Parsed<SystemdUnit> p = SystemdUnitParser.parse(text);
            if (p instanceof Parsed.Value<SystemdUnit> v) {
                SystemdTimer.of("t.timer", v.value());
                SystemdService.of("t.service", v.value());
            }
        }).doesNotThrowAnyException();
    }

    @Property
    void anyTimerTextGivesATimerOrAnErrorNeverAnException(@ForAll String onCalendar, @ForAll String onBoot) {
        assertThatCode(() -> {
            Parsed<SystemdUnit> p = SystemdUnitParser.parse(
                    "[Timer]\nOnCalendar=" + onCalendar + "\nOnBootSec=" + onBoot + "\n");
            if (p instanceof Parsed.Value<SystemdUnit> v
                    && SystemdTimer.of("t.timer", v.value()) instanceof Parsed.Value<SystemdTimer> t) {
                t.value().describe();
                t.value().runsBetween(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"),
                        ZoneId.of("UTC"));
            }
        }).doesNotThrowAnyException();
    }
}
