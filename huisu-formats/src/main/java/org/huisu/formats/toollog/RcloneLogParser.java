package org.huisu.formats.toollog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * rclone's log ({@code --log-file}, {@code -v}): {@code 2024/03/15 02:30:05 INFO  : faces/a.jpg:
 * Copied (new)}, {@code … : Deleted}, {@code … : Moved (server-side)}, {@code ERROR : …: Failed to
 * copy: …}, in local time (the caller's zone) or with {@code --use-json-log} as JSON. The object is
 * named relative to the transfer's roots, which the {@code -vv} line {@code rclone: Version … starting
 * with parameters […]} gives; that line is kept as an event of the whole run. rclone does not say a
 * copy's direction per file, so {@code Copied} is {@link EventKind#COPY}.
 */
public final class RcloneLogParser implements LineParser<ToolLogEvent> {

    static final String TOOL = "rclone";

    private static final List<String> LEVELS = List.of("DEBUG", "INFO", "NOTICE", "ERROR", "CRITICAL", "EMERGENCY",
            "ALERT", "WARNING");

    /** Long flags that take no value, so the word after one is a source or destination. */
    private static final Set<String> SWITCHES = Set.of("--dry-run", "--progress", "--checksum", "--update",
            "--ignore-existing", "--no-traverse", "--use-json-log", "--stats-one-line", "--delete-after",
            "--delete-before", "--delete-during", "--verbose", "--quiet", "--interactive", "--size-only",
            "--ignore-times", "--no-update-modtime", "--create-empty-src-dirs", "--fast-list", "--immutable");

    private final ZoneId zone;

    /** The log's times, written without a zone, are read in {@code zone}. */
    public RcloneLogParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "rclone-log";
    }

    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        if (line.startsWith("{")) {
            return line.contains("\"level\":") && line.contains("\"msg\":") && line.contains("\"source\":");
        }
        return levelAt(line) > 0;
    }

    @Override
    public Parsed<ToolLogEvent> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        if (line.startsWith("{")) {
            return json(line);
        }
        int colon = levelAt(line);
        if (colon < 0) {
            return Parsed.error("expected 'yyyy/MM/dd HH:mm:ss LEVEL : object: message'");
        }
        LineTime.Stamp stamp = LineTime.dateTime(line, 0, zone);
        if (stamp == null) {
            return Parsed.error("'" + line.substring(0, Math.min(line.length(), 19)) + "' is not a valid time");
        }
        String level = line.substring(stamp.end() + 1, colon).strip();
        String rest = colon + 2 <= line.length() ? line.substring(Math.min(line.length(), colon + 2)) : "";
        int sep = rest.indexOf(": ");
        String object = sep < 0 ? null : rest.substring(0, sep);
        String message = sep < 0 ? rest : rest.substring(sep + 2);
        return event(stamp.time(), level, object, message, line);
    }

    private Parsed<ToolLogEvent> event(Instant time, String level, String object, String message,
            String raw) {
        if ("rclone".equals(object) && message.startsWith("Version ") && message.contains("starting with parameters")) {
            return run(time, message, raw);
        }
        boolean error = level.equals("ERROR") || level.equals("CRITICAL");
        EventKind kind;
        boolean failed = error;
        if (message.startsWith("Copied") || message.startsWith("Multi-thread Copied")) {
            kind = EventKind.COPY;
        } else if (message.startsWith("Moved")) {
            kind = EventKind.MOVE;
        } else if (message.equals("Deleted") || message.startsWith("Deleted ")) {
            kind = EventKind.DELETE;
        } else if (message.startsWith("Failed to copy") || message.startsWith("Failed to upload")) {
            kind = EventKind.COPY;
            failed = true;
        } else if (message.startsWith("Failed to move")) {
            kind = EventKind.MOVE;
            failed = true;
        } else if (message.startsWith("Failed to delete") || message.startsWith("Couldn't delete")) {
            kind = EventKind.DELETE;
            failed = true;
        } else if (error) {
            kind = EventKind.ERROR;
        } else {
            return Parsed.skip(message.contains("--dry-run") ? "a dry run: nothing was transferred"
                    : "not a line about a transferred or deleted object");
        }
        return Parsed.value(new ToolLogEvent(time, kind, List.of(), List.of(), List.of(), TOOL, raw, failed,
                object == null || object.isEmpty() ? null : object, null, null));
    }

    /** {@code Version "v1.65.0" starting with parameters ["rclone" "copy" "/data/capture" "oss:b/faces" "-v"]}. */
    private static Parsed<ToolLogEvent> run(Instant time, String message, String raw) {
        List<String> args = new ArrayList<>();
        int i = message.indexOf('[');
        while (i >= 0 && i < message.length()) {
            int open = message.indexOf('"', i);
            if (open < 0) {
                break;
            }
            int close = open + 1;
            StringBuilder arg = new StringBuilder();
            while (close < message.length() && message.charAt(close) != '"') {
                if (message.charAt(close) == '\\' && close + 1 < message.length()) {
                    close++;
                }
                arg.append(message.charAt(close++));
            }
            args.add(arg.toString());
            i = close + 1;
        }
        if (args.size() < 2) {
            return Parsed.skip("rclone started without a command");
        }
        EventKind kind = switch (args.get(1)) {
            case "copy", "copyto", "sync", "copyurl", "rcat" -> EventKind.COPY;
            case "move", "moveto" -> EventKind.MOVE;
            case "delete", "deletefile", "purge", "rmdirs", "rmdir" -> EventKind.DELETE;
            default -> null;
        };
        if (kind == null) {
            return Parsed.skip("rclone " + args.get(1) + " moves no file");
        }
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        int wanted = kind == EventKind.DELETE ? 1 : 2;
        String previous = "";
        for (String a : args.subList(2, args.size())) {
            boolean value = previous.startsWith("--") && previous.indexOf('=') < 0 && !SWITCHES.contains(previous);
            previous = a;
            if (a.startsWith("-") || value || local.size() + remote.size() == wanted) {
                continue;
            }
            int colon = a.indexOf(':');
            int slash = a.indexOf('/');
            boolean windowsDrive = colon == 1 && Character.isLetter(a.charAt(0));
            (colon > 0 && !windowsDrive && (slash < 0 || slash > colon) ? remote : local).add(a);
        }
        if (kind == EventKind.COPY && !local.isEmpty() && !remote.isEmpty()) {
            kind = args.indexOf(local.get(0)) < args.indexOf(remote.get(0)) ? EventKind.UPLOAD : EventKind.DOWNLOAD;
        }
        return Parsed.value(new ToolLogEvent(time, kind, local, remote, List.of(), TOOL, raw, false, null, null, null));
    }

    /** {@code {"level":"info","msg":"Copied (new)","object":"faces/a.jpg",…,"time":"2024-03-15T02:30:05+08:00"}}. */
    private Parsed<ToolLogEvent> json(String line) {
        String time = JsonFields.string(line, "time");
        String level = JsonFields.string(line, "level");
        String message = JsonFields.string(line, "msg");
        if (time == null || level == null || message == null) {
            return Parsed.error("a JSON line without \"time\", \"level\" and \"msg\"");
        }
        LineTime.Stamp stamp = LineTime.dateTime(time, 0, zone);
        if (stamp == null) {
            return Parsed.error("'" + time + "' is not a valid time");
        }
        return event(stamp.time(), level.toUpperCase(Locale.ROOT), JsonFields.string(line, "object"),
                message, line);
    }

    /** Where the level's " : " or ":" ends, after {@code yyyy/MM/dd HH:mm:ss[.ffffff] LEVEL}; -1 otherwise. */
    private static int levelAt(String line) {
        if (line.length() < 22 || line.charAt(4) != '/' || line.charAt(7) != '/' || line.charAt(10) != ' '
                || line.charAt(13) != ':') {
            return -1;
        }
        int i = 19;
        if (i < line.length() && line.charAt(i) == '.') {
            i++;
            while (i < line.length() && Character.isDigit(line.charAt(i))) {
                i++;
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            return -1;
        }
        for (String level : LEVELS) {
            if (line.startsWith(level, i + 1)) {
                int j = i + 1 + level.length();
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
                return j < line.length() && line.charAt(j) == ':' ? j : -1;
            }
        }
        return -1;
    }
}
