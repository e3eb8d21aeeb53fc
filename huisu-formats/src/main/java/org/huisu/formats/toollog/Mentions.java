package org.huisu.formats.toollog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The places a log line names: bucket URIs ({@code oss://bucket/key}), other URLs and absolute
 * local paths ({@code /data/capture/x.jpg}, {@code D:\capture\x.jpg}), each with where it lies in
 * the line, so that words inside a path ({@code /data/upload/}) are not read as verbs.
 */
final class Mentions {

    enum Kind {
        LOCAL, URL, BUCKET
    }

    record Mention(Kind kind, String text, int start, int end) {

        boolean remote() {
            return kind != Kind.LOCAL;
        }
    }

    /** Schemes of object stores: AWS, Alibaba, Tencent, Google, Huawei, Baidu, Kingsoft, Azure, MinIO, R2, B2. */
    static final Set<String> BUCKET_SCHEMES = Set.of("s3", "s3a", "s3n", "oss", "cos", "cosn", "gs", "obs", "bos",
            "ks3", "az", "wasb", "wasbs", "abfs", "abfss", "minio", "r2", "b2");

    private Mentions() {
    }

    static List<Mention> find(String line, int from) {
        List<Mention> out = new ArrayList<>();
        int n = line.length();
        // URIs first: their paths are not local paths
        int k = line.indexOf("://", from);
        while (k > 0) {
            int j = k;
            while (j > from && isSchemeChar(line.charAt(j - 1))) {
                j--;
            }
            if (j < k && Character.isLetter(line.charAt(j)) && (j == from || !Character.isLetterOrDigit(line.charAt(j - 1)))) {
                int end = k + 3;
                while (end < n && !stopsUri(line.charAt(end))) {
                    end++;
                }
                end = trimEnd(line, k + 3, end);
                if (end > k + 3) {
                    String scheme = line.substring(j, k).toLowerCase(Locale.ROOT);
                    out.add(new Mention(BUCKET_SCHEMES.contains(scheme) ? Kind.BUCKET : Kind.URL,
                            line.substring(j, end), j, end));
                }
                k = line.indexOf("://", Math.max(end, k + 3));
            } else {
                k = line.indexOf("://", k + 3);
            }
        }
        List<Mention> uris = new ArrayList<>(out);
        int i = from;
        int u = 0;
        while (i < n) {
            if (u < uris.size() && i >= uris.get(u).start) {
                i = Math.max(i, uris.get(u).end);
                u++;
                continue;
            }
            char c = line.charAt(i);
            int limit = u < uris.size() ? uris.get(u).start : n;
            if (c == '/' && boundary(line, i, from) && i + 1 < limit && line.charAt(i + 1) != '/'
                    && !stopsPath(line.charAt(i + 1))) {
                int end = pathEnd(line, i, limit);
                out.add(new Mention(Kind.LOCAL, line.substring(i, end), i, end));
                i = end;
                continue;
            }
            if (Character.isLetter(c) && c < 128 && i + 3 < limit && line.charAt(i + 1) == ':'
                    && (line.charAt(i + 2) == '\\' || line.charAt(i + 2) == '/') && boundary(line, i, from)
                    && !stopsPath(line.charAt(i + 3))) {
                int end = pathEnd(line, i, limit);
                out.add(new Mention(Kind.LOCAL, line.substring(i, end), i, end));
                i = end;
                continue;
            }
            i++;
        }
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out;
    }

    private static int pathEnd(String line, int start, int limit) {
        int end = start + 1;
        while (end < limit && !stopsPath(line.charAt(end))) {
            end++;
        }
        return Math.max(start + 2, trimEnd(line, start + 2, end));
    }

    /** A path starts the line, follows white space, punctuation that opens a value, or a CJK character. */
    private static boolean boundary(String s, int i, int from) {
        if (i == from) {
            return true;
        }
        char p = s.charAt(i - 1);
        return Character.isWhitespace(p) || "\"'=([{<>:,|".indexOf(p) >= 0 || p > 0x2E7F;
    }

    private static boolean isSchemeChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }

    private static boolean stopsUri(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '|' || c == '`'
                || fullWidthPunctuation(c);
    }

    private static boolean stopsPath(char c) {
        return stopsUri(c) || c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '(';
    }

    private static boolean fullWidthPunctuation(char c) {
        return "，。；：）（】【」「、！？》《".indexOf(c) >= 0;
    }

    /** Drops sentence punctuation that follows a path or URI: {@code oss://b/x.jpg.} → {@code oss://b/x.jpg}. */
    private static int trimEnd(String s, int min, int end) {
        int e = end;
        while (e > min && ".,;:!?)]}".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }
}
