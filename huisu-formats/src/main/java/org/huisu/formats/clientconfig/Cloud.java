package org.huisu.formats.clientconfig;

import java.util.Locale;

/** Whose object store a remote points at, told from its provider setting or its endpoint's domain. */
public enum Cloud {
    AWS, ALIBABA, TENCENT, MINIO, OTHER;

    /** The cloud of a provider name ({@code Alibaba}, {@code TencentCOS}, {@code Minio}) or an endpoint. */
    public static Cloud of(String provider, String endpoint) {
        String p = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        String e = endpoint == null ? "" : endpoint.toLowerCase(Locale.ROOT);
        if (e.contains("aliyuncs.com") || p.contains("alibaba") || p.contains("aliyun") || p.equals("oss")) {
            return ALIBABA;
        }
        if (e.contains("myqcloud.com") || e.contains("tencentcos") || p.contains("tencent") || p.equals("cos")) {
            return TENCENT;
        }
        if (e.contains("amazonaws.com") || p.equals("aws")) {
            return AWS;
        }
        if (p.contains("minio") || e.contains("min.io")) {
            return MINIO;
        }
        return OTHER;
    }
}
