package org.huisu.extract.filetype;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.Tika;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;

/**
 * Decides what every item with bytes is by looking at them (Apache Tika: magic bytes first, the
 * name only to break ties), before any other extractor runs: a JPEG named {@code .dat} is a JPEG.
 */
public final class FileTypeExtractor implements Extractor {

    private static final Tika TIKA = new Tika();

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
        try (InputStream in = new BufferedInputStream(item.open(), 64 * 1024)) {
            type = TIKA.detect(in, item.name());
        }
        out.describe(type, Map.of());
    }
}
