package org.huisu.extract.cloudlog;

/** MinIO audit logs (JSON lines): object uploads, downloads, deletions and listings as activities. */
public final class MinioAuditLogExtractor extends CloudAccessLogExtractor {

    public MinioAuditLogExtractor() {
        super("minio-audit-log", "s3");
    }

    @Override
    public String description() {
        return "MinIO audit logs (JSON lines): uploads, downloads, deletions and listings of objects";
    }
}
