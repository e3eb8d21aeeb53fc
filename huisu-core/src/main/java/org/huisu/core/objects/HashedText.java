package org.huisu.core.objects;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;

/**
 * A text written into the object store as it grows — a manifest that seals a source — and filed
 * under its own SHA-256 at the end, so that {@code sha256sum} on the stored file gives the seal.
 * Memory stays bounded however long the text.
 */
public final class HashedText {

    private static final int FLUSH_AT = 1 << 16;

    private final Digests digest = new Digests(EnumSet.of(HashAlgorithm.SHA256));
    private final ObjectStore.Pending copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    public HashedText(ObjectStore objects) throws IOException {
        this.copy = objects.begin();
    }

    public HashedText append(CharSequence text) throws IOException {
        buffer.append(text);
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
        return this;
    }

    /** Ends the text, files it in the object store and returns its SHA-256. */
    public String finish() throws IOException {
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
}
