package org.huisu.formats.toollog;

import java.time.ZoneId;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * An application's own log line that says a file was captured, packed, uploaded, downloaded,
 * copied, moved or deleted: a time near the start ({@code 2024-03-15 02:30:05},
 * {@code [2024-03-15 02:30:05]}, {@code 2024/03/15 02:30:05.123+08:00}, epoch milliseconds…), at
 * least one absolute local path, URL or bucket URI, and a word for what happened, in English or
 * Chinese ({@code uploaded}, {@code 上传成功}, {@code removed}, {@code 删除}, {@code captured},
 * {@code 抓拍}…), or an arrow from a local path to a remote place. Lines without a time, a place or
 * such a word are skipped, not errors: most lines of an application's log are about something else.
 */
public final class ApplicationLogParser implements LineParser<ToolLogEvent> {

    private final ZoneId zone;

    /** Times written without a zone are read in {@code zone}, the zone the machine kept. */
    public ApplicationLogParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "app-log";
    }

    @Override
    public boolean recognizes(String line) {
        return line != null && (line.indexOf('/') >= 0 || line.indexOf('\\') >= 0) && LineTime.find(line, zone) != null;
    }

    @Override
    public Parsed<ToolLogEvent> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        LineTime.Stamp stamp = LineTime.find(line, zone);
        if (stamp == null) {
            return Parsed.skip("no time at the start of the line");
        }
        List<Mentions.Mention> mentions = Mentions.find(line, stamp.end());
        if (mentions.isEmpty()) {
            return Parsed.skip("no local path, URL or bucket URI");
        }
        Verbs.Reading reading = Verbs.read(line, stamp.end(), mentions);
        EventKind kind = Events.resolve(reading, line, stamp.end(), mentions);
        if (kind == null) {
            return Parsed.skip("no word saying what happened to the file");
        }
        return Parsed.value(Events.of(stamp.time(), kind, mentions, null, line, reading.failed(), null, null, null));
    }
}
