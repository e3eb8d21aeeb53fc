package org.huisu.extract.weblog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.LineLogExtractor;
import org.huisu.extract.text.TextLines;
import org.huisu.formats.LineParser;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.weblog.CombinedLogParser;
import org.huisu.formats.weblog.WebRequest;

/**
 * Web server access logs (nginx and Apache, common and combined): each request that reads,
 * sends or removes something becomes an activity — GET/HEAD a download, POST/PUT/PATCH an upload,
 * DELETE a deletion — with the client's address, status, bytes and user agent.
 */
public final class WebAccessLogExtractor extends LineLogExtractor<WebRequest> {

    private static final CombinedLogParser PARSER = new CombinedLogParser();

    @Override
    public String name() {
        return "web-access-log";
    }

    @Override
    public String description() {
        return "nginx and Apache access logs: requests as downloads, uploads and deletions";
    }

    @Override
    protected LineParser<WebRequest> parser(Item item) {
        return PARSER;
    }

    /** An OSS access log's lines begin as a combined log's do. */
    @Override
    protected List<LineParser<?>> yieldsTo() {
        return List.copyOf(CloudLogFormats.all());
    }

    @Override
    protected Recorder<WebRequest> recorder(Item item) {
        return WebAccessLogExtractor::record;
    }

    private static void record(WebRequest r, TextLines.Line line, Emitter out) {
        ActivityKind kind = kind(r.method());
        if (kind == null) {
            return;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("line", line.number());
        a.put("remoteAddress", r.remoteAddress());
        a.put("method", r.method());
        a.put("target", r.target());
        a.put("status", r.status());
        a.put("bytes", r.bytes());
        if (r.user() != null) {
            a.put("user", r.user());
        }
        if (r.referer() != null) {
            a.put("referer", r.referer());
        }
        if (r.userAgent() != null) {
            a.put("userAgent", r.userAgent());
        }
        if (!r.extra().isEmpty()) {
            a.put("extra", r.extra());
        }
        out.activity(new Activity(null, kind, null, r.time(), null, null, null, null, r.path(), a), null);
    }

    /** What a method does to the resource; null for methods that do neither (OPTIONS, CONNECT). */
    static ActivityKind kind(String method) {
        if (method == null) {
            return null;
        }
        switch (method.toUpperCase(Locale.ROOT)) {
            case "GET":
            case "HEAD":
                return ActivityKind.DOWNLOAD;
            case "POST":
            case "PUT":
            case "PATCH":
                return ActivityKind.UPLOAD;
            case "DELETE":
                return ActivityKind.DELETE;
            default:
                return null;
        }
    }
}
