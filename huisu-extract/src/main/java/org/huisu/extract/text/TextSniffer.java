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
        // the last character may be cut in the middle: decode all but the last three bytes strictly
        int n = Math.max(0, head.length - 3);
        return decodes(head, n, StandardCharsets.UTF_8) || decodes(head, n, GB18030);
    }

    private static boolean decodes(byte[] bytes, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
