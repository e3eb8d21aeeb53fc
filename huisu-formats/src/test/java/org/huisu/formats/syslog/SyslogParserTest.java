package org.huisu.formats.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.formats.Parsed;
import org.huisu.formats.network.TextVariants;
import org.junit.jupiter.api.Test;

class SyslogParserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private final SyslogParser parser = SyslogParser.forYear(2024, OFFICE);

    static List<String> lines(String fixture) {
        try (InputStream in = SyslogParserTest.class.getResourceAsStream(fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SyslogEntry value(SyslogParser p, String line) {
        Parsed<SyslogEntry> parsed = p.parse(line);
        assertThat(parsed).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value<SyslogEntry>) parsed).value();
    }

    private String error(String line) {
        Parsed<SyslogEntry> parsed = parser.parse(line);
        assertThat(parsed).isInstanceOf(Parsed.Error.class);
        return ((Parsed.Error<SyslogEntry>) parsed).message();
    }

    @Test
    void everyLineOfRealSyslogFilesParsesWithZeroErrors() {
        List<String> all = new ArrayList<>(lines("syslog"));
        all.addAll(lines("logread.txt"));
        assertThat(all).allSatisfy(l -> assertThat(parser.parse(l)).isInstanceOf(Parsed.Value.class));
        assertThat(all).allMatch(parser::recognizes);
    }

    @Test
    void aBsdCronLineGivesHostProgramPidAndMessageInTheCallersZone() {
        assertThat(value(parser, lines("syslog").get(1))).isEqualTo(new SyslogEntry(
                Instant.parse("2024-03-14T18:30:01Z"), "img-server-01", "CRON", "21912", null, null,
                "(facecap) CMD (/opt/facecap/bin/daily_upload.sh >> /var/log/facecap/upload.log 2>&1)", null, null));
    }

    @Test
    void aPriGivesFacilityAndSeverity() {
        assertThat(value(parser, "<78>Mar 15 02:30:01 img-server-01 CRON[21912]: (facecap) CMD (true)"))
                .isEqualTo(new SyslogEntry(Instant.parse("2024-03-14T18:30:01Z"), "img-server-01", "CRON", "21912", 9,
                        6, "(facecap) CMD (true)", null, null));
    }

    @Test
    void aSingleDigitDayIsPaddedWithASpace() {
        assertThat(value(parser, "Mar  5 07:00:01 img-server-01 systemd[1]: Starting Daily apt upgrade...").time())
                .isEqualTo(Instant.parse("2024-03-04T23:00:01Z"));
    }

    @Test
    void aTagWithoutPidAndALineWithoutTagAreKept() {
        assertThat(value(parser, lines("syslog").get(8))).isEqualTo(new SyslogEntry(
                Instant.parse("2024-03-15T01:13:02Z"), "img-server-01", "kernel", null, null, null,
                "[1209331.774512] EXT4-fs (sdb1): mounted filesystem with ordered data mode. Quota mode: none.", null,
                null));
        assertThat(value(parser, lines("syslog").get(9))).isEqualTo(new SyslogEntry(
                Instant.parse("2024-03-15T01:13:05Z"), "img-server-01", null, null, null, null,
                "last message repeated 2 times", null, null));
    }

    @Test
    void aSenderThatLeavesOutItsHostNameHasNoHost() {
        SyslogEntry e = value(parser, "<30>Mar 15 02:30:01 facecap[1023]: face captured id=C1");
        assertThat(e.host()).isNull();
        assertThat(e.program()).isEqualTo("facecap");
        assertThat(e.message()).isEqualTo("face captured id=C1");
    }

    @Test
    void linesAroundNewYearTakeTheYearThatEndsOnTheFilesLastDay() {
        SyslogParser endingOnNewYear = SyslogParser.endingOn(LocalDate.of(2025, 1, 1), OFFICE);
        List<String> lines = lines("syslog-new-year");

        assertThat(value(endingOnNewYear, lines.get(0)).time()).isEqualTo(Instant.parse("2024-12-31T15:59:58Z"));
        assertThat(value(endingOnNewYear, lines.get(1)).time()).isEqualTo(Instant.parse("2024-12-31T16:00:02Z"));
        assertThat(value(endingOnNewYear, lines.get(2)).time()).isEqualTo(Instant.parse("2024-12-31T18:30:01Z"));
    }

    @Test
    void aFixedYearPutsEveryLineInThatYear() {
        assertThat(value(SyslogParser.forYear(2024, OFFICE), lines("syslog-new-year").get(1)).time())
                .isEqualTo(Instant.parse("2023-12-31T16:00:02Z"));
    }

    @Test
    void the29thOfFebruaryFindsTheLastLeapYear() {
        SyslogParser endingIn2025 = SyslogParser.endingOn(LocalDate.of(2025, 6, 1), OFFICE);
        assertThat(value(endingIn2025, "Feb 29 12:00:00 h p: m").time()).isEqualTo(Instant.parse("2024-02-29T04:00:00Z"));
    }

    @Test
    void anRfc5424LineGivesEveryField() {
        assertThat(value(parser, "<34>1 2024-03-15T02:30:01.003+08:00 img-server-01 facecap 4711 UPLOAD"
                + " [meta@32473 file=\"/data/archive/faces-20240314.tar.gz\" note=\"a \\\"quoted\\] word\"] uploaded archive"))
                .isEqualTo(new SyslogEntry(Instant.parse("2024-03-14T18:30:01.003Z"), "img-server-01", "facecap", "4711",
                        4, 2, "uploaded archive", "UPLOAD",
                        "[meta@32473 file=\"/data/archive/faces-20240314.tar.gz\" note=\"a \\\"quoted\\] word\"]"));
    }

    @Test
    void theRfc5424ExampleWithNilFieldsTwoElementsAndAByteOrderMarkIsRead() {
        assertThat(value(parser, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
                + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
                + "[examplePriority@32473 class=\"high\"] \uFEFFAn application event log entry..."))
                .isEqualTo(new SyslogEntry(Instant.parse("2003-10-11T22:14:15.003Z"), "mymachine.example.com",
                        "evntslog", null, 20, 5, "An application event log entry...", "ID47",
                        "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
                                + "[examplePriority@32473 class=\"high\"]"));
        assertThat(value(parser, "<13>1 - - - - - -")).isEqualTo(
                new SyslogEntry(null, null, null, null, 1, 5, null, null, null));
    }

    @Test
    void rsyslogsIsoTimestampFormIsRead() {
        assertThat(value(parser, "2024-03-15T02:30:01.123456+08:00 img-server-01 CRON[21912]: (facecap) CMD (x)"))
                .isEqualTo(new SyslogEntry(Instant.parse("2024-03-14T18:30:01.123456Z"), "img-server-01", "CRON",
                        "21912", null, null, "(facecap) CMD (x)", null, null));
    }

    @Test
    void journalctlShortIsoWithAnOffsetWithoutColonIsRead() {
        assertThat(value(parser, "2024-03-15T02:30:01+0800 img-server-01 systemd[1]: Started cron.service.").time())
                .isEqualTo(Instant.parse("2024-03-14T18:30:01Z"));
    }

    @Test
    void openWrtLogreadGivesFacilityAndSeverityByNameAndNoHost() {
        assertThat(value(parser, lines("logread.txt").get(5))).isEqualTo(new SyslogEntry(
                Instant.parse("2024-03-14T18:00:11Z"), null, "dnsmasq-dhcp", "1874", 3, 6,
                "DHCPACK(br-lan) 192.168.10.20 52:54:00:3a:91:0c img-server-01", null, null));
        assertThat(value(parser, lines("logread.txt").get(2))).isEqualTo(new SyslogEntry(
                Instant.parse("2024-03-14T00:12:09Z"), null, "pppd", "2211", 3, 5,
                "local  IP address 100.72.14.9", null, null));
    }

    @Test
    void linesOutsideTheFormatsAreErrorsThatSayWhy() {
        assertThat(error("hello world")).isEqualTo(
                "expected a syslog time at the start: 'Mmm dd hh:mm:ss', an ISO 8601 time or '<PRI>1 '");
        assertThat(error("<999>Mar 15 02:30:01 h p: m")).isEqualTo("a <PRI> must be a number from 0 to 191");
        assertThat(error("Feb 30 02:30:01 h p: m")).isEqualTo("'Feb 30 02:30:01' is not a valid date and time");
        assertThat(error("<34>1 yesterday host app - - - msg")).isEqualTo(
                "RFC 5424: 'yesterday' is not an ISO 8601 time with a zone");
        assertThat(error("<34>1 2024-03-15T02:30:01Z host app - - [x a=\"b\" msg")).isEqualTo(
                "RFC 5424: the structured data is not closed");
        assertThat(parser.parse("")).isInstanceOf(Parsed.Skip.class);
    }

    @Property
    void anyLineGivesAnEntryOrAnErrorNeverAnException(@ForAll("syslogLines") String line) {
        SyslogParser rolling = SyslogParser.endingOn(LocalDate.of(2025, 1, 1), OFFICE);
        assertThatCode(() -> {
            parser.parse(line);
            parser.recognizes(line);
            rolling.parse(line);
            if (parser.parse(line) instanceof Parsed.Value<SyslogEntry> v) {
                CronCommand.of(v.value());
            }
            CronCommand.parse(line);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> syslogLines() {
        List<String> samples = new ArrayList<>(lines("syslog"));
        samples.addAll(lines("logread.txt"));
        samples.add("<34>1 2024-03-15T02:30:01.003+08:00 img-server-01 facecap 4711 UPLOAD [m@1 a=\"b\\\"\"] x");
        samples.add("2024-03-15T02:30:01.123456+08:00 img-server-01 CRON[21912]: (facecap) CMD (x)");
        return TextVariants.of(samples);
    }
}
