package org.huisu.detect.identity;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.TextLines;
import org.huisu.extract.text.TextSniffer;

/**
 * Looks for one kind of personal number wherever an artifact may hold one: its name (every
 * artifact's: files, folders, members, cloud objects), its lines when it holds text (plain, UTF-8 or
 * GBK), and its columns when it is a database row. All it finds in one artifact becomes one finding,
 * counted by different numbers, with only masked examples.
 */
abstract class IdentifierDetector implements Detector {

    /**
     * The kinds whose names someone gave: files, folders, members, cloud objects. The others are
     * named after what they were read from (a row's {@code table#rowid}, a script line's command),
     * which is read where it stands.
     */
    private static final Set<ArtifactKind> NAMED = EnumSet.of(ArtifactKind.FILE, ArtifactKind.DIRECTORY,
            ArtifactKind.SYMLINK, ArtifactKind.SPECIAL, ArtifactKind.ARCHIVE_MEMBER, ArtifactKind.CLOUD_OBJECT);

    /** Bytes looked at to tell whether an item of no known text type holds text. */
    private static final int SNIFF = 4096;

    /** The finder; one per item, so that "today" is the day the item is examined. */
    abstract NumberFinder finder();

    @Override
    public boolean accepts(Item item) {
        ArtifactKind kind = item.artifact().kind();
        return kind == ArtifactKind.DB_ROW || NAMED.contains(kind) && mayHoldNumber(item.name())
                || item.hasContent() && mayHoldText(item.mediaType());
    }

    @Override
    public void extract(Item item, Emitter out) throws IOException {
        NumberFinder finder = finder();
        Tally tally = new Tally();
        if (item.artifact().kind() == ArtifactKind.DB_ROW) {
            Map<String, Object> attributes = item.artifact().attributes();
            if (attributes != null && attributes.get("columns") instanceof Map<?, ?> columns) {
                for (Map.Entry<?, ?> c : columns.entrySet()) {
                    String column = String.valueOf(c.getKey());
                    String value = text(c.getValue());
                    finder.find(value, column, f -> tally.inColumn(column, f));
                }
            }
        } else {
            if (NAMED.contains(item.artifact().kind())) {
                finder.find(item.name(), null, tally::inName);
            }
            if (item.hasContent() && mayHoldText(item.mediaType()) && holdsText(item)) {
                TextLines.read(item, line -> {
                    boolean[] first = {true};
                    finder.find(line.text(), null, f -> {
                        tally.inLine(line.number(), f, first[0]);
                        first[0] = false;
                    });
                    return true;
                });
            }
        }
        if (!tally.isEmpty()) {
            out.finding(finder.category(), tally.distinct(), tally.confidence(), tally.details());
        }
    }

    /** A column's value as text: numbers as their digits (a phone kept as INTEGER), BLOBs not at all. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Number n) {
            // read back from JSON a large integer may come as a double or a decimal
            try {
                return new BigDecimal(n.toString()).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** At least eleven digits: the shortest number looked for. */
    static boolean mayHoldNumber(String name) {
        int digits = 0;
        for (int i = 0; i < name.length() && digits < 11; i++) {
            digits += Context.digit(name.charAt(i)) ? 1 : 0;
        }
        return digits >= 11;
    }

    /**
     * Text of any kind, JSON, XML, SQL and scripts, and bytes of no known type; not compressed
     * files (the archive extractor gives their content as members, read in turn), images, video or
     * databases (whose rows are read as rows).
     */
    static boolean mayHoldText(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        return mediaType.startsWith("text/") || mediaType.endsWith("/json") || mediaType.endsWith("+json")
                || mediaType.endsWith("/xml") || mediaType.endsWith("+xml") || mediaType.equals("application/x-ndjson")
                || mediaType.equals("application/sql") || mediaType.equals("application/x-sh")
                || mediaType.equals("application/javascript") || mediaType.equals("application/octet-stream");
    }

    /** Whether the first bytes read as text: an unknown binary file is not read line by line. */
    private static boolean holdsText(Item item) throws IOException {
        if (!item.mediaType().equals("application/octet-stream")) {
            return true;
        }
        try (InputStream in = item.open()) {
            return TextSniffer.looksLikeText(in.readNBytes(SNIFF));
        }
    }
}
