package org.huisu.extract.cloudlog;

/** AWS S3 server access logs: object uploads, downloads, deletions and listings as activities. */
public final class S3AccessLogExtractor extends CloudAccessLogExtractor {

    public S3AccessLogExtractor() {
        super("s3-access-log", "s3");
    }

    @Override
    public String description() {
        return "AWS S3 server access logs: uploads, downloads, deletions and listings of objects";
    }
}
