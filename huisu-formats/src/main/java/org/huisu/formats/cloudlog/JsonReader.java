package org.huisu.formats.cloudlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small JSON reader (RFC 8259), because the formats module depends on nothing but the JDK. It
 * pulls one token at a time from a string, so that a parser takes the few members it needs and
 * skips the rest without building them; {@link #readValue()} builds a whole value when that is
 * simpler. Malformed text is a {@link JsonException} saying what was expected at which offset;
 * nothing else is thrown, whatever the text. Leniencies, for speed and for logs that bend the
 * rules: control characters in strings are taken as they stand, and strings that are skipped are
 * checked only for where they end.
 */
final class JsonReader {

    /** Deeper nesting is refused rather than risked on the stack. */
    static final int MAX_DEPTH = 512;

    /** What a value is, from its first character. */
    enum Kind {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL
    }

    /** Text that is not JSON: what was expected, and at which offset. */
    static final class JsonException extends Exception {

        JsonException(String message) {
            // no stack trace: it is a verdict on the input, not a fault in the program
            super(message, null, false, false);
        }
    }

    /**
     * The member names of one kind of object that a parser takes, each the JSON name of a constant
     * of {@code E}, matched where they stand in the text, without building a string per name.
     */
    static final class Names<E extends Enum<E>> {

        private final E[] members;
        private final String[] names;
        private final boolean ignoreCase;

        private Names(E[] members, Function<E, String> name, boolean ignoreCase) {
            this.members = members.clone();
            this.names = Arrays.stream(members).map(name).toArray(String[]::new);
            this.ignoreCase = ignoreCase;
        }

        /** The names of {@code members}, matched exactly. */
        static <E extends Enum<E>> Names<E> of(E[] members, Function<E, String> name) {
            return new Names<>(members, name, false);
        }

        /** The names of {@code members}, matched whatever their case (HTTP header names). */
        static <E extends Enum<E>> Names<E> ignoringCase(E[] members, Function<E, String> name) {
            return new Names<>(members, name, true);
        }

        private E find(String s, int from, int to) {
            int length = to - from;
            if (length == 0) {
                return null;
            }
            // the length and the first letter rule out nearly every other name before a full comparison
            char first = lower(s.charAt(from));
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (name.length() == length && lower(name.charAt(0)) == first
                        && s.regionMatches(ignoreCase, from, name, 0, length)) {
                    return members[i];
                }
            }
            return null;
        }

        private char lower(char c) {
            return ignoreCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private final String text;
    private final int end;
    private int pos;
    private int depth;
    /** True when a value was just completed, so that a comma or a closing bracket must follow. */
    private boolean afterValue;
    /** Where the next backslash is, once searched for: see {@link #backslashAtOrAfter}. */
    private int nextBackslash = -1;

    JsonReader(String text) {
        this(text, 0);
    }

    /** Reads {@code text} from {@code from} on. */
    JsonReader(String text, int from) {
        this.text = text;
        this.end = text.length();
        this.pos = from;
    }

    /** Reads {@code text} as one JSON value: maps (in member order), lists, strings, Long or Double, Boolean, null. */
    static Object parse(String text) throws JsonException {
        JsonReader reader = new JsonReader(text);
        Object value = reader.readValue();
        reader.endDocument();
        return value;
    }

    /** The kind of the next value. */
    Kind peek() throws JsonException {
        skipBlanks();
        if (pos >= end) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> Kind.OBJECT;
            case '[' -> Kind.ARRAY;
            case '"' -> Kind.STRING;
            case 't', 'f' -> Kind.BOOLEAN;
            case 'n' -> Kind.NULL;
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield Kind.NUMBER;
                }
                throw error("a value");
            }
        };
    }

    void beginObject() throws JsonException {
        open('{', "an object");
    }

    void endObject() throws JsonException {
        close('}', "the end of the object (}) or a comma");
    }

    void beginArray() throws JsonException {
        open('[', "an array");
    }

    void endArray() throws JsonException {
        close(']', "the end of the array (]) or a comma");
    }

    /** True when the object or array being read has another member or element. */
    boolean hasNext() throws JsonException {
        skipBlanks();
        if (pos >= end) {
            throw error(afterValue ? "a comma or a closing bracket" : "a value or a closing bracket");
        }
        char c = text.charAt(pos);
        if (c == '}' || c == ']') {
            return false;
        }
        if (afterValue) {
            if (c != ',') {
                throw error("a comma or a closing bracket");
            }
            pos++;
            afterValue = false;
            skipBlanks();
            if (pos < end && (text.charAt(pos) == '}' || text.charAt(pos) == ']')) {
                throw error("a value after the comma");
            }
        }
        return true;
    }

    /** The next member's name, with its colon read. */
    String nextName() throws JsonException {
        skipBlanks();
        if (pos >= end || text.charAt(pos) != '"') {
            throw error("a member name in quotes");
        }
        String name = string();
        skipBlanks();
        if (pos >= end || text.charAt(pos) != ':') {
            throw error("a colon after the member name");
        }
        pos++;
        afterValue = false;
        return name;
    }

    /**
     * The next member's name, with its colon read, as the member of {@code names} it names; null
     * for a name that is none of them, whose value the caller then skips.
     */
    <E extends Enum<E>> E nextName(Names<E> names) throws JsonException {
        skipBlanks();
        if (pos >= end || text.charAt(pos) != '"') {
            throw error("a member name in quotes");
        }
        int start = pos + 1;
        int quote = text.indexOf('"', start);
        E member;
        if (quote >= 0 && backslashAtOrAfter(start) > quote) {
            member = names.find(text, start, quote);
            pos = quote + 1;
        } else {
            String name = string();
            member = names.find(name, 0, name.length());
        }
        skipBlanks();
        if (pos >= end || text.charAt(pos) != ':') {
            throw error("a colon after the member name");
        }
        pos++;
        afterValue = false;
        return member;
    }

    /** The next value, which must be a string. */
    String nextString() throws JsonException {
        skipBlanks();
        if (pos >= end || text.charAt(pos) != '"') {
            throw error("a string");
        }
        String value = string();
        afterValue = true;
        return value;
    }

    /** The next value if it is a string; null for a JSON null. */
    String nextStringOrNull() throws JsonException {
        if (peek() == Kind.NULL) {
            literal("null");
            return null;
        }
        return nextString();
    }

    /** The next value, which must be an integer that fits in a long. */
    long nextLong() throws JsonException {
        skipBlanks();
        int start = pos;
        Object number = number();
        if (!(number instanceof Long n)) {
            pos = start;
            throw error("an integer");
        }
        return n;
    }

    /** True when the next value is a JSON null, which is then read. */
    boolean nextIsNull() throws JsonException {
        if (peek() == Kind.NULL) {
            literal("null");
            return true;
        }
        return false;
    }

    /** Reads past the next value, whatever it is, without building it. */
    void skipValue() throws JsonException {
        switch (peek()) {
            case OBJECT -> {
                beginObject();
                while (hasNext()) {
                    nextName();
                    skipValue();
                }
                endObject();
            }
            case ARRAY -> {
                beginArray();
                while (hasNext()) {
                    skipValue();
                }
                endArray();
            }
            case STRING -> {
                skipString();
                afterValue = true;
            }
            case NUMBER -> skipNumber();
            case BOOLEAN -> literal(text.charAt(pos) == 't' ? "true" : "false");
            case NULL -> literal("null");
        }
    }

    /** The next value built whole: maps (in member order, the last of equal names winning), lists, and so on. */
    Object readValue() throws JsonException {
        switch (peek()) {
            case OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                beginObject();
                while (hasNext()) {
                    String name = nextName();
                    members.put(name, readValue());
                }
                endObject();
                return members;
            }
            case ARRAY -> {
                List<Object> elements = new ArrayList<>();
                beginArray();
                while (hasNext()) {
                    elements.add(readValue());
                }
                endArray();
                return elements;
            }
            case STRING -> {
                return nextString();
            }
            case NUMBER -> {
                return number();
            }
            case BOOLEAN -> {
                boolean value = text.charAt(pos) == 't';
                literal(value ? "true" : "false");
                return value;
            }
            default -> {
                literal("null");
                return null;
            }
        }
    }

    /** Checks that nothing but blanks follows the value read. */
    void endDocument() throws JsonException {
        skipBlanks();
        if (pos < end) {
            throw error("the end of the text after the value");
        }
    }

    private void open(char c, String what) throws JsonException {
        skipBlanks();
        if (pos >= end || text.charAt(pos) != c) {
            throw error(what);
        }
        if (++depth > MAX_DEPTH) {
            throw new JsonException("nested deeper than " + MAX_DEPTH + " levels at offset " + pos);
        }
        pos++;
        afterValue = false;
    }

    private void close(char c, String what) throws JsonException {
        skipBlanks();
        if (pos >= end || text.charAt(pos) != c) {
            throw error(what);
        }
        pos++;
        depth--;
        afterValue = true;
    }

    private void literal(String word) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error(word);
        }
        pos += word.length();
        afterValue = true;
    }

    /** A number as Long when it is an integer that fits, as Double otherwise. */
    private Object number() throws JsonException {
        int start = pos;
        boolean integral = skipNumber();
        String number = text.substring(start, pos);
        if (integral && pos - start <= 20) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooBig) {
                // falls through to a double, as for any integer beyond a long
            }
        }
        return Double.parseDouble(number);
    }

    /** Reads past a number (RFC 8259 grammar); true when it has neither fraction nor exponent. */
    private boolean skipNumber() throws JsonException {
        int start = pos;
        if (pos < end && text.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= end || !isDigit(text.charAt(pos))) {
            pos = start;
            throw error("a number");
        }
        if (text.charAt(pos) == '0') {
            pos++;
        } else {
            digits();
        }
        boolean integral = true;
        if (pos < end && text.charAt(pos) == '.') {
            integral = false;
            pos++;
            if (!digits()) {
                throw error("a digit after the decimal point");
            }
        }
        if (pos < end && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < end && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                throw error("a digit in the exponent");
            }
        }
        afterValue = true;
        return integral;
    }

    private boolean digits() {
        int start = pos;
        while (pos < end && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A string starting at the quote at {@code pos}. Its end and its first backslash are found with
     * {@link String#indexOf}, many times faster than a loop over its characters; control characters
     * are taken as they stand (RFC 8259 wants them escaped, but a log line that breaks the rule is
     * still worth reading).
     */
    private String string() throws JsonException {
        int start = pos + 1;
        int quote = text.indexOf('"', start);
        if (quote < 0) {
            pos = end;
            throw error("the closing quote of the string");
        }
        int backslash = backslashAtOrAfter(start);
        if (backslash < quote) {
            return escapedString(start, backslash);
        }
        pos = quote + 1;
        return text.substring(start, quote);
    }

    /** The first backslash at or after {@code from}, or {@code end}: searched once, reused until passed. */
    private int backslashAtOrAfter(int from) {
        if (nextBackslash < from) {
            int found = text.indexOf('\\', from);
            nextBackslash = found < 0 ? end : found;
        }
        return nextBackslash;
    }

    private String escapedString(int start, int firstEscape) throws JsonException {
        StringBuilder out = new StringBuilder(firstEscape - start + 16).append(text, start, firstEscape);
        int i = firstEscape;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                break;
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = i + 6 <= end ? hex4(i + 2) : -1;
                    if (code < 0) {
                        pos = i;
                        throw error("four hexadecimal digits after \\u");
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> {
                    pos = i;
                    throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }
            i += 2;
        }
        pos = end;
        throw error("the closing quote of the string");
    }

    /**
     * Reads past the string at {@code pos}, finding its closing quote with {@link String#indexOf}
     * (many times faster than a loop over the characters): a quote ends the string unless an odd
     * number of backslashes stands before it. The characters of a skipped string are not checked.
     */
    private void skipString() throws JsonException {
        int at = pos + 1;
        while (true) {
            int quote = text.indexOf('"', at);
            if (quote < 0) {
                pos = end;
                throw error("the closing quote of the string");
            }
            int backslashes = 0;
            while (text.charAt(quote - 1 - backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                pos = quote + 1;
                return;
            }
            at = quote + 1;
        }
    }

    private int hex4(int at) {
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code << 4 | digit;
        }
        return code;
    }

    private void skipBlanks() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private JsonException error(String expected) {
        if (pos >= end) {
            return new JsonException("expected " + expected + " at offset " + pos + ", found the end of the text");
        }
        return new JsonException("expected " + expected + " at offset " + pos + ", found "
                + Complaints.found(text, pos, Math.min(end, pos + 12)));
    }
}
