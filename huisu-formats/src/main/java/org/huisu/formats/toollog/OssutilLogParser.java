package org.huisu.formats.toollog;

import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * What Alibaba's ossutil 1.x prints. It logs no file by name, only a summary at the end of a run:
 * {@code Succeed: Total num: 150, size: 3,456,789. OK num: 150(upload 150 files).},
 * {@code FinishWithError: … Error num: 2. OK num: 148(upload 148 files) …}, {@code … When error
 * happens.}, for {@code rm} {@code Succeed: Total 150 objects. Removed 150 objects.}, and
 * {@code Error: oss: service returned error: …}. These have no time: the caller dates them from the
 * log they were appended to. Progress and speed lines are skipped.
 */
public final class OssutilLogParser implements LineParser<ToolLogEvent> {

    static final String TOOL = "ossutil";

    @Override
    public String name() {
        return "ossutil-log";
    }

    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        String l = AwsCliLogParser.lastPart(line);
        return l.startsWith("Succeed: Total") || l.startsWith("FinishWithError: ") || l.startsWith("Total num: ")
                || l.startsWith("Scanned num: ") || l.startsWith("Error: oss: ") || l.startsWith("average speed ")
                || l.endsWith("(s) elapsed") || l.startsWith("Total ") && l.contains(" objects. Removed ");
    }

    @Override
    public Parsed<ToolLogEvent> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        String l = AwsCliLogParser.lastPart(line);
        if (l.startsWith("Error: ")) {
            return Parsed.value(Events.of(null, EventKind.ERROR, Mentions.find(l, 0), TOOL, line, true, null, null,
                    null));
        }
        boolean succeeded = l.startsWith("Succeed: ");
        boolean finishedWithError = l.startsWith("FinishWithError: ");
        boolean stopped = l.endsWith("When error happens.") || l.endsWith("when error happens.");
        if (!succeeded && !finishedWithError && !stopped) {
            return Parsed.skip("progress");
        }
        boolean failed = !succeeded;
        if (l.contains(" objects. Removed ")) {
            Long removed = numberAfter(l, "Removed ");
            if (removed == null) {
                return Parsed.error("expected 'Removed N objects'");
            }
            return Parsed.value(new ToolLogEvent(null, EventKind.DELETE, List.of(), List.of(), List.of(), TOOL, line,
                    failed, null, removed, null));
        }
        EventKind kind = l.contains("(upload ") ? EventKind.UPLOAD : l.contains("(download ") ? EventKind.DOWNLOAD
                : l.contains("(copy ") ? EventKind.COPY : null;
        if (kind == null) {
            return Parsed.skip("a summary of no upload, download or copy");
        }
        String op = kind == EventKind.UPLOAD ? "upload " : kind == EventKind.DOWNLOAD ? "download " : "copy ";
        Long files = numberAfter(l, "(" + op);
        Long bytes = numberAfter(l, "size: ");
        if (files == null) {
            return Parsed.error("expected '(" + op + "N files)'");
        }
        return Parsed.value(new ToolLogEvent(null, kind, List.of(), List.of(), List.of(), TOOL, line, failed, null,
                files, bytes));
    }

    /** The number, thousands separated by commas, right after the first {@code marker}; null if none. */
    private static Long numberAfter(String s, String marker) {
        int at = s.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int i = at + marker.length();
        long v = 0;
        int digits = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ',' && digits > 0
                && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
            if (s.charAt(i) != ',') {
                if (digits >= 18) {
                    return null;
                }
                v = v * 10 + s.charAt(i) - '0';
                digits++;
            }
            i++;
        }
        return digits == 0 ? null : v;
    }
}
