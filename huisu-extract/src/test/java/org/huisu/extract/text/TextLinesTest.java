package org.huisu.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The line reader against the plainest reading there is — split the bytes at each line end, then
 * decode each line — however the stream hands its bytes over: lines that start in one read and end
 * in another, lines longer than the limit, CR before LF, UTF-8, GBK and ASCII lines mixed.
 */
class TextLinesTest {

    private static final Charset GBK = Charset.forName("GBK");

    /** A stream that hands over at most {@code step} bytes a read, as a pipe or a gzip stream may. */
    private static InputStream trickling(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static List<TextLines.Line> read(InputStream in) throws IOException {
        List<TextLines.Line> lines = new ArrayList<>();
        TextLines.read(in, line -> lines.add(line));
        return lines;
    }

    /** The reference: split, strip one CR, cut at the limit, UTF-8 if it is, else GB18030. */
    private static List<String> reference(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length ? i > start : bytes[i] == '\n') {
                byte[] line = Arrays.copyOfRange(bytes, start, Math.min(i, start + TextLines.MAX_LINE));
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                line = Arrays.copyOf(line, length);
                String utf8 = new String(line, StandardCharsets.UTF_8);
                lines.add(Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), line) ? utf8
                        : new String(line, Charset.forName("GB18030")));
                start = i + 1;
            }
        }
        return lines;
    }

    @Provide
    Arbitrary<byte[]> logs() {
        Arbitrary<byte[]> line = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().withChars("人脸照片上传删除 abc/").ofMaxLength(80).map(s -> s.getBytes(GBK)),
                Arbitraries.strings().ascii().ofMaxLength(2000).map(s -> s.getBytes(StandardCharsets.ISO_8859_1)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
        return line.list().ofMaxSize(60).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
                out.write('\n');
            }
            return out.toByteArray();
        });
    }

    @Property(tries = 300)
    void readsWhatSplittingReadsHoweverTheBytesArrive(@ForAll("logs") byte[] log,
            @ForAll @IntRange(min = 1, max = 5000) int step) throws IOException {
        List<String> texts = read(trickling(log, step)).stream().map(TextLines.Line::text).toList();
        assertThat(texts).isEqualTo(reference(log));
    }

    @Test
    void aLineLongerThanTheLimitIsCutAndSaidToBeWhereverTheReadsBreakIt() throws IOException {
        byte[] longLine = new byte[TextLines.MAX_LINE * 3 + 17];
        Arrays.fill(longLine, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("first\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(longLine);
        out.writeBytes("\n上传 /data/人脸/1.jpg\n".getBytes(GBK));
        out.writeBytes("last, no line end".getBytes(StandardCharsets.US_ASCII));
        for (int step : new int[] {7, 65_536, 1 << 20, Integer.MAX_VALUE}) {
            List<TextLines.Line> lines = read(trickling(out.toByteArray(), step));
            assertThat(lines).extracting(TextLines.Line::number).containsExactly(1L, 2L, 3L, 4L);
            assertThat(lines.get(0).text()).isEqualTo("first");
            assertThat(lines.get(1).cut()).isTrue();
            assertThat(lines.get(1).text()).hasSize(TextLines.MAX_LINE);
            assertThat(lines.get(2).text()).isEqualTo("上传 /data/人脸/1.jpg");
            assertThat(lines.get(2).gb18030()).isTrue();
            assertThat(lines.get(2).cut()).isFalse();
            assertThat(lines.get(3).text()).isEqualTo("last, no line end");
        }
    }
}
