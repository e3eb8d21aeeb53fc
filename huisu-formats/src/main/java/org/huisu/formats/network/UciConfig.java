package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenWrt's UCI configuration, read from either of the two ways it is kept: the files under
 * {@code /etc/config} ({@code config interface 'wan'} / {@code option proto 'pppoe'} /
 * {@code list dns '…'}, as {@code uci export} also prints) or the output of {@code uci show}
 * ({@code network.wan.proto='pppoe'}).
 */
final class UciConfig {

    /** One {@code config} section; {@code name} is null for an anonymous one ({@code @host[0]}). */
    record Section(String type, String name, Map<String, List<String>> options, int line) {

        String option(String key) {
            List<String> v = options.get(key);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> values(String key) {
            return options.getOrDefault(key, List.of());
        }

        String label() {
            return name == null ? "config " + type + " (line " + line + ")" : "config " + type + " '" + name + "'";
        }
    }

    private UciConfig() {
    }

    /** The sections in file order; what cannot be read goes to {@code errors} as a sentence. */
    static List<Section> read(String text, List<String> errors) {
        List<String> lines = ConfigText.lines(text);
        boolean show = false;
        for (String l : lines) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            show = isShowLine(s);
            break;
        }
        return show ? readShow(lines, errors) : readExport(lines, errors);
    }

    static boolean isShowLine(String s) {
        int eq = s.indexOf('=');
        int dot = s.indexOf('.');
        int space = s.indexOf(' ');
        return eq > 0 && dot > 0 && dot < eq && (space < 0 || space > eq);
    }

    private static List<Section> readExport(List<String> lines, List<String> errors) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (int i = 0; i < lines.size(); i++) {
            List<String> w = words(lines.get(i), i + 1, errors);
            if (w.isEmpty()) {
                continue;
            }
            switch (w.get(0)) {
                case "package" -> current = null;
                case "config" -> {
                    if (w.size() < 2) {
                        errors.add("line " + (i + 1) + ": 'config' without a type");
                        current = null;
                    } else {
                        current = new Section(w.get(1), w.size() > 2 ? w.get(2) : null, new LinkedHashMap<>(), i + 1);
                        sections.add(current);
                    }
                }
                case "option", "list" -> {
                    if (current == null || w.size() < 2) {
                        errors.add("line " + (i + 1) + ": '" + w.get(0) + "' outside a config section or without a name");
                    } else {
                        String value = w.size() > 2 ? w.get(2) : "";
                        List<String> values = current.options.computeIfAbsent(w.get(1), k -> new ArrayList<>());
                        if (w.get(0).equals("option")) {
                            values.clear();
                        }
                        values.add(value);
                    }
                }
                default -> errors.add("line " + (i + 1) + ": expected 'config', 'option' or 'list', found '"
                        + w.get(0) + "'");
            }
        }
        return sections;
    }

    private static List<Section> readShow(List<String> lines, List<String> errors) {
        Map<String, Section> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                errors.add("line " + (i + 1) + ": expected 'package.section[.option]=value'");
                continue;
            }
            String[] key = l.substring(0, eq).split("\\.", 3);
            List<String> values = words(l.substring(eq + 1), i + 1, errors);
            if (key.length < 2) {
                errors.add("line " + (i + 1) + ": expected 'package.section[.option]=value'");
                continue;
            }
            String id = key[1];
            if (key.length == 2) {
                String name = id.startsWith("@") ? null : id;
                byId.put(id, new Section(values.isEmpty() ? "" : values.get(0), name, new LinkedHashMap<>(), i + 1));
            } else {
                Section s = byId.get(id);
                if (s == null) {
                    s = new Section("", id.startsWith("@") ? null : id, new LinkedHashMap<>(), i + 1);
                    byId.put(id, s);
                }
                s.options.put(key[2], new ArrayList<>(values));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Shell-like words: {@code 'single'}, {@code "double"} with backslash escapes, bare words, and
     * pieces run together ({@code 'it'\''s'}); a {@code #} at the start of a word ends the line.
     */
    static List<String> words(String line, int number, List<String> errors) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) == '#') {
                break;
            }
            StringBuilder w = new StringBuilder();
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        errors.add("line " + number + ": a quote is not closed");
                        end = n;
                    }
                    w.append(line, i + 1, end);
                    i = Math.min(end + 1, n);
                } else if (c == '"') {
                    i++;
                    while (i < n && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        w.append(line.charAt(i++));
                    }
                    if (i >= n) {
                        errors.add("line " + number + ": a quote is not closed");
                    }
                    i = Math.min(i + 1, n);
                } else if (c == '\\' && i + 1 < n) {
                    w.append(line.charAt(i + 1));
                    i += 2;
                } else {
                    w.append(c);
                    i++;
                }
            }
            out.add(w.toString());
        }
        return out;
    }
}
