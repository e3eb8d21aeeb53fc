package org.huisu.formats.toollog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * What {@code aws s3 cp|mv|rm|sync} prints, one line a file: {@code upload: ../../data/x.tar.gz to
 * s3://bucket/key}, {@code download: s3://… to …}, {@code copy: s3://… to s3://…},
 * {@code move: …}, {@code delete: s3://bucket/key}, their {@code … failed:} forms and
 * {@code fatal error:}; these have no time. With {@code --debug}, botocore's
 * {@code Making request for OperationModel(name=PutObject) … 'url': '…'} lines carry a local time
 * and the request's URL. Dry runs ({@code (dryrun) upload: …}) and progress lines are skipped.
 */
public final class AwsCliLogParser implements LineParser<ToolLogEvent> {

    static final String TOOL = "aws-cli";

    private static final List<String> ACTIONS = List.of("upload", "download", "copy", "move", "delete");

    private final ZoneId zone;

    /** The debug log's times, written without a zone, are read in {@code zone}. */
    public AwsCliLogParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "aws-cli-log";
    }

    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        String l = lastPart(line);
        if (l.startsWith("(dryrun) ") || l.startsWith("fatal error: ") || l.startsWith("Completed ")
                && l.contains(" file(s) remaining")) {
            return true;
        }
        for (String a : ACTIONS) {
            if (l.startsWith(a + ": ") || l.startsWith(a + " failed: ")) {
                return true;
            }
        }
        return l.contains(" - botocore.") || l.contains(" - awscli.") || l.contains(" - s3transfer.");
    }

    @Override
    public Parsed<ToolLogEvent> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        String l = lastPart(line);
        if (l.startsWith("(dryrun) ")) {
            return Parsed.skip("a dry run: nothing was transferred");
        }
        if (l.startsWith("Completed ")) {
            return Parsed.skip("progress");
        }
        if (l.startsWith("fatal error: ")) {
            return Parsed.value(Events.of(null, EventKind.ERROR, Mentions.find(l, 0), TOOL, line, true, null, null,
                    null));
        }
        for (String action : ACTIONS) {
            boolean failed = l.startsWith(action + " failed: ");
            if (failed || l.startsWith(action + ": ")) {
                return action(action, l.substring(action.length() + (failed ? 9 : 2)), failed, line);
            }
        }
        if (l.contains(" - botocore.") || l.contains(" - awscli.") || l.contains(" - s3transfer.")) {
            return debug(l, line);
        }
        return Parsed.skip("not a line about a file");
    }

    private Parsed<ToolLogEvent> action(String action, String rest, boolean failed, String raw) {
        EventKind kind = switch (action) {
            case "upload" -> EventKind.UPLOAD;
            case "download" -> EventKind.DOWNLOAD;
            case "copy" -> EventKind.COPY;
            case "move" -> EventKind.MOVE;
            default -> EventKind.DELETE;
        };
        List<String> places = new ArrayList<>();
        if (kind == EventKind.DELETE) {
            places.add(failed ? firstWord(rest) : rest);
        } else {
            // the destination of an upload or copy starts "s3://"; a download's is the local rest
            int to = rest.indexOf(" to s3://");
            if (to < 0) {
                to = rest.lastIndexOf(" to ");
            }
            if (to <= 0) {
                return Parsed.error("expected '" + action + ": SOURCE to DESTINATION'");
            }
            places.add(rest.substring(0, to));
            String destination = rest.substring(to + 4);
            places.add(failed ? firstWord(destination) : destination);
        }
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String p : places) {
            (p.startsWith("s3://") ? remote : local).add(p);
        }
        return Parsed.value(new ToolLogEvent(null, kind, local, remote, List.of(), TOOL, raw, failed, null, null,
                null));
    }

    /** {@code 2024-03-15 02:30:05,123 - MainThread - botocore.endpoint - DEBUG - Making request for …}. */
    private Parsed<ToolLogEvent> debug(String l, String raw) {
        int marker = l.indexOf("Making request for OperationModel(name=");
        if (marker < 0) {
            return Parsed.skip("a debug line about something else");
        }
        int nameStart = marker + "Making request for OperationModel(name=".length();
        int nameEnd = l.indexOf(')', nameStart);
        String operation = nameEnd < 0 ? "" : l.substring(nameStart, nameEnd);
        EventKind kind = switch (operation) {
            case "PutObject", "CompleteMultipartUpload" -> EventKind.UPLOAD;
            case "GetObject" -> EventKind.DOWNLOAD;
            case "CopyObject" -> EventKind.COPY;
            case "DeleteObject", "DeleteObjects" -> EventKind.DELETE;
            default -> null;
        };
        if (kind == null) {
            return Parsed.skip("a request that moves no object: " + operation);
        }
        LineTime.Stamp stamp = LineTime.find(l, zone);
        if (stamp == null) {
            return Parsed.error("a debug line without its time");
        }
        List<String> urls = new ArrayList<>();
        int url = l.indexOf("'url': '");
        if (url >= 0) {
            int end = l.indexOf('\'', url + 8);
            if (end > url + 8) {
                urls.add(l.substring(url + 8, end));
            }
        }
        return Parsed.value(new ToolLogEvent(stamp.time(), kind, List.of(), List.of(), urls, TOOL, raw, false,
                null, null, null));
    }

    /** What a terminal shows of a line that progress output rewrote with carriage returns. */
    static String lastPart(String line) {
        String l = line;
        while (l.endsWith("\r") || l.endsWith("\n")) {
            l = l.substring(0, l.length() - 1);
        }
        int cr = l.lastIndexOf('\r');
        return (cr < 0 ? l : l.substring(cr + 1)).strip();
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
