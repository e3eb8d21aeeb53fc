package org.huisu.formats.shell;

/**
 * Where an upload goes (or a remote deletion points), as written and with variables substituted, read into
 * its pieces; a piece the text does not give is the empty string. {@code scheme} is {@code s3}, {@code oss},
 * {@code cos}, {@code http(s)}, {@code ftp}, {@code rclone} (a {@code remote:path}), {@code mc} (an
 * {@code alias/bucket/path}), {@code ssh} ({@code host:path} of scp or rsync) or {@code rsync}; {@code remote}
 * is the rclone remote or mc alias; {@code key} is the object key or path prefix after the bucket.
 */
public record Destination(String written, String expanded, String scheme, String remote, String user, String host,
        String bucket, String key) {
}
