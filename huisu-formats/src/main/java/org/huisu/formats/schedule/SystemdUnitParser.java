package org.huisu.formats.schedule;

import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * Reads a systemd unit file ({@code .service}, {@code .timer}…): {@code [Section]} headers, {@code Key=Value}
 * lines, comments starting with {@code #} or {@code ;}, lines continued with a trailing backslash (comment
 * lines inside a continuation are skipped, as systemd does), repeated keys kept in order.
 */
public final class SystemdUnitParser {

    private SystemdUnitParser() {
    }

    /** The unit; an error when the text has no section at all, which no unit file lacks. */
    public static Parsed<SystemdUnit> parse(String text) {
        List<SystemdUnit.Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        String section = null;
        boolean sawSection = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = strip(lines[i]);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            StringBuilder joined = new StringBuilder(line);
            while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\' && i + 1 < lines.length) {
                joined.setLength(joined.length() - 1);
                i++;
                while (i < lines.length && (strip(lines[i]).startsWith("#") || strip(lines[i]).startsWith(";"))) {
                    i++;
                }
                if (i >= lines.length) {
                    break;
                }
                joined.append(' ').append(strip(lines[i]));
            }
            line = joined.toString().strip();
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    warnings.add("line " + number + ": a section header that does not end with ]");
                    section = null;
                } else {
                    section = line.substring(1, line.length() - 1);
                    sawSection = true;
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                warnings.add("line " + number + ": neither a section header, a comment nor Key=Value");
                continue;
            }
            if (section == null) {
                warnings.add("line " + number + ": an assignment outside any section, which systemd ignores");
                continue;
            }
            entries.add(new SystemdUnit.Entry(number, section, line.substring(0, eq).strip(),
                    line.substring(eq + 1).strip()));
        }
        if (!sawSection) {
            return Parsed.error("no [Section] header: not a systemd unit file");
        }
        return Parsed.value(new SystemdUnit(entries, warnings));
    }

    private static String strip(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return l.strip();
    }
}
