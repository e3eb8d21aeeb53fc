package org.huisu.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextSnifferTest {

    /** A file's head may stop anywhere in a character: text it is, wherever the cut falls. */
    @Test
    void chineseTextIsTextWhereverTheHeadCutsACharacter() {
        byte[] utf8 = "身份证号: 11010519491231002X 手机 13812345678\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "身份证号: 11010519491231002X 手机 13812345678\n".repeat(200).getBytes(Charset.forName("GBK"));
        for (int cut = 10; cut < 60; cut++) {
            assertThat(TextSniffer.looksLikeText(Arrays.copyOf(utf8, cut))).as("UTF-8 cut at %d", cut).isTrue();
            assertThat(TextSniffer.looksLikeText(Arrays.copyOf(gbk, cut))).as("GBK cut at %d", cut).isTrue();
        }
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030OrHoldZerosAreNotText() {
        byte[] zeros = "abc\0def".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextSniffer.looksLikeText(zeros)).isFalse();
        // a lone continuation byte and an invalid GB18030 pair in the middle, not at the end
        byte[] broken = {'a', (byte) 0x80, (byte) 0xff, (byte) 0xff, 'b', 'c', 'd', 'e', 'f', 'g'};
        assertThat(TextSniffer.looksLikeText(broken)).isFalse();
    }
}
