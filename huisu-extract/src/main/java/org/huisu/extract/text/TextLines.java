package org.huisu.extract.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.huisu.core.pipeline.Item;

/**
 * The lines of a text item, one at a time, whatever it was written in: gzip is unpacked on the way,
 * each line is read as UTF-8 and, where that fails, as GB18030 (which includes GBK: logs and paths
 * from Chinese systems) — no line is dropped for its encoding. Lines longer than a limit are cut
 * and said to be.
 */
public final class TextLines {

    /** Longer lines are cut here: a 10 MB "line" is not a log line. */
    public static final int MAX_LINE = 1 << 20;

    private static final int HEAD_BYTES = 1 << 20;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final java.lang.invoke.VarHandle WORDS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private TextLines() {
    }

    /** One line as read. */
    public record Line(long number, String text, boolean gb18030, boolean cut) {
    }

    /** What the caller does with each line; returning false stops the reading. */
    @FunctionalInterface
    public interface Handler {
        boolean line(Line line) throws IOException;
    }

    /** What reading found, for the item's description. */
    public record Summary(long lines, long gb18030Lines, long cutLines, boolean gzip) {
    }

    /** Opens the item's bytes, unpacking gzip when they start with its magic. */
    public static InputStream open(Item item) throws IOException {
        BufferedInputStream in = new BufferedInputStream(item.open(), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    public static boolean gzipped(Item item) throws IOException {
        try (InputStream in = item.open()) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * The first {@code max} non-blank lines, for telling the format; those before the damage when
     * compressed data is cut off (reading the whole then says so).
     */
    public static java.util.List<String> head(Item item, int max) throws IOException {
        // every line-log extractor asks for the same head of the same item, one after the other
        Head last = LAST_HEAD.get();
        if (last != null && last.item() == item && last.max() == max) {
            return last.lines();
        }
        java.util.List<String> lines = readHead(item, max);
        LAST_HEAD.set(new Head(item, max, lines));
        return lines;
    }

    private record Head(Item item, int max, java.util.List<String> lines) {
    }

    /** The last head read on this thread: an item's extractors run on one thread, one after the other. */
    private static final ThreadLocal<Head> LAST_HEAD = new ThreadLocal<>();

    private static java.util.List<String> readHead(Item item, int max) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        // binary data may hold no line end at all: look no further than the first MiB
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        try (InputStream in = open(item)) {
            byte[] buffer = new byte[8192];
            int lineEnds = 0;
            for (int n; lineEnds <= 2 * max && first.size() < HEAD_BYTES && (n = in.read(buffer, 0,
                    Math.min(buffer.length, HEAD_BYTES - first.size()))) > 0; ) {
                first.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    lineEnds += buffer[i] == '\n' ? 1 : 0;
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // the lines before the damage tell the format as well
        }
        read(new java.io.ByteArrayInputStream(first.toByteArray()), line -> {
            if (!line.text().isBlank()) {
                lines.add(line.text());
            }
            return lines.size() < max;
        }, false);
        return java.util.List.copyOf(lines);
    }

    /**
     * The whole text of a small item (a configuration file), lines joined with {@code \n}; null
     * when it holds more than {@code maxChars}.
     */
    public static String text(Item item, int maxChars) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean[] tooLong = {false};
        read(item, line -> {
            if (b.length() + line.text().length() > maxChars) {
                tooLong[0] = true;
                return false;
            }
            b.append(line.text()).append('\n');
            return true;
        });
        return tooLong[0] ? null : b.toString();
    }

    public static Summary read(Item item, Handler handler) throws IOException {
        try (InputStream in = open(item)) {
            return read(in, handler, gzipped(item));
        }
    }

    /** The lines of a stream already unpacked, as {@link #read(Item, Handler)} reads an item's. */
    public static Summary read(InputStream in, Handler handler) throws IOException {
        return read(in, handler, false);
    }

    private static Summary read(InputStream in, Handler handler, boolean gzip) throws IOException {
        Reader reader = new Reader(handler);
        byte[] buffer = new byte[1 << 18];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (!reader.chunk(buffer, n)) {
                return reader.summary(gzip);
            }
        }
        reader.last();
        return reader.summary(gzip);
    }

    /** The lines' count and what was said about them; the start of a line the chunk cut off. */
    private static final class Reader {
        private final Handler handler;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] carried = new byte[8192];
        private int carriedLength;
        private boolean carriedHigh;
        private boolean cut;
        private long number;
        private long gb;
        private long cuts;

        Reader(Handler handler) {
            this.handler = handler;
        }

        /**
         * The lines of one chunk read: a line that ends in it is decoded from it in place; only the
         * start of a line that runs past its end is carried over to the next. (A method of its own,
         * called once a chunk, so that the JIT compiles the loop as a whole method.)
         */
        boolean chunk(byte[] buffer, int n) throws IOException {
            int start = 0;
            while (start < n) {
                int end = start;
                long high = 0;
                // eight bytes at a time: where the first line end is, and whether a byte before it
                // has its high bit set (not ASCII)
                while (end + 8 <= n) {
                    long word = (long) WORDS.get(buffer, end);
                    long x = word ^ NEWLINES;
                    long found = (x - ONES) & ~x & HIGH_BITS;
                    if (found != 0) {
                        int at = Long.numberOfTrailingZeros(found) >>> 3;
                        high |= word & HIGH_BITS & ((1L << (at << 3)) - 1);
                        end += at;
                        break;
                    }
                    high |= word & HIGH_BITS;
                    end += 8;
                }
                while (end < n && buffer[end] != '\n') {
                    high |= buffer[end] & 0x80;
                    end++;
                }
                if (end == n) {
                    carry(buffer, start, end - start);
                    return true;
                }
                if (!line(buffer, start, end - start, high != 0)) {
                    return false;
                }
                start = end + 1;
            }
            return true;
        }

        void carry(byte[] bytes, int offset, int length) {
            int room = MAX_LINE - carriedLength;
            if (length > room) {
                cut = true;
                length = room;
            }
            if (carriedLength + length > carried.length) {
                carried = java.util.Arrays.copyOf(carried,
                        Math.min(MAX_LINE, Math.max(carried.length * 2, carriedLength + length)));
            }
            for (int i = 0; i < length; i++) {
                carriedHigh |= bytes[offset + i] < 0;
            }
            System.arraycopy(bytes, offset, carried, carriedLength, length);
            carriedLength += length;
        }

        boolean line(byte[] bytes, int offset, int length, boolean high) throws IOException {
            if (carriedLength > 0 || cut) {
                carry(bytes, offset, length);
                return flush();
            }
            if (length > MAX_LINE) {
                length = MAX_LINE;
                cut = true;
            }
            return emit(bytes, offset, length, high);
        }

        void last() throws IOException {
            if (carriedLength > 0 || cut) {
                flush();
            }
        }

        private boolean flush() throws IOException {
            boolean go = emit(carried, 0, carriedLength, carriedHigh);
            carriedLength = 0;
            carriedHigh = false;
            return go;
        }

        private boolean emit(byte[] bytes, int offset, int length, boolean high) throws IOException {
            number++;
            Line l = decode(bytes, offset, length, high, number, cut, utf8);
            gb += l.gb18030() ? 1 : 0;
            cuts += cut ? 1 : 0;
            cut = false;
            return handler.line(l);
        }

        Summary summary(boolean gzip) {
            return new Summary(number, gb, cuts, gzip);
        }
    }

    private static Line decode(byte[] bytes, int offset, int length, boolean high, long number, boolean cut,
            CharsetDecoder utf8) {
        int end = offset + length;
        if (end > offset && bytes[end - 1] == '\r') {
            end--;
        }
        if (!high) {
            return new Line(number, new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1), false, cut);
        }
        try {
            String text = utf8.reset().decode(ByteBuffer.wrap(bytes, offset, end - offset)).toString();
            return new Line(number, text, false, cut);
        } catch (CharacterCodingException e) {
            return new Line(number, new String(bytes, offset, end - offset, GB18030), true, cut);
        }
    }
}
