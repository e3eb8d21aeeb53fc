package org.huisu.extract.text;

import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * A log read line by line with one parser of {@code huisu-formats}: the file's format is told from
 * its first lines (not its name), every line is then parsed — plain or gzip, UTF-8 or GBK — and
 * what the parser gives is handed to {@link #record}. Lines not in the format (a truncated last
 * line, another program's lines in the same file) are counted as one extraction error with the
 * first examples; a cut-off compressed file keeps the lines read before the cut.
 *
 * @param <T> the parser's record
 */
public abstract class LineLogExtractor<T> implements Extractor {

    /** How many non-blank lines tell the format. */
    protected static final int HEAD_LINES = 20;
    /** Line text kept with an activity, for the reader to see without opening the file. */
    private static final int MAX_KEPT_TEXT = 2000;

    /** The parser for this item: configured with its zone, and for syslog with its year. */
    protected abstract LineParser<T> parser(Item item);

    /**
     * What turns the item's records into activities, actors or children; one per item, so that it
     * may keep what earlier lines said (the run an rclone line belongs to).
     */
    protected abstract Recorder<T> recorder(Item item);

    /** Turns one record, read from {@code line}, into what the case keeps. */
    @FunctionalInterface
    protected interface Recorder<T> {
        void record(T value, TextLines.Line line, Emitter out) throws IOException;
    }

    /** Whether the item holds lines at all, from its type; cheap. */
    @Override
    public boolean accepts(Item item) {
        return item.hasContent() && TextTypes.mayHoldLines(item.mediaType());
    }

    /**
     * Whether the first lines are in the format: at least one, and at least a quarter of them, so
     * that a log mixing formats is read by each of its formats' extractors.
     */
    protected boolean isInFormat(LineParser<T> parser, List<String> head) {
        long recognized = head.stream().filter(parser::recognizes).count();
        return recognized > 0 && recognized * 4 >= head.size() && !isMostlyIn(yieldsTo(), head);
    }

    /**
     * Formats whose files this extractor leaves to theirs, for their lines look like its own: an
     * OSS access log's lines start as a web server's do.
     */
    protected List<LineParser<?>> yieldsTo() {
        return List.of();
    }

    /** Whether more than half of the lines are in one of the formats. */
    protected static boolean isMostlyIn(List<LineParser<?>> formats, List<String> head) {
        for (LineParser<?> other : formats) {
            if (head.stream().filter(other::recognizes).count() * 2 > head.size()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the times of this format may be written without a zone, so that the item's zone was assumed. */
    protected boolean mayAssumeZone() {
        return false;
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        LineParser<T> parser = parser(item);
        List<String> head = TextLines.head(item, HEAD_LINES);
        if (head.isEmpty() || !isInFormat(parser, head)) {
            return;
        }
        Recorder<T> recorder = recorder(item);
        long[] counts = new long[3];
        TextLines.Summary summary = null;
        try {
            summary = TextLines.read(item, line -> {
                if (line.cut()) {
                    counts[2]++;
                    out.problem("LINE_TOO_LONG", "lines longer than " + TextLines.MAX_LINE / (1 << 20)
                            + " MiB are not log lines and were not parsed", "line " + line.number() + ": "
                            + line.text().substring(0, Math.min(200, line.text().length())));
                    return true;
                }
                Parsed<T> parsed = parser.parse(line.text());
                if (parsed instanceof Parsed.Value<T> v) {
                    counts[0]++;
                    recorder.record(v.value(), line, out);
                } else if (parsed instanceof Parsed.Error<T> e) {
                    counts[1]++;
                    out.problem("BAD_LINE", "lines not in the " + parser.name() + " format were not read",
                            "line " + line.number() + ": " + e.message() + ": " + line.text());
                }
                return true;
            });
        } catch (ZipException | EOFException e) {
            out.problem("TRUNCATED", "the compressed file is cut off or damaged; the lines before the damage were read",
                    e.getMessage());
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("records", counts[0]);
        log.put("badLines", counts[1]);
        if (summary != null) {
            log.put("lines", summary.lines());
            log.put("gzip", summary.gzip());
            if (summary.gb18030Lines() > 0) {
                log.put("gb18030Lines", summary.gb18030Lines());
            }
        }
        if (counts[2] > 0) {
            log.put("cutLines", counts[2]);
        }
        if (mayAssumeZone()) {
            log.put("assumedZone", item.zone().getId());
        }
        out.describe(null, Map.of(name(), log));
    }

    /** The line's text to keep with an activity, shortened when long. */
    protected static String kept(TextLines.Line line) {
        String t = line.text();
        return t.length() <= MAX_KEPT_TEXT ? t : t.substring(0, MAX_KEPT_TEXT) + "…";
    }
}
