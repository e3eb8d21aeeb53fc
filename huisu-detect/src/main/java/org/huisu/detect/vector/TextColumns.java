package org.huisu.detect.vector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huisu.core.Json;
import org.huisu.detect.vector.Layout.Storage;

/**
 * A text file read as columns of values that may hold vectors. A JSON document (or JSON lines):
 * every flat array of numbers and every long string, the column being its path with array indices
 * left out ({@code $.persons[].embedding}). Other text, line by line: a CSV-like row (comma, tab,
 * semicolon or bar, quotes and brackets respected) gives one value per field, named by the header
 * when there is one, and a run of 64 or more numeric fields as one vector; a line with no delimiter
 * (a base64 string, numbers separated by blanks, a JSON array) is one value.
 */
final class TextColumns {

    /** Receives each value with its column and where it stands (a line number). */
    interface Sink {
        void value(String column, Object value, long line);
    }

    enum Mode {
        JSON, LINES
    }

    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int SNIFF_LINES = 20;
    private static final int MIN_STRING = 80;

    private TextColumns() {
    }

    /** Whether the text starts as JSON does. */
    static Mode guess(byte[] head) {
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return Mode.JSON;
            }
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return Mode.LINES;
            }
        }
        return Mode.LINES;
    }

    // ---------------------------------------------------------------- JSON

    /** Reads every root value of a JSON document or JSON lines file; throws if it is not JSON. */
    static void json(InputStream in, Sink sink) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(in)) {
            while (p.nextToken() != null) {
                walk(p, "$", sink);
            }
        }
    }

    private static void walk(JsonParser p, String path, Sink sink) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                walk(p, path + "." + name, sink);
            }
        } else if (t == JsonToken.START_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            float[] numbers = new float[64];
            int n = 0;
            boolean flat = true;
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                if (e.isNumeric()) {
                    if (flat && n <= Values.MAX_DIMENSION) {
                        if (n == numbers.length) {
                            numbers = Arrays.copyOf(numbers, n * 2);
                        }
                        numbers[n++] = p.getFloatValue();
                    }
                } else {
                    flat = false;
                    walk(p, path + "[]", sink);
                }
            }
            if (flat && Values.inRange(n)) {
                sink.value(path, new Values.Numbers(Storage.JSON_ARRAY, Arrays.copyOf(numbers, n)), line);
            }
        } else if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() >= MIN_STRING) {
                sink.value(path, s, p.currentTokenLocation().getLineNr());
            }
        }
    }

    // ---------------------------------------------------------------- lines

    /** Reads the text line by line, as described above. */
    static void lines(InputStream in, Sink sink) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
        List<String> first = new ArrayList<>();
        String line;
        while (first.size() < SNIFF_LINES && (line = r.readLine()) != null) {
            first.add(line);
        }
        char delimiter = delimiter(first.stream().filter(l -> !l.isBlank()).toList());
        List<String> header = null;
        boolean rows = false;
        long number = 0;
        while ((line = number < first.size() ? first.get((int) number) : r.readLine()) != null) {
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (delimiter == 0) {
                sink.value("lines", line.strip(), number);
                continue;
            }
            List<String> fields = split(line, delimiter);
            if (!rows && header(fields)) {
                header = fields;
                rows = true;
                continue;
            }
            rows = true;
            row(fields, header, number, sink);
        }
    }

    private static void row(List<String> fields, List<String> header, long line, Sink sink) {
        int runStart = -1;
        for (int i = 0; i <= fields.size(); i++) {
            boolean numeric = i < fields.size() && Values.numeric(fields.get(i).strip());
            if (numeric && runStart < 0) {
                runStart = i;
            } else if (!numeric && runStart >= 0) {
                if (i - runStart >= Values.MIN_DIMENSION && i - runStart <= Values.MAX_DIMENSION) {
                    float[] v = new float[i - runStart];
                    try {
                        for (int j = runStart; j < i; j++) {
                            v[j - runStart] = Float.parseFloat(fields.get(j).strip());
                        }
                        sink.value(runName(header, runStart, i - 1), new Values.Numbers(Storage.FIELDS, v), line);
                    } catch (NumberFormatException e) {
                        // a field such as "1e" is no number after all
                    }
                }
                runStart = -1;
            }
            if (i < fields.size() && !numeric && fields.get(i).strip().length() >= MIN_STRING) {
                sink.value(fieldName(header, i), fields.get(i).strip(), line);
            }
        }
    }

    private static String fieldName(List<String> header, int i) {
        return header != null && i < header.size() && !header.get(i).isBlank() ? header.get(i).strip()
                : "column " + (i + 1);
    }

    private static String runName(List<String> header, int from, int to) {
        return fieldName(header, from) + " … " + fieldName(header, to);
    }

    /** A first row of names: no field a number or a long value. */
    private static boolean header(List<String> fields) {
        for (String f : fields) {
            String s = f.strip();
            if (s.isEmpty() || Values.numeric(s) || s.length() >= MIN_STRING) {
                return false;
            }
        }
        return true;
    }

    /** The delimiter every sampled line has the same number of (outside quotes and brackets); 0 if none. */
    static char delimiter(List<String> lines) {
        char best = 0;
        int bestCount = 0;
        for (char d : DELIMITERS) {
            int count = -1;
            for (String line : lines) {
                int c = split(line, d).size() - 1;
                if (count < 0) {
                    count = c;
                } else if (c != count) {
                    count = 0;
                    break;
                }
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    /** Fields of a delimited line; quotes ("a,b", with "" for a quote) and [ ] keep delimiters inside. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
            } else if (c == '[') {
                depth++;
                f.append(c);
            } else if (c == ']' && depth > 0) {
                depth--;
                f.append(c);
            } else if (c == delimiter && depth == 0) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
