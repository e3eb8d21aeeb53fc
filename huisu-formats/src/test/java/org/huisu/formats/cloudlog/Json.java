package org.huisu.formats.cloudlog;

import java.util.List;
import java.util.Map;

/** Writes JSON in tests, independently of the reader under test. */
final class Json {

    private Json() {
    }

    /**
     * {@code value} (maps, lists, strings, numbers, booleans, null) as JSON; {@code escapeAll}
     * writes every non-ASCII character as {@code \}{@code uXXXX}; {@code blank} goes between tokens.
     */
    static String write(Object value, boolean escapeAll, String blank) {
        StringBuilder out = new StringBuilder();
        write(value, escapeAll, blank, out);
        return out.toString();
    }

    private static void write(Object value, boolean escapeAll, String blank, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, escapeAll, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{').append(blank);
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',').append(blank);
                }
                first = false;
                string((String) e.getKey(), escapeAll, out);
                out.append(blank).append(':').append(blank);
                write(e.getValue(), escapeAll, blank, out);
            }
            out.append(blank).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[').append(blank);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',').append(blank);
                }
                write(list.get(i), escapeAll, blank, out);
            }
            out.append(blank).append(']');
        } else {
            out.append(value);
        }
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder();
        string(s, false, out);
        return out.toString();
    }

    private static void string(String s, boolean escapeAll, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ' || escapeAll && c > '~') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
