package org.huisu.formats.cloudlog;

import java.time.Instant;
import java.util.List;

/**
 * One request to a cloud object store as its access log recorded it, the same record for AWS S3,
 * Alibaba OSS, Tencent COS and MinIO; text fields are null where the log has none or writes {@code -}.
 *
 * @param time when the request was logged, in UTC
 * @param remoteAddress the client's address as logged (an IP address, possibly with a port)
 * @param requester the account or principal that made the request (canonical user id, ARN, Aliyun
 *     id, {@code rootUIN:subUIN}, MinIO parent user); null when anonymous or not logged
 * @param accessKeyId the access key that signed the request, from its own field, the Authorization
 *     header, or a pre-signed URL's query
 * @param bucketOwner the account that owns the bucket
 * @param bucket the bucket
 * @param key the object key, URL-decoded (UTF-8); null for bucket-level requests
 * @param operation the operation name exactly as logged ({@code REST.PUT.OBJECT}, {@code PutObject})
 * @param kind what the operation did, the same for every provider
 * @param status the HTTP status; 0 when the log has none (lifecycle actions)
 * @param errorCode the provider's error code ({@code AccessDenied}, {@code NoSuchKey})
 * @param bytesSent response bytes sent to the client; -1 when unknown
 * @param bytesReceived request bytes received from the client; -1 when unknown
 * @param objectSize the object's size in bytes; -1 when unknown
 * @param userAgent the client's User-Agent
 * @param referer the request's Referer
 * @param host the host the request was sent to (Host header or endpoint)
 * @param requestId the provider's request id
 * @param versionId the object version the request touched
 * @param query the request URI's query string, raw, as logged (a pre-signed URL's signature
 *     parameters stay visible here)
 * @param batchKeys the keys a multi-object request names when the log lists them (MinIO's
 *     {@code api.objects}); empty otherwise
 * @param format the name of the parser that read the line, such as {@code s3-access-log}
 */
public record ObjectAccess(
        Instant time,
        String remoteAddress,
        String requester,
        String accessKeyId,
        String bucketOwner,
        String bucket,
        String key,
        String operation,
        AccessKind kind,
        int status,
        String errorCode,
        long bytesSent,
        long bytesReceived,
        long objectSize,
        String userAgent,
        String referer,
        String host,
        String requestId,
        String versionId,
        String query,
        List<String> batchKeys,
        String format) {

    public ObjectAccess {
        batchKeys = batchKeys == null ? List.of() : List.copyOf(batchKeys);
    }
}
