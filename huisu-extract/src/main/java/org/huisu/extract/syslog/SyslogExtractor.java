package org.huisu.extract.syslog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.LineLogExtractor;
import org.huisu.extract.text.TextLines;
import org.huisu.extract.toollog.ToolEvents;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.syslog.CronCommand;
import org.huisu.formats.syslog.SyslogEntry;
import org.huisu.formats.syslog.SyslogParser;
import org.huisu.formats.toollog.ToolLogEvent;
import org.huisu.formats.toollog.ToolLogParser;

/**
 * Syslog files (BSD, RFC 5424, ISO-stamped rsyslog and journal exports, OpenWrt logread): the jobs
 * cron and systemd ran become RUN activities, tied to the cron job's actor; an application's
 * message that says it captured, uploaded or deleted a file becomes that activity, as in the
 * application's own log. A BSD line has no year and no zone: the year is the latest that puts the
 * line on or before the file's last change, the zone the source's.
 */
public final class SyslogExtractor extends LineLogExtractor<SyslogEntry> {

    private static final Map<ZoneId, ToolLogParser> TOOLS = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public String description() {
        return "syslog files: runs of cron jobs and systemd units, and applications' messages about files";
    }

    @Override
    protected boolean mayAssumeZone() {
        return true;
    }

    @Override
    protected LineParser<SyslogEntry> parser(Item item) {
        ZoneId zone = item.zone();
        var times = item.artifact().times();
        LocalDate lastDay = times != null && times.modified() != null
                ? times.modified().atZone(zone).toLocalDate() : LocalDate.now(zone);
        return SyslogParser.endingOn(lastDay, zone);
    }

    @Override
    protected Recorder<SyslogEntry> recorder(Item item) {
        ToolEvents tools = new ToolEvents();
        ToolLogParser parser = TOOLS.computeIfAbsent(item.zone(), ToolLogParser::new);
        return (e, line, out) -> record(e, line, out, parser, tools);
    }

    private static void record(SyslogEntry e, TextLines.Line line, Emitter out, ToolLogParser parser,
            ToolEvents tools) {
        CronCommand cron = CronCommand.of(e);
        if (cron != null) {
            if (!cron.finished()) {
                Map<String, Object> a = attributes(e, line);
                a.put("user", cron.user());
                a.put("by", "cron");
                out.activity(new Activity(null, ActivityKind.RUN, null, e.time(), null, null, null, null,
                        cron.command(), a), new Emitter.ActorKey(ActorKind.JOB, jobName(cron.user(), cron.command())));
            }
            return;
        }
        String unit = systemdStart(e);
        if (unit != null) {
            Map<String, Object> a = attributes(e, line);
            a.put("by", "systemd");
            out.activity(new Activity(null, ActivityKind.RUN, null, e.time(), null, null, null, null, unit, a), null);
            return;
        }
        if (e.message() != null && e.time() != null && (e.message().indexOf('/') >= 0
                || e.message().indexOf('\\') >= 0)) {
            // the application's message read as its own log line would be, at the syslog line's time
            Parsed<ToolLogEvent> p = parser.parse(e.time() + " " + e.message());
            if (p instanceof Parsed.Value<ToolLogEvent> v) {
                Map<String, Object> a = attributes(e, line);
                tools.emit(v.value(), a, out);
            }
        }
    }

    /** The cron job's actor, named as the crontab extractor names it so that both meet. */
    public static String jobName(String user, String command) {
        return "cron " + user + ": " + command;
    }

    private static String systemdStart(SyslogEntry e) {
        if (e.program() == null || !e.program().equals("systemd") || e.message() == null) {
            return null;
        }
        String m = e.message();
        // every version says "Starting" once a run; "Started" is missing for one-shot units since v245
        if (!m.startsWith("Starting ")) {
            return null;
        }
        String what = m.substring("Starting ".length());
        return what.endsWith("...") ? what.substring(0, what.length() - 3) : what;
    }

    private static Map<String, Object> attributes(SyslogEntry e, TextLines.Line line) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("line", line.number());
        a.put("text", kept(line));
        if (e.host() != null) {
            a.put("host", e.host());
        }
        if (e.program() != null) {
            a.put("program", e.program());
        }
        if (e.pid() != null) {
            a.put("pid", e.pid());
        }
        return a;
    }
}
