package org.huisu.extract.cloudlog;

/** Tencent Cloud COS access logs: object uploads, downloads, deletions and listings as activities. */
public final class CosAccessLogExtractor extends CloudAccessLogExtractor {

    public CosAccessLogExtractor() {
        super("cos-access-log", "cos");
    }

    @Override
    public String description() {
        return "Tencent Cloud COS access logs: uploads, downloads, deletions and listings of objects";
    }
}
