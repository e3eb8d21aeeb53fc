package org.huisu.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.huisu.core.Timestamps;
import org.huisu.core.acquire.Manifest;
import org.huisu.core.model.Artifact;
import org.huisu.core.objects.HashedText;
import org.huisu.core.objects.ObjectStore;

/**
 * The text that seals an inspected bucket: one tab-separated line per listed entry, in code-point
 * order of locator (the key, and {@code ?versionId=} for older versions and delete markers), with
 * what the listing said — kind, version, whether it is the latest, delete marker, size, ETag,
 * last-modified time, storage class — and the SHA-256 of the bytes where they were downloaded. Its
 * SHA-256 is the source's manifest hash; the text is kept in the object store under that hash.
 */
final class ListingManifest {

    static final String HEADER = "#huisu-s3-listing-v1\tkind\tkey\tversion-id\tlatest\tdelete-marker\tsize\tetag"
            + "\tlast-modified\tstorage-class\tsha256\n";

    private final HashedText text;

    ListingManifest(ObjectStore objects) throws IOException {
        this.text = new HashedText(objects).append(HEADER);
    }

    /** Adds the next artifact; callers give them in code-point order of locator. */
    void add(Artifact a) {
        Map<String, Object> at = a.attributes();
        StringBuilder buffer = new StringBuilder(256);
        buffer.append(a.kind().name()).append('\t')
                .append(Manifest.escape(String.valueOf(at.getOrDefault("key", a.locator())))).append('\t')
                .append(dash(at.get("versionId"))).append('\t')
                .append(dash(at.get("latest"))).append('\t')
                .append(Boolean.TRUE.equals(at.get("deleteMarker"))).append('\t')
                .append(dash(a.size())).append('\t')
                .append(dash(at.get("etag"))).append('\t')
                .append(a.times() == null || a.times().modified() == null ? "-"
                        : Timestamps.format(a.times().modified())).append('\t')
                .append(dash(at.get("storageClass"))).append('\t')
                .append(dash(a.sha256())).append('\n');
        try {
            text.append(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the manifest, files it in the object store, and returns its SHA-256. */
    String finish() throws IOException {
        return text.finish();
    }

    private static String dash(Object o) {
        return o == null ? "-" : Manifest.escape(o.toString());
    }
}
