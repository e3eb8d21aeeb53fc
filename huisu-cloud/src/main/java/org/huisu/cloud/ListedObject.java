package org.huisu.cloud;

import java.time.Instant;

/**
 * One entry of a bucket listing: a current object, an older version, or a delete marker (which has
 * no bytes: it is the record that the key was deleted, and when).
 *
 * @param versionId null when the bucket keeps no versions (or the endpoint gives none)
 * @param latest whether this is what a plain GET of the key returns (a delete marker may be latest)
 */
public record ListedObject(String key, String versionId, boolean latest, boolean deleteMarker, long size,
        String etag, Instant lastModified, String storageClass, String owner) {

    /**
     * A folder placeholder that consoles and sync tools write: {@code key/} with no bytes. Servers
     * that keep objects as files (s3proxy, some NAS gateways) list a folder with its directory's size
     * on disk, 4096 or a multiple of it, and serve no bytes for it.
     */
    public boolean placeholder() {
        return !deleteMarker && key.endsWith("/") && size % 4096 == 0;
    }

    /** Unique within the listing: the key for the current version, else {@code key?versionId=V}. */
    public String locator() {
        return latest && !deleteMarker || versionId == null ? key : key + "?versionId=" + versionId;
    }

    /** The ETag without its quotes. */
    public static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** A single-part upload's ETag is the MD5 of the bytes, which can then be checked. */
    public boolean etagIsMd5() {
        return etag != null && etag.length() == 32 && etag.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
