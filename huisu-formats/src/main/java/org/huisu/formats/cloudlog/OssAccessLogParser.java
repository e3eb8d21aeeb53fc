package org.huisu.formats.cloudlog;

import java.time.Instant;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * Alibaba Cloud OSS access log (the bucket's logging files): a Common-Log-Format-like head
 * ({@code RemoteIP - - [time +0800] "Request-URI" status bytes ms "Referer" "User-Agent"}) followed by
 * OSS's own fields, host, request id, requester, operation, bucket, URL-encoded key and more. Fields
 * from the object size on are optional, and fields appended by later versions are ignored.
 */
final class OssAccessLogParser implements LineParser<ObjectAccess> {

    static final String NAME = "oss-access-log";

    private static final String NOT_OSS = "not an OSS access log line";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognizes(String line) {
        return parse(line) instanceof Parsed.Value;
    }

    @Override
    public Parsed<ObjectAccess> parse(String line) {
        if (line == null) {
            return Parsed.error(NOT_OSS + ": there is no line");
        }
        int begin = LineBounds.begin(line);
        int end = LineBounds.end(line);
        if (begin >= end) {
            return Parsed.skip("blank line");
        }
        FieldCursor f = new FieldCursor(line, begin, end, NOT_OSS);
        String remoteAddress = f.text("the remote IP");
        f.skip("a reserved -");
        f.skip("a reserved -");
        Instant time = f.clfTime("a [time]");
        String query = f.query("the \"Request-URI\"");
        int status = f.status("the HTTP status");
        long bytesSent = f.number("the sent bytes", -1);
        f.number("the request time (ms)", -1);
        String referer = f.text("the \"Referer\"");
        String userAgent = f.text("the \"User-Agent\"");
        String host = f.text("the \"HostName\"");
        String requestId = f.text("the \"RequestID\"");
        f.skip("the \"LoggingFlag\"");
        String requester = f.text("the \"RequesterAliyunID\"");
        OperationKinds.Operation operation = f.operation("the \"Operation\"");
        String bucket = f.text("the \"Bucket\"");
        String key = f.decoded("the \"Key\"");
        long objectSize = f.hasMore() ? f.number("the object size", -1) : -1;
        if (f.hasMore()) {
            f.number("the server cost time (ms)", -1);
        }
        String errorCode = f.optionalText("the \"ErrorCode\"");
        long bytesReceived = f.hasMore() ? f.number("the request length", -1) : -1;
        String bucketOwner = f.optionalText("the \"UserID\"");
        f.optionalSkip("the delta data size");
        f.optionalSkip("the \"SyncRequest\"");
        f.optionalSkip("the \"StorageClass\"");
        f.optionalSkip("the \"TargetStorageClass\"");
        f.optionalSkip("the \"TransmissionAccelerationAccessPoint\"");
        String accessKeyId = f.optionalText("the \"AccessKeyID\"");
        if (f.problem() != null) {
            return Parsed.error(f.problem());
        }
        if (accessKeyId == null) {
            accessKeyId = RequestUri.accessKeyId(query);
        }
        return Parsed.value(new ObjectAccess(time, remoteAddress, requester, accessKeyId, bucketOwner, bucket, key,
                operation == null ? null : operation.name(), operation == null ? AccessKind.OTHER : operation.kind(),
                status, errorCode, bytesSent, bytesReceived, objectSize, userAgent, referer, host, requestId, null,
                query, null, NAME));
    }
}
