package org.huisu.formats.toollog;

import java.time.ZoneId;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * Any line of an upload tool's or an application's log: the first tool parser that recognizes the
 * line (aws cli, rclone, ossutil) reads it, and an application's log line goes to
 * {@link ApplicationLogParser}, which comes last because it takes any line with a time, a place and
 * a verb.
 */
public final class ToolLogParser implements LineParser<ToolLogEvent> {

    private final List<LineParser<ToolLogEvent>> tools;
    private final ApplicationLogParser application;

    /** Times written without a zone are read in {@code zone}, the zone the machine kept. */
    public ToolLogParser(ZoneId zone) {
        this.tools = List.of(new AwsCliLogParser(zone), new RcloneLogParser(zone), new OssutilLogParser());
        this.application = new ApplicationLogParser(zone);
    }

    /** The parsers tried, in order: the tools' own first, the application's last. */
    public List<LineParser<ToolLogEvent>> parsers() {
        return List.of(tools.get(0), tools.get(1), tools.get(2), application);
    }

    @Override
    public String name() {
        return "tool-log";
    }

    @Override
    public boolean recognizes(String line) {
        return tools.stream().anyMatch(t -> t.recognizes(line)) || application.recognizes(line);
    }

    @Override
    public Parsed<ToolLogEvent> parse(String line) {
        for (LineParser<ToolLogEvent> tool : tools) {
            if (tool.recognizes(line)) {
                return tool.parse(line);
            }
        }
        return application.parse(line);
    }
}
