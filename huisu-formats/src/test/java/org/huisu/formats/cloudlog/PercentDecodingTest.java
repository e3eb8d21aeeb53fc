package org.huisu.formats.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    private static String decode(String s) {
        return PercentDecoding.decode(s, 0, s.length());
    }

    @Test
    void aChineseKeyWithABlankIsDecodedAsUtf8() {
        assertThat(decode("%E4%BA%BA%E8%84%B8/2024/a%20b.jpg")).isEqualTo("人脸/2024/a b.jpg");
        assertThat(decode("%e4%ba%ba%e8%84%b8")).isEqualTo("人脸");
    }

    @Test
    void aPlusIsAPlusNotABlank() {
        assertThat(decode("a+b%2Bc")).isEqualTo("a+b+c");
    }

    @Test
    void onlyThePartAskedForIsDecoded() {
        assertThat(PercentDecoding.decode("key=%41%42&x", 4, 10)).isEqualTo("AB");
        assertThat(PercentDecoding.decode("xx plain yy", 3, 8)).isEqualTo("plain");
    }

    @Test
    void rawCharactersBesideEscapesAreKept() {
        assertThat(decode("人脸%20照片")).isEqualTo("人脸 照片");
    }

    @Test
    void textThatIsNotPercentEncodedUtf8IsKeptRaw() {
        assertThat(decode("100%")).isEqualTo("100%");
        assertThat(decode("%zz.jpg")).isEqualTo("%zz.jpg");
        assertThat(decode("%E4%BA.jpg")).isEqualTo("%E4%BA.jpg");
        assertThat(decode("%C0%AF")).isEqualTo("%C0%AF");
        assertThat(decode("%ED%A0%80")).isEqualTo("%ED%A0%80");
        assertThat(decode("%FF")).isEqualTo("%FF");
        assertThat(decode("%F4%90%80%80")).isEqualTo("%F4%90%80%80");
    }

    @Property
    void anyKeyEncodedIsDecodedBackToItself(@ForAll String key) {
        Assume.that(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(key));
        assertThat(decode(Generators.percentEncode(key))).isEqualTo(key);
    }

    @Property
    void anyTextDecodesWithoutAnException(@ForAll String text) {
        assertThatCode(() -> decode(text)).doesNotThrowAnyException();
    }
}
