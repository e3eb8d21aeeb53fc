package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.shell.Secrets;

/**
 * Reads the INI files upload clients write (rclone.conf, .ossutilconfig, ~/.aws/config, .cos.conf):
 * {@code [section]}, {@code key = value} (or {@code key: value}), comments with {@code #} or {@code ;}, and
 * AWS's nested settings (an indented {@code key = value} under a key with an empty value, read as
 * {@code parent.key}). Keys are kept as written; values are trimmed.
 */
final class IniReader {

    record Setting(String key, String value, int line) {
    }

    record Section(String name, int line, List<Setting> settings) {

        /** The value of the last setting of this key (case-insensitive), or the empty string. */
        String get(String key) {
            String v = "";
            for (Setting s : settings) {
                if (s.key().equalsIgnoreCase(key)) {
                    v = s.value();
                }
            }
            return v;
        }

        /** The settings not named here, secret ones masked. */
        Map<String, String> others(String... known) {
            Map<String, String> out = new LinkedHashMap<>();
            outer:
            for (Setting s : settings) {
                for (String k : known) {
                    if (s.key().equalsIgnoreCase(k)) {
                        continue outer;
                    }
                }
                out.put(s.key(), Secrets.isSecretName(s.key()) ? Secrets.mask(s.value()) : s.value());
            }
            return out;
        }
    }

    final List<Section> sections = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    IniReader(String text) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        Section current = null;
        String parent = null;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    warnings.add("line " + number + ": a section header that does not end with ]");
                    current = null;
                    continue;
                }
                current = new Section(line.substring(1, line.length() - 1).strip(), number, new ArrayList<>());
                sections.add(current);
                parent = null;
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                warnings.add("line " + number + ": neither a section header, a comment nor key = value");
                continue;
            }
            if (current == null) {
                warnings.add("line " + number + ": a setting outside any section");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && parent != null) {
                current.settings().add(new Setting(parent + "." + key, value, number));
                continue;
            }
            current.settings().add(new Setting(key, value, number));
            parent = value.isEmpty() ? key : null;
        }
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        // python's configparser (coscmd) also reads key: value
        return colon >= 0 && colon < eq ? colon : eq;
    }
}
