package org.huisu.extract.cloudlog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.LineLogExtractor;
import org.huisu.formats.LineParser;
import org.huisu.formats.cloudlog.CloudLogFormats;
import org.huisu.formats.cloudlog.ObjectAccess;

/**
 * A cloud object store's access log, one subclass a provider: each upload (put, form post,
 * completed multipart upload, copy destination, append), download, deletion (one a key, lifecycle
 * expiry included) and listing becomes an activity at its UTC time, with the remote address, the
 * requester and access key, the bucket and the URL-decoded key, bytes, status, user agent and
 * request id. The access key becomes an actor, the activity tied to it. Multipart steps, metadata
 * reads and configuration requests are counted, not recorded one by one.
 */
abstract class CloudAccessLogExtractor extends LineLogExtractor<ObjectAccess> {

    /** Distinct keys remembered per file, so that each is written once; more are written again, harmlessly. */
    private static final int MAX_REMEMBERED_KEYS = 10_000;

    private final LineParser<ObjectAccess> parser;
    private final String scheme;

    CloudAccessLogExtractor(String format, String scheme) {
        this.parser = CloudLogFormats.named(format).orElseThrow();
        this.scheme = scheme;
    }

    @Override
    public String name() {
        return parser.name();
    }

    @Override
    protected LineParser<ObjectAccess> parser(Item item) {
        return parser;
    }

    /**
     * A quarter of the first lines in this format, and no other cloud format doing better (a tie
     * goes to the one listed first), so that each file is read by one cloud extractor.
     */
    @Override
    protected boolean isInFormat(LineParser<ObjectAccess> mine, List<String> head) {
        long own = head.stream().filter(mine::recognizes).count();
        if (own == 0 || own * 4 < head.size()) {
            return false;
        }
        List<LineParser<ObjectAccess>> all = CloudLogFormats.all();
        for (LineParser<ObjectAccess> other : all) {
            if (other == mine) {
                continue;
            }
            long theirs = head.stream().filter(other::recognizes).count();
            if (theirs > own || theirs == own && all.indexOf(other) < all.indexOf(mine)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Recorder<ObjectAccess> recorder(Item item) {
        Set<String> keysSeen = new HashSet<>();
        return (r, line, out) -> {
            ActivityKind kind = kind(r);
            if (kind == null) {
                return;
            }
            Emitter.ActorKey actor = null;
            if (r.accessKeyId() != null) {
                actor = new Emitter.ActorKey(ActorKind.ACCESS_KEY, r.accessKeyId());
                if (keysSeen.size() < MAX_REMEMBERED_KEYS ? keysSeen.add(r.accessKeyId()) : !keysSeen.contains(
                        r.accessKeyId())) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("foundIn", name());
                    if (r.requester() != null) {
                        a.put("requesters", List.of(r.requester()));
                    }
                    a.put("buckets", List.of(r.bucket() == null ? "" : r.bucket()));
                    out.actor(new Actor(null, ActorKind.ACCESS_KEY, r.accessKeyId(), List.of(), a));
                }
            }
            if (!r.batchKeys().isEmpty()) {
                for (String key : r.batchKeys()) {
                    Map<String, Object> a = attributes(r, line.number());
                    a.put("key", key);
                    a.put("batch", r.batchKeys().size());
                    out.activity(new Activity(null, kind, null, r.time(), null, null, null, null, uri(r.bucket(), key),
                            a), actor);
                }
                return;
            }
            out.activity(new Activity(null, kind, null, r.time(), null, null, null, null, uri(r.bucket(), r.key()),
                    attributes(r, line.number())), actor);
        };
    }

    /** One table for every provider: what the request did to the stored data. */
    static ActivityKind kind(ObjectAccess r) {
        switch (r.kind()) {
            case UPLOAD:
                return ActivityKind.UPLOAD;
            case DOWNLOAD:
                return ActivityKind.DOWNLOAD;
            case DELETE:
                return ActivityKind.DELETE;
            case LIST:
                return ActivityKind.LIST;
            default:
                return null;
        }
    }

    private String uri(String bucket, String key) {
        return scheme + "://" + (bucket == null ? "" : bucket) + "/" + (key == null ? "" : key);
    }

    private static Map<String, Object> attributes(ObjectAccess r, long line) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("line", line);
        a.put("operation", r.operation());
        if (r.status() != 0) {
            a.put("status", r.status());
        }
        put(a, "errorCode", r.errorCode());
        put(a, "remoteAddress", r.remoteAddress());
        put(a, "requester", r.requester());
        put(a, "accessKeyId", r.accessKeyId());
        put(a, "bucket", r.bucket());
        put(a, "key", r.key());
        if (r.bytesSent() >= 0) {
            a.put("bytesSent", r.bytesSent());
        }
        if (r.bytesReceived() >= 0) {
            a.put("bytesReceived", r.bytesReceived());
        }
        if (r.objectSize() >= 0) {
            a.put("objectSize", r.objectSize());
        }
        put(a, "userAgent", r.userAgent());
        put(a, "requestId", r.requestId());
        put(a, "versionId", r.versionId());
        put(a, "host", r.host());
        return a;
    }

    private static void put(Map<String, Object> a, String name, String value) {
        if (value != null) {
            a.put(name, value);
        }
    }
}
