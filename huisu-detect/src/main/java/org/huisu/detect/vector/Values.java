package org.huisu.detect.vector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huisu.detect.vector.Layout.Storage;

/**
 * Reads one stored value — a BLOB, a text value, numbers already parsed from JSON or CSV — as the
 * vectors it could be: every layout under which it decodes to 64 to 2048 numbers. Which of them,
 * if any, is a feature vector is for {@link EmbeddingJudge} to say, from a whole column.
 */
final class Values {

    static final int MIN_DIMENSION = 64;
    static final int MAX_DIMENSION = 2048;

    /** Numbers already parsed by the reader of their container (a JSON array, a run of CSV fields). */
    record Numbers(Storage storage, float[] values) {
    }

    /** One way of reading a value, with the vector it gives. */
    record Candidate(Layout layout, float[] vector) {
    }

    // 64 int8 numbers in base64 take 88 characters; 64 decimal numbers at least 127
    private static final int MIN_TEXT = 80;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern NUMBERS = Pattern.compile("[-+0-9.eE,;\\s]+");

    private Values() {
    }

    static boolean inRange(int dimension) {
        return dimension >= MIN_DIMENSION && dimension <= MAX_DIMENSION;
    }

    static List<Candidate> candidates(Object value) {
        List<Candidate> out = new ArrayList<>();
        if (value instanceof Numbers n) {
            if (inRange(n.values().length)) {
                out.add(new Candidate(new Layout(n.storage(), Encoding.DECIMAL), n.values()));
            }
        } else if (value instanceof byte[] b) {
            bytes(b, Storage.BLOB, out);
            if (b.length >= MIN_TEXT && printable(b)) {
                text(new String(b, StandardCharsets.US_ASCII), out);
            }
        } else if (value instanceof String s) {
            text(s, out);
        }
        return out;
    }

    /** The value read with {@code layout}, or null if it does not decode to {@code dimension} numbers. */
    static float[] decode(Object value, Layout layout, int dimension) {
        if (value instanceof Numbers n) {
            return n.storage() == layout.storage() && n.values().length == dimension ? n.values() : null;
        }
        String text = value instanceof String s ? s.strip()
                : value instanceof byte[] b && layout.storage() != Storage.BLOB && layout.storage() != Storage.NPY
                        && printable(b) ? new String(b, StandardCharsets.US_ASCII).strip() : null;
        byte[] bytes = switch (layout.storage()) {
            case BLOB, NPY -> value instanceof byte[] b ? b : null;
            case BASE64 -> text == null ? null : base64(text);
            case HEX -> text == null || !HEX.matcher(text).matches() ? null : HexFormat.of().parseHex(text);
            case JSON_ARRAY -> null;
            case NUMBERS -> null;
            case FIELDS -> null;
        };
        if (layout.storage() == Storage.JSON_ARRAY) {
            return text != null && text.startsWith("[") && text.endsWith("]")
                    ? numbers(text.substring(1, text.length() - 1), dimension) : null;
        }
        if (layout.storage() == Storage.NUMBERS) {
            return text == null ? null : numbers(text, dimension);
        }
        if (bytes == null) {
            return null;
        }
        if (layout.storage() == Storage.NPY) {
            Optional<Npy> npy = Npy.parse(bytes);
            return npy.isPresent() && npy.get().encoding() == layout.encoding() && npy.get().vectors() == 1
                    && npy.get().dimension() == dimension
                    && npy.get().dataOffset() + (long) dimension * layout.encoding().width() == bytes.length
                    ? layout.encoding().decode(bytes, npy.get().dataOffset(), dimension) : null;
        }
        return bytes.length == dimension * layout.encoding().width()
                ? layout.encoding().decode(bytes, 0, dimension) : null;
    }

    private static void bytes(byte[] b, Storage storage, List<Candidate> out) {
        if (storage == Storage.BLOB && Npy.magic(b)) {
            Optional<Npy> npy = Npy.parse(b);
            if (npy.isPresent() && npy.get().vectors() == 1 && inRange(npy.get().dimension())
                    && npy.get().dataOffset() + (long) npy.get().dimension() * npy.get().encoding().width() == b.length) {
                out.add(new Candidate(new Layout(Storage.NPY, npy.get().encoding()),
                        npy.get().encoding().decode(b, npy.get().dataOffset(), npy.get().dimension())));
            }
            return;
        }
        for (Encoding e : Encoding.BINARY) {
            if (b.length % e.width() == 0 && inRange(b.length / e.width())) {
                out.add(new Candidate(new Layout(storage, e), e.decode(b, 0, b.length / e.width())));
            }
        }
    }

    private static void text(String value, List<Candidate> out) {
        String t = value.strip();
        if (t.length() < MIN_TEXT) {
            return;
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            float[] v = numbers(t.substring(1, t.length() - 1), -1);
            if (v != null) {
                out.add(new Candidate(new Layout(Storage.JSON_ARRAY, Encoding.DECIMAL), v));
            }
            return;
        }
        if (NUMBERS.matcher(t).matches()) {
            float[] v = numbers(t, -1);
            if (v != null) {
                out.add(new Candidate(new Layout(Storage.NUMBERS, Encoding.DECIMAL), v));
                return;
            }
        }
        if (HEX.matcher(t).matches()) {
            bytes(HexFormat.of().parseHex(t), Storage.HEX, out);
        }
        byte[] decoded = base64(t);
        if (decoded != null) {
            bytes(decoded, Storage.BASE64, out);
        }
    }

    private static byte[] base64(String t) {
        if (!BASE64.matcher(t).matches()) {
            return null;
        }
        try {
            return t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The numbers of a list separated by commas, semicolons or blanks; null if any item is not a
     * number, or if there are not {@code dimension} of them (any count in range when negative).
     */
    static float[] numbers(String list, int dimension) {
        float[] out = new float[dimension > 0 ? dimension : 256];
        int n = 0;
        int i = 0;
        int length = list.length();
        while (i < length) {
            char c = list.charAt(i);
            if (c == ',' || c == ';' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length) {
                char d = list.charAt(i);
                if (d == ',' || d == ';' || Character.isWhitespace(d)) {
                    break;
                }
                i++;
            }
            if (n == out.length) {
                if (dimension > 0 || n >= MAX_DIMENSION) {
                    return null;
                }
                out = java.util.Arrays.copyOf(out, Math.min(MAX_DIMENSION, n * 2));
            }
            String token = list.substring(start, i);
            if (!numeric(token)) {
                return null;
            }
            try {
                out[n++] = Float.parseFloat(token);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (dimension > 0 ? n != dimension : !inRange(n)) {
            return null;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** A decimal number (Float.parseFloat also takes "NaN", "Infinity", hex floats and a trailing 'f'). */
    static boolean numeric(String token) {
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    private static boolean printable(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
