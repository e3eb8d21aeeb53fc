package org.huisu.formats.weblog;

import java.time.Instant;
import java.util.List;

/**
 * One request a web server logged in the common or combined format. Fields the line leaves out
 * ({@code -}) are null; a request line that is not {@code METHOD TARGET PROTOCOL} (a scanner's
 * bytes, a timeout's {@code -}) leaves method, target, path, query and protocol null and is kept
 * as logged in {@code request}.
 *
 * @param time          when the server finished the request
 * @param remoteAddress the client's address or name as logged ({@code %h}, {@code $remote_addr})
 * @param user          the authenticated user
 * @param method        {@code GET}, {@code PUT}…
 * @param target        the request target as the client sent it: path and query, still percent-encoded
 * @param path          the target's path, percent-decoded as UTF-8
 * @param query         the target's query, as sent (not decoded); null when there is none
 * @param protocol      {@code HTTP/1.1}…
 * @param status        the response status
 * @param bytes         response body bytes ({@code -} is 0)
 * @param referer       the Referer header
 * @param userAgent     the User-Agent header
 * @param extra         fields after the user agent, unquoted, {@code -} kept as written (nginx's
 *                      {@code "$http_x_forwarded_for"}, timings…)
 * @param request       the request line as logged, with the server's escapes ({@code \x16\x03…})
 */
public record WebRequest(Instant time, String remoteAddress, String user, String method, String target, String path,
        String query, String protocol, int status, long bytes, String referer, String userAgent, List<String> extra,
        String request) {

    public WebRequest {
        extra = extra == null ? List.of() : List.copyOf(extra);
    }
}
