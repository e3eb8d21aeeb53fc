package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.huisu.core.Timestamps;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Artifact;
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

    private static final int FLUSH_AT = 1 << 16;

    private final Digests digest = new Digests(java.util.EnumSet.of(HashAlgorithm.SHA256));
    private final ObjectStore.Pending copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    Manifest(ObjectStore.Pending copy) {
        this.copy = copy;
        buffer.append(HEADER);
    }

    /** Adds the next row; callers give them in code-point order of locator. */
    void add(CaseStore.ManifestRow row) throws IOException {
        buffer.append(line(row.kind(), row.sha256(), row.size(), row.modified(), row.locator(), row.linkTarget()));
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the manifest, files it in the object store, and returns its SHA-256. */
    String finish() throws IOException {
        flush();
        String sha256 = digest.finish().get(HashAlgorithm.SHA256);
        copy.commit(sha256);
        return sha256;
    }

    private void flush() throws IOException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        digest.update(bytes, 0, bytes.length);
        copy.write(ByteBuffer.wrap(bytes));
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
    static String escape(String s) {
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
