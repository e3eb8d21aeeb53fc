package org.huisu.extract.filetype;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.Tika;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.TextSniffer;

/**
 * Decides what every item with bytes is by looking at them (Apache Tika: magic bytes first, the
 * name only to break ties), before any other extractor runs: a JPEG named {@code .dat} is a JPEG.
 */
public final class FileTypeExtractor implements Extractor {

    private static final Tika TIKA = new Tika();
    private static final int HEAD = 8192;

    @Override
    public String name() {
        return "file-type";
    }

    @Override
    public String description() {
        return "the media type of every file and member, from its first bytes (Apache Tika)";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean accepts(Item item) {
        return item.hasContent() && item.mediaType() == null;
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        String type;
        byte[] head;
        try (InputStream in = new BufferedInputStream(item.open(), 64 * 1024)) {
            in.mark(HEAD);
            head = in.readNBytes(HEAD);
            in.reset();
            type = TIKA.detect(in, item.name());
        }
        if (type.startsWith("text/") && head.length > 0 && !utf16(head) && !TextSniffer.looksLikeText(head)) {
            // Tika went by the name (x.log): say the content is not what the name says
            out.problem("NOT_TEXT", "the file is named as text but holds binary data; it was not read as text",
                    item.name());
            type = "application/octet-stream";
        }
        out.describe(type, Map.of());
    }

    private static boolean utf16(byte[] head) {
        return head.length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF
                || head[0] == (byte) 0xFF && head[1] == (byte) 0xFE);
    }
}
