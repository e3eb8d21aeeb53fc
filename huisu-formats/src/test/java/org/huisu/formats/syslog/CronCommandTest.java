package org.huisu.formats.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class CronCommandTest {

    private final SyslogParser parser = SyslogParser.forYear(2024, ZoneId.of("Asia/Shanghai"));

    private SyslogEntry entry(String line) {
        return ((Parsed.Value<SyslogEntry>) parser.parse(line)).value();
    }

    @Test
    void aCronCmdLineGivesTheUserAndTheWholeCommand() {
        List<String> lines = SyslogParserTest.lines("syslog");
        assertThat(CronCommand.of(entry(lines.get(1)))).isEqualTo(new CronCommand("facecap",
                "/opt/facecap/bin/daily_upload.sh >> /var/log/facecap/upload.log 2>&1", false));
        assertThat(CronCommand.of(entry(lines.get(5)))).isEqualTo(new CronCommand("root",
                "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }", false));
    }

    @Test
    void aCmdendLineSaysTheJobFinished() {
        assertThat(CronCommand.of(entry(SyslogParserTest.lines("syslog").get(3)))).isEqualTo(new CronCommand("facecap",
                "/opt/facecap/bin/daily_upload.sh >> /var/log/facecap/upload.log 2>&1", true));
    }

    @Test
    void busyboxCrondSaysItOtherwise() {
        assertThat(CronCommand.of(entry("Fri Mar 15 02:30:01 2024 cron.info crond[1503]: USER root pid 8812 cmd"
                + " /usr/bin/backup.sh --all"))).isEqualTo(new CronCommand("root", "/usr/bin/backup.sh --all", false));
    }

    @Test
    void otherCronMessagesAndOtherProgramsGiveNoCommand() {
        List<String> lines = SyslogParserTest.lines("syslog");
        assertThat(CronCommand.of(entry(lines.get(2)))).isNull();
        assertThat(CronCommand.parse("(CRON) info (No MTA installed, discarding output)")).isNull();
        assertThat(CronCommand.of(entry("Mar 15 02:30:01 img-server-01 facecap[1]: (facecap) CMD (x)"))).isNull();
    }
}
