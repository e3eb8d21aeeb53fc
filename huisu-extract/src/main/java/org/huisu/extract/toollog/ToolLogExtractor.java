package org.huisu.extract.toollog;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.LineLogExtractor;
import org.huisu.extract.text.TextLines;
import java.util.stream.Stream;
import org.huisu.formats.LineParser;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.syslog.SyslogParser;
import org.huisu.formats.toollog.ToolLogEvent;
import org.huisu.formats.toollog.ToolLogParser;
import org.huisu.formats.weblog.CombinedLogParser;

/**
 * Logs of upload tools (rclone, ossutil, aws cli) and applications' own logs: each line with a
 * time and a local path, URL or bucket URI that says a file was captured, packed, uploaded,
 * downloaded, copied, moved or deleted becomes that activity, the line kept as its evidence. Most
 * lines of an application's log are about something else and are passed over, not errors.
 */
public final class ToolLogExtractor extends LineLogExtractor<ToolLogEvent> {

    private static final Map<ZoneId, ToolLogParser> PARSERS = new ConcurrentHashMap<>();
    /** Formats read by their own extractors: a web log's lines also have a time and a path. */
    private static final List<LineParser<?>> OTHER_FORMATS = Stream.concat(
            Stream.<LineParser<?>>of(new CombinedLogParser(), SyslogParser.forYear(2000, ZoneId.of("UTC"))),
            CloudLogFormats.all().stream()).toList();

    @Override
    public String name() {
        return "tool-log";
    }

    @Override
    public String description() {
        return "upload tools' and applications' logs: captures, packs, uploads, downloads and deletions of files";
    }

    @Override
    protected boolean mayAssumeZone() {
        return true;
    }

    @Override
    protected LineParser<ToolLogEvent> parser(Item item) {
        return PARSERS.computeIfAbsent(item.zone(), ToolLogParser::new);
    }

    @Override
    protected List<LineParser<?>> yieldsTo() {
        return OTHER_FORMATS;
    }

    /** Any line about a file will do, unless the file is in a format of its own. */
    @Override
    protected boolean isInFormat(LineParser<ToolLogEvent> parser, List<String> head) {
        return head.stream().anyMatch(parser::recognizes) && !isMostlyIn(yieldsTo(), head);
    }

    @Override
    protected Recorder<ToolLogEvent> recorder(Item item) {
        ToolEvents events = new ToolEvents();
        return (e, line, out) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("line", line.number());
            a.put("text", kept(line));
            events.emit(e, a, out);
        };
    }
}
