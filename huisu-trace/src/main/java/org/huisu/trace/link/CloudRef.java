package org.huisu.trace.link;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;

/**
 * An object in a bucket, however the evidence names it: {@code s3://b/k} (and {@code oss://},
 * {@code cos://}, {@code gs://}, {@code minio://}), rclone's {@code remote:b/k}, a virtual-hosted or path-style https URL of
 * AWS S3, Alibaba OSS, Tencent COS or any S3 endpoint, a signed URL (its query is not part of the
 * key), or a log record's bucket and key.
 */
public record CloudRef(String bucket, String key) {

    private static final Pattern SCHEME = Pattern.compile("^(s3|s3a|oss|cos|gs|minio|obs)://([^/]+)/?(.*)$");
    /** rclone's {@code remote:bucket/key}: the remote's name, then the bucket and key of an S3-type remote. */
    private static final Pattern REMOTE = Pattern.compile("^[A-Za-z0-9_.-]+:([a-z0-9][a-z0-9.-]{1,62})/(.+)$");
    /** Host names of object storage, with the bucket as the first label where virtual-hosted. */
    private static final Pattern STORAGE_HOST = Pattern.compile(
            "(^|\\.)(s3[.-]|s3\\.|oss-|cos\\.|obs\\.|storage\\.googleapis\\.com|minio)|amazonaws\\.com|aliyuncs\\.com|myqcloud\\.com");
    private static final Pattern VIRTUAL_HOST = Pattern.compile(
            "^([a-z0-9][a-z0-9.-]*?)\\.(s3[.-][a-z0-9.-]*amazonaws\\.com(\\.cn)?|s3\\.amazonaws\\.com|oss-[a-z0-9-]+(\\.[a-z-]+)?\\.aliyuncs\\.com|cos\\.[a-z0-9-]+\\.myqcloud\\.com|obs\\.[a-z0-9-]+\\.myhuaweicloud\\.com|storage\\.googleapis\\.com)$");

    /** The prefix: the key up to and including its first '/', or the key itself. */
    public String topPrefix() {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The object an artifact is, where it is a cloud object. */
    public static CloudRef of(Artifact a) {
        if (a.kind() != ArtifactKind.CLOUD_OBJECT || a.attributes() == null) {
            return null;
        }
        Object b = a.attributes().get("bucket");
        Object k = a.attributes().get("key");
        return b == null || k == null ? null : new CloudRef(b.toString(), k.toString());
    }

    /** The object an activity touched: a log record's bucket and key, else the first remote URI it names. */
    public static CloudRef of(Activity a) {
        Map<String, Object> at = a.attributes();
        Object b = at.get("bucket");
        Object k = at.get("key");
        if (b != null && k != null && !k.toString().contains("$")) {
            return new CloudRef(b.toString(), k.toString());
        }
        Object uris = at.get("remoteUris");
        if (uris instanceof java.util.List<?> list && !list.isEmpty()) {
            return parse(list.get(0).toString());
        }
        return a.subject() == null ? null : parse(a.subject());
    }

    /** Reads a URI or URL; null when it names no object of a bucket. */
    public static CloudRef parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher m = SCHEME.matcher(t);
        if (m.matches()) {
            return m.group(3).isEmpty() ? null : new CloudRef(m.group(2), m.group(3));
        }
        if (!t.startsWith("http://") && !t.startsWith("https://")) {
            Matcher r = REMOTE.matcher(t);
            return r.matches() ? new CloudRef(r.group(1), r.group(2)) : null;
        }
        URI uri;
        try {
            uri = URI.create(t.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        Matcher v = VIRTUAL_HOST.matcher(host);
        if (v.matches()) {
            return path.isEmpty() ? null : new CloudRef(v.group(1), path);
        }
        if (STORAGE_HOST.matcher(host).find() || uri.getPort() > 0) {
            int slash = path.indexOf('/');
            return slash <= 0 || slash == path.length() - 1 ? null
                    : new CloudRef(path.substring(0, slash), path.substring(slash + 1));
        }
        return null;
    }

    /** The path of a URL on a host that is not a storage endpoint (a CDN, the app's own domain). */
    public static String cdnPath(String text) {
        if (text == null || !(text.startsWith("http://") || text.startsWith("https://"))) {
            return null;
        }
        try {
            URI uri = URI.create(text.trim().replace(" ", "%20"));
            String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
            return path.startsWith("/") ? path.substring(1) : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String host(String url) {
        try {
            String h = URI.create(url.trim().replace(" ", "%20")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
