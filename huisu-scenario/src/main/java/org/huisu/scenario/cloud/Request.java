package org.huisu.scenario.cloud;

import java.time.Instant;

/**
 * One request the bucket served, before it is written in a provider's log format.
 *
 * @param operation PutObject, GetObject, ListObjects or HeadObject
 * @param query the query string of the request, without {@code ?}, or null
 */
public record Request(Instant time, String remoteAddress, String operation, String key, String query, int status,
        String errorCode, long objectSize, String userAgent, String requester, String accessKeyId, String requestId,
        String referer) {

    public String method() {
        return switch (operation) {
            case "PutObject" -> "PUT";
            case "HeadObject" -> "HEAD";
            default -> "GET";
        };
    }

    /** Bytes in the response body: the object for a successful GET, a small document otherwise. */
    public long bytesSent() {
        if (operation.equals("GetObject") && status == 200) {
            return objectSize;
        }
        return status >= 400 ? 243 : operation.equals("ListObjects") ? 3412 : 0;
    }
}
