package org.huisu.core.acquire;

import java.io.IOException;
import org.huisu.core.Timestamps;
import org.huisu.core.model.Artifact;
import org.huisu.core.objects.HashedText;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.store.CaseStore;

/**
 * The text that seals a source: one tab-separated line per artifact, in code-point order of
 * path, giving what identifies the evidence — type, SHA-256, size, modification time, path and
 * link target. Ownership, access and change times are left out: reading and lawful copying alter
 * them without altering the evidence. Its SHA-256 is the source's manifest hash, and the text
 * itself is kept in the object store under that hash, so anyone can recompute it with
 * {@code sha256sum}.
 */
public final class Manifest {

    public static final String HEADER = "#huisu-manifest-v1\tkind\tsha256\tsize\tmodified\tpath\tlink-target\n";

    private final HashedText text;

    Manifest(ObjectStore objects) throws IOException {
        this.text = new HashedText(objects).append(HEADER);
    }

    /** Adds the next row; callers give them in code-point order of locator. */
    void add(CaseStore.ManifestRow row) throws IOException {
        text.append(line(row.kind(), row.sha256(), row.size(), row.modified(), row.locator(), row.linkTarget()));
    }

    /** Ends the manifest, files it in the object store, and returns its SHA-256. */
    String finish() throws IOException {
        return text.finish();
    }

    public static String line(Artifact a) {
        return line(a.kind().name(), a.sha256(), a.size(),
                a.times() == null ? null : Timestamps.format(a.times().modified()), a.locator(), a.linkTarget());
    }

    private static String line(String kind, String sha256, Long size, String modified, String locator,
            String linkTarget) {
        return kind + '\t' + dash(sha256) + '\t' + (size == null ? "-" : size.toString()) + '\t' + dash(modified)
                + '\t' + escape(locator) + '\t' + dash(linkTarget == null ? null : escape(linkTarget)) + '\n';
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    /** Backslash-escapes the characters that would break a line or a column. */
    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
