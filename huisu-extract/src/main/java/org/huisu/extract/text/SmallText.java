package org.huisu.extract.text;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;
import org.huisu.core.pipeline.Item;

/**
 * The whole text of a small text item (a crontab, a script, a client configuration) read through
 * {@link TextLines}, saying whether it was too large to read and whether it ended early: a
 * truncated gzip keeps the lines read before the break instead of failing the item.
 */
public record SmallText(String text, boolean tooLarge, boolean truncated, long gb18030Lines) {

    /** Reads at most {@code maxChars} characters; {@code text} is empty when the item holds more. */
    public static SmallText read(Item item, int maxChars) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean[] tooLarge = {false};
        long[] gb = {0};
        try {
            TextLines.read(item, line -> {
                if (b.length() + line.text().length() > maxChars) {
                    tooLarge[0] = true;
                    return false;
                }
                gb[0] += line.gb18030() ? 1 : 0;
                b.append(line.text()).append('\n');
                return true;
            });
        } catch (EOFException | ZipException e) {
            // a gzip cut short or damaged: what came before the break is still evidence
            return new SmallText(b.toString(), false, true, gb[0]);
        }
        return tooLarge[0] ? new SmallText("", true, false, gb[0]) : new SmallText(b.toString(), false, false, gb[0]);
    }
}
