package org.huisu.scenario.cloud;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The cloud the office uploaded to: its bucket, endpoint, URL style and access-log format.
 */
public enum Provider {
    S3("lakeview-faces", "s3.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
    OSS("hz-lakeview-faces", "oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou");

    private final String bucket;
    private final String endpointHost;
    private final String region;

    Provider(String bucket, String endpointHost, String region) {
        this.bucket = bucket;
        this.endpointHost = endpointHost;
        this.region = region;
    }

    public String bucket() {
        return bucket;
    }

    public String endpointHost() {
        return endpointHost;
    }

    public String region() {
        return region;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Provider fromCliName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The object's address as an app stores it: virtual-hosted style over HTTPS. */
    public String objectUrl(String key) {
        return "https://" + bucket + "." + endpointHost + "/" + encodeKey(key);
    }

    /** The bucket's own scheme, as the provider's command-line client writes it. */
    public String uri(String key) {
        return (this == OSS ? "oss://" : "s3://") + bucket + "/" + key;
    }

    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
