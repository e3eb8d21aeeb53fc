package org.huisu.extract.cloudlog;

/** Alibaba Cloud OSS access logs (logging files): object uploads, downloads, deletions and listings as activities. */
public final class OssAccessLogExtractor extends CloudAccessLogExtractor {

    public OssAccessLogExtractor() {
        super("oss-access-log", "oss");
    }

    @Override
    public String description() {
        return "Alibaba Cloud OSS access logs (logging files): uploads, downloads, deletions and listings of objects";
    }
}
