package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of YAML that netplan files use, read without a library (the module depends on nothing
 * but the JDK): block mappings and sequences by indentation, {@code - key: value} items, flow
 * sequences and mappings ({@code [a, b]}, {@code {a: b}}), single- and double-quoted scalars,
 * {@code |} and {@code >} blocks, comments. Scalars stay strings; {@code ~} and {@code null} are
 * null. Anchors, aliases, tags and multi-line plain scalars are not read.
 */
final class YamlSubset {

    /** The text is not in the subset; says on which line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    private static final int MAX_DEPTH = 64;

    private record Line(int number, int indent, String text) {
    }

    private final List<Line> lines;
    private int pos;

    private YamlSubset(List<Line> lines) {
        this.lines = lines;
    }

    /** A {@code Map<String, Object>}, {@code List<Object>}, {@code String} or null (an empty document). */
    static Object read(String text) throws Malformed {
        List<Line> lines = new ArrayList<>();
        List<String> raw = ConfigText.lines(text);
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                if (line.charAt(indent) == '\t') {
                    throw new Malformed(i + 1, "a tab in the indentation");
                }
                indent++;
            }
            String content = stripComment(line.substring(indent)).stripTrailing();
            if (content.isEmpty() || indent == 0 && (content.equals("---") || content.equals("...")
                    || content.startsWith("%"))) {
                continue;
            }
            lines.add(new Line(i + 1, indent, content));
        }
        if (lines.isEmpty()) {
            return null;
        }
        YamlSubset reader = new YamlSubset(lines);
        Object value = reader.block(lines.get(0).indent, 0);
        if (reader.pos < lines.size()) {
            throw new Malformed(lines.get(reader.pos).number, "unexpected indentation");
        }
        return value;
    }

    private Object block(int indent, int depth) throws Malformed {
        Line l = lines.get(pos);
        if (depth > MAX_DEPTH) {
            throw new Malformed(l.number, "nested too deep");
        }
        return isItem(l.text) ? sequence(indent, depth) : mapping(indent, depth);
    }

    private static boolean isItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private Map<String, Object> mapping(int indent, int depth) throws Malformed {
        Map<String, Object> map = new LinkedHashMap<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent < indent) {
                break;
            }
            if (l.indent > indent) {
                throw new Malformed(l.number, "unexpected indentation");
            }
            if (isItem(l.text)) {
                throw new Malformed(l.number, "a list item where a key was expected");
            }
            int colon = keyColon(l.text);
            if (colon < 0) {
                throw new Malformed(l.number, "expected 'key: value'");
            }
            String keyText = l.text.substring(0, colon).strip();
            String key = keyText.isEmpty() ? "" : scalar(keyText, l.number);
            if (key == null) {
                key = "";
            }
            String rest = l.text.substring(colon + 1).strip();
            pos++;
            Object value;
            if (!rest.isEmpty()) {
                value = inline(rest, l, indent, depth);
            } else if (pos < lines.size() && lines.get(pos).indent > indent) {
                value = block(lines.get(pos).indent, depth + 1);
            } else if (pos < lines.size() && lines.get(pos).indent == indent && isItem(lines.get(pos).text)) {
                value = sequence(indent, depth + 1);
            } else {
                value = null;
            }
            map.put(key, value);
        }
        return map;
    }

    private List<Object> sequence(int indent, int depth) throws Malformed {
        List<Object> list = new ArrayList<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent < indent || l.indent == indent && !isItem(l.text)) {
                break;
            }
            if (l.indent > indent) {
                throw new Malformed(l.number, "unexpected indentation");
            }
            String after = l.text.length() > 1 ? l.text.substring(2) : "";
            int extra = 0;
            while (extra < after.length() && after.charAt(extra) == ' ') {
                extra++;
            }
            String rest = after.strip();
            if (rest.isEmpty()) {
                pos++;
                list.add(pos < lines.size() && lines.get(pos).indent > indent
                        ? block(lines.get(pos).indent, depth + 1) : null);
            } else if (isItem(rest) || keyColon(rest) >= 0) {
                // "- key: value" (or "- - x") opens a collection whose first line is this one, further in
                int childIndent = indent + 2 + extra;
                lines.set(pos, new Line(l.number, childIndent, rest));
                list.add(block(childIndent, depth + 1));
            } else {
                pos++;
                list.add(inline(rest, l, indent, depth));
            }
        }
        return list;
    }

    /** A value written on the key's own line: a flow collection, a block scalar or a scalar. */
    private Object inline(String rest, Line l, int indent, int depth) throws Malformed {
        char c = rest.charAt(0);
        if (c == '[' || c == '{') {
            StringBuilder text = new StringBuilder(rest);
            while (!balanced(text) && pos < lines.size() && lines.get(pos).indent > indent) {
                text.append(' ').append(lines.get(pos++).text);
            }
            Flow flow = new Flow(text.toString(), l.number, depth);
            Object value = flow.value(false);
            flow.skipSpaces();
            if (flow.i < flow.s.length()) {
                throw new Malformed(l.number, "text after a flow collection");
            }
            return value;
        }
        if ((c == '|' || c == '>') && rest.length() <= 3) {
            StringBuilder text = new StringBuilder();
            while (pos < lines.size() && lines.get(pos).indent > indent) {
                text.append(text.length() == 0 ? "" : c == '|' ? "\n" : " ").append(lines.get(pos++).text);
            }
            return text.toString();
        }
        return scalar(rest, l.number);
    }

    private static boolean balanced(CharSequence s) {
        int open = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                open++;
            } else if (c == ']' || c == '}') {
                open--;
            }
        }
        return open <= 0;
    }

    /** Where the key of {@code key: value} ends: a colon followed by a space or the end, outside quotes. */
    static int keyColon(String text) {
        if (text.isEmpty() || text.charAt(0) == '[' || text.charAt(0) == '{') {
            return -1;
        }
        int i = 0;
        char first = text.charAt(0);
        if (first == '"' || first == '\'') {
            i = 1;
            while (i < text.length() && text.charAt(i) != first) {
                if (text.charAt(i) == '\\' && first == '"') {
                    i++;
                }
                i++;
            }
            i++;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** A plain or quoted scalar that must be the whole text. */
    private static String scalar(String text, int line) throws Malformed {
        char c = text.charAt(0);
        if (c == '"' || c == '\'') {
            Flow flow = new Flow(text, line, 0);
            String value = flow.quoted();
            flow.skipSpaces();
            if (flow.i < text.length()) {
                throw new Malformed(line, "text after a quoted scalar");
            }
            return value;
        }
        return text.equals("~") || text.equals("null") ? null : text;
    }

    private static String stripComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                return text.substring(0, i);
            } else if ((c == '"' || c == '\'') && (i == 0 || " [{,:-".indexOf(text.charAt(i - 1)) >= 0)) {
                quote = c;
            }
        }
        return text;
    }

    /** A flow collection or quoted scalar, read from one string. */
    private static final class Flow {
        final String s;
        final int line;
        final int baseDepth;
        int i;

        Flow(String s, int line, int baseDepth) {
            this.s = s;
            this.line = line;
            this.baseDepth = baseDepth;
        }

        void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        Object value(boolean key) throws Malformed {
            return value(key, baseDepth);
        }

        private Object value(boolean key, int depth) throws Malformed {
            if (depth > MAX_DEPTH) {
                throw new Malformed(line, "nested too deep");
            }
            skipSpaces();
            if (i >= s.length()) {
                throw new Malformed(line, "a flow collection is not closed");
            }
            char c = s.charAt(i);
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skipSpaces();
                    if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    list.add(value(false, depth + 1));
                    if (!separator(']')) {
                        return list;
                    }
                }
            }
            if (c == '{') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (true) {
                    skipSpaces();
                    if (i < s.length() && s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    Object k = value(true, depth + 1);
                    skipSpaces();
                    Object v = null;
                    if (i < s.length() && s.charAt(i) == ':') {
                        i++;
                        skipSpaces();
                        if (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '}') {
                            v = value(false, depth + 1);
                        }
                    }
                    map.put(k == null ? "" : k.toString(), v);
                    if (!separator('}')) {
                        return map;
                    }
                }
            }
            if (c == '"' || c == '\'') {
                return quoted();
            }
            int start = i;
            while (i < s.length()) {
                char d = s.charAt(i);
                if (d == ',' || d == ']' || d == '}'
                        || key && d == ':' && (i + 1 == s.length() || " ,}".indexOf(s.charAt(i + 1)) >= 0)) {
                    break;
                }
                i++;
            }
            String plain = s.substring(start, i).strip();
            return plain.equals("~") || plain.equals("null") ? null : plain;
        }

        /** After an item: true at a comma (more items), false at the closing bracket. */
        private boolean separator(char close) throws Malformed {
            skipSpaces();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                return true;
            }
            if (i < s.length() && s.charAt(i) == close) {
                i++;
                return false;
            }
            throw new Malformed(line, i >= s.length() ? "a flow collection is not closed"
                    : "expected ',' or '" + close + "' in a flow collection");
        }

        String quoted() throws Malformed {
            char q = s.charAt(i++);
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == q) {
                    if (q == '\'' && i < s.length() && s.charAt(i) == '\'') {
                        b.append('\'');
                        i++;
                        continue;
                    }
                    return b.toString();
                }
                if (c == '\\' && q == '"' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case '0' -> b.append('\0');
                        default -> b.append(e);
                    }
                    continue;
                }
                b.append(c);
            }
            throw new Malformed(line, "a quoted scalar is not closed");
        }
    }
}
