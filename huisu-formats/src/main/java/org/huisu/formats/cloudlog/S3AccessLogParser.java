package org.huisu.formats.cloudlog;

import java.time.Instant;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * AWS S3 server access log: space-separated fields, {@code -} for absent, a bracketed time and quoted
 * request URI, referer and user agent. Lines before 2017 or so stop after the version id (or the
 * user agent); newer lines add fields at the end, which are read where known and otherwise ignored.
 */
final class S3AccessLogParser implements LineParser<ObjectAccess> {

    static final String NAME = "s3-access-log";

    private static final String NOT_S3 = "not an S3 server access log line";

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
            return Parsed.error(NOT_S3 + ": there is no line");
        }
        int begin = LineBounds.begin(line);
        int end = LineBounds.end(line);
        if (begin >= end) {
            return Parsed.skip("blank line");
        }
        FieldCursor f = new FieldCursor(line, begin, end, NOT_S3);
        String bucketOwner = f.text("the bucket owner");
        String bucket = f.required("the bucket");
        Instant time = f.clfTime("a [time]");
        String remoteAddress = f.text("the remote IP");
        String requester = f.text("the requester");
        String requestId = f.text("the request ID");
        OperationKinds.Operation operation = f.operation("the operation");
        if (operation == null || operation.name().indexOf('.') < 0) {
            f.expected("the operation (such as REST.GET.OBJECT)");
        }
        String key = f.decoded("the key");
        String query = f.query("the \"request URI\"");
        int status = f.status("the HTTP status");
        String errorCode = f.text("the error code");
        // S3 writes '-' for no bytes sent, but for an object size it does not know.
        long bytesSent = f.number("the bytes sent", 0);
        long objectSize = f.number("the object size", -1);
        f.number("the total time (ms)", -1);
        f.number("the turn-around time (ms)", -1);
        String referer = f.text("the \"referer\"");
        String userAgent = f.text("the \"user agent\"");
        String versionId = f.optionalText("the version id");
        f.optionalSkip("the host id");
        f.optionalSkip("the signature version");
        f.optionalSkip("the cipher suite");
        f.optionalSkip("the authentication type");
        String host = f.optionalText("the host header");
        if (f.problem() != null) {
            return Parsed.error(f.problem());
        }
        return Parsed.value(new ObjectAccess(time, remoteAddress, requester, RequestUri.accessKeyId(query),
                bucketOwner, bucket, key, operation.name(), operation.kind(), status, errorCode, bytesSent, -1,
                objectSize, userAgent, referer, host, requestId, versionId, query, null, NAME));
    }
}
