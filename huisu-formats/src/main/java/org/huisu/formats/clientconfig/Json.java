package org.huisu.formats.clientconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for client configuration files (mc's config.json): objects become ordered maps,
 * arrays lists, strings strings, numbers their text, true/false booleans, null {@link #NULL}. Nesting
 * deeper than a configuration needs is refused rather than risked.
 */
final class Json {

    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    /** The text is not JSON: the message says what was expected and at which line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) throws Malformed {
        Json j = new Json(text == null ? "" : text);
        j.space();
        if (j.pos < j.s.length() && j.s.charAt(j.pos) == '\uFEFF') {
            j.pos++;
            j.space();
        }
        Object v = j.value(0);
        j.space();
        if (j.pos != j.s.length()) {
            throw j.fail("text after the end of the JSON value");
        }
        return v;
    }

    private Malformed fail(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new Malformed("line " + line + ": " + what);
    }

    private void space() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        space();
        if (pos >= s.length()) {
            throw fail("a value was expected and the text ended");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw fail("'" + c + "' cannot start a JSON value");
        }
    }

    private Object literal(String word, Object v) throws Malformed {
        if (!s.startsWith(word, pos)) {
            throw fail("'" + word + "' was expected");
        }
        pos += word.length();
        return v;
    }

    private String number() throws Malformed {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String n = s.substring(start, pos);
        if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw fail("'" + n + "' is not a JSON number");
        }
        return n;
    }

    private String string() throws Malformed {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw fail("a string is opened and never closed");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw fail("a string ends inside an escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw fail("a \\u escape is cut short");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw fail("a \\u escape has no four hex digits");
                        }
                        pos += 4;
                    }
                    default -> throw fail("'\\" + e + "' is not a JSON escape");
                }
            } else if (c < 0x20) {
                throw fail("a control character inside a string");
            } else {
                b.append(c);
            }
        }
    }

    private Map<String, Object> object(int depth) throws Malformed {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        space();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw fail("a member name in double quotes was expected");
            }
            String key = string();
            space();
            if (pos >= s.length() || s.charAt(pos) != ':') {
                throw fail("':' was expected after the member name \"" + key + "\"");
            }
            pos++;
            m.put(key, value(depth + 1));
            space();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            } else {
                throw fail("',' or '}' was expected in an object");
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        pos++;
        List<Object> l = new ArrayList<>();
        space();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            } else {
                throw fail("',' or ']' was expected in an array");
            }
        }
    }
}
