package org.huisu.formats.cloudlog;

import java.util.List;
import java.util.Optional;
import org.huisu.formats.LineParser;

/**
 * The cloud object-storage access-log formats (AWS S3, Alibaba OSS, Tencent COS, MinIO audit): all
 * their parsers, one by name, and the one a file is written in, told from its first lines.
 */
public final class CloudLogFormats {

    private static final List<LineParser<ObjectAccess>> ALL = List.of(new S3AccessLogParser(),
            new OssAccessLogParser(), new CosAccessLogParser(), new MinioAuditLogParser());

    private CloudLogFormats() {
    }

    /** Every cloud access-log parser; each is stateless and may be shared between threads. */
    public static List<LineParser<ObjectAccess>> all() {
        return ALL;
    }

    /** The parser of that {@code name()}, such as {@code s3-access-log}. */
    public static Optional<LineParser<ObjectAccess>> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The parser that recognizes more than half of the non-blank lines among {@code firstLines}, and
     * more of them than any other parser does; empty when none does or two do equally well. When no
     * parser recognizes a single line, the lines are tried joined, for a JSON object pretty-printed
     * over many lines (a MinIO audit entry saved from a webhook).
     */
    public static Optional<LineParser<ObjectAccess>> detect(List<String> firstLines) {
        List<String> lines = firstLines.stream().filter(l -> l != null && !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        LineParser<ObjectAccess> best = null;
        int bestCount = 0;
        boolean tie = false;
        for (LineParser<ObjectAccess> parser : ALL) {
            int count = 0;
            for (String line : lines) {
                if (parser.recognizes(line)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = parser;
                bestCount = count;
                tie = false;
            } else if (count == bestCount && count > 0) {
                tie = true;
            }
        }
        if (bestCount == 0) {
            return joined(String.join("\n", lines));
        }
        return tie || bestCount * 2 <= lines.size() ? Optional.empty() : Optional.of(best);
    }

    private static Optional<LineParser<ObjectAccess>> joined(String text) {
        List<LineParser<ObjectAccess>> recognizing = ALL.stream().filter(p -> p.recognizes(text)).toList();
        return recognizing.size() == 1 ? Optional.of(recognizing.get(0)) : Optional.empty();
    }
}
