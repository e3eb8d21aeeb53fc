package org.huisu.extract.text;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether bytes read like text: no NUL, and valid UTF-8 or GB18030 for almost all of them. */
public final class TextSniffer {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextSniffer() {
    }

    public static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        if (control * 50 > head.length) {
            return false;
        }
        return decodes(head, StandardCharsets.UTF_8) || decodes(head, GB18030);
    }

    /**
     * Strictly, except at the end: the head of a file may stop in the middle of a character, which
     * is left undecoded rather than taken for a malformed one.
     */
    private static boolean decodes(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 16);
        return !decoder.decode(ByteBuffer.wrap(bytes), out, false).isError();
    }
}
