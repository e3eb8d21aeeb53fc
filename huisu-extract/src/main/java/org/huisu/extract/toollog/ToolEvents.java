package org.huisu.extract.toollog;

import java.util.List;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.formats.toollog.EventKind;
import org.huisu.formats.toollog.ToolLogEvent;

/**
 * What a tool's or an application's lines about files become, wherever they were found; one per
 * file read, for a tool such as rclone names each file relative to the run's roots, which its run
 * line gave earlier in the same file.
 */
public final class ToolEvents {

    private static final java.util.regex.Pattern MOVE = java.util.regex.Pattern.compile("[\" ]move(to)?[\" ]");

    /** The last line of each file's tool that named both sides of a transfer. */
    private ToolLogEvent run;

    /**
     * Records the event as an activity, its places and counts added to {@code attributes}; an
     * ERROR line (a failure without a file) is no activity.
     */
    public void emit(ToolLogEvent e, Map<String, Object> attributes, Emitter out) {
        if (e.tool() != null && !e.localPaths().isEmpty() && !e.remoteUris().isEmpty() && e.object() == null
                && e.kind() != EventKind.DELETE) {
            run = e;
            attributes.put("runStart", true);
        }
        ActivityKind kind = kind(e);
        String subject = subject(kind, e);
        if (e.object() != null && e.remoteUris().isEmpty() && e.localPaths().isEmpty() && run != null
                && run.tool().equals(e.tool())) {
            // "cam01/x.jpg: Copied (new)" of an upload from /data/capture to oss:faces
            String local = join(run.localPaths().get(0), e.object());
            String remote = join(run.remoteUris().get(0), e.object());
            boolean deletesSource = MOVE.matcher(run.raw()).find();
            if (e.raw().contains("(server-side)")) {
                // moved or copied within the remote
                kind = ActivityKind.STORE;
                subject = remote;
            } else if (kind == ActivityKind.DELETE) {
                // a move deletes what it sent; a sync deletes at the destination what the source lacks
                boolean localSide = deletesSource == uploads(run);
                subject = localSide ? local : remote;
            } else if (kind != null) {
                kind = uploads(run) ? ActivityKind.UPLOAD : ActivityKind.DOWNLOAD;
                subject = remote;
                attributes.put("localPath", local);
            }
            attributes.put("run", run.raw());
        }
        if (kind == null) {
            return;
        }
        if (e.tool() != null) {
            attributes.put("tool", e.tool());
        }
        attributes.put("event", e.kind().name());
        put(attributes, "localPaths", e.localPaths());
        put(attributes, "remoteUris", e.remoteUris());
        put(attributes, "urls", e.urls());
        if (e.object() != null) {
            attributes.put("object", e.object());
        }
        if (e.fileCount() != null) {
            attributes.put("fileCount", e.fileCount());
        }
        if (e.byteCount() != null) {
            attributes.put("byteCount", e.byteCount());
        }
        if (e.failed()) {
            attributes.put("failed", true);
        }
        out.activity(new Activity(null, kind, null, e.time(), null, null, null, null, subject, attributes), null);
    }

    /** Whether the run sends local files away: its local root is named before its remote one. */
    private static boolean uploads(ToolLogEvent run) {
        if (run.kind() == EventKind.UPLOAD || run.kind() == EventKind.DOWNLOAD) {
            return run.kind() == EventKind.UPLOAD;
        }
        return run.raw().indexOf(run.localPaths().get(0)) < run.raw().indexOf(run.remoteUris().get(0));
    }

    private static void put(Map<String, Object> attributes, String key, List<String> values) {
        if (!values.isEmpty()) {
            attributes.put(key, values);
        }
    }

    private static String join(String root, String object) {
        return root.endsWith("/") || root.endsWith(":") ? root + object : root + "/" + object;
    }

    /** A copy or a move to a remote place sends the file away; on the same machine it keeps it. */
    static ActivityKind kind(ToolLogEvent e) {
        boolean remote = !e.remoteUris().isEmpty() || !e.urls().isEmpty() && !e.localPaths().isEmpty();
        switch (e.kind()) {
            case CAPTURE:
                return ActivityKind.CAPTURE;
            case PACKAGE:
                return ActivityKind.PACKAGE;
            case UPLOAD:
                return ActivityKind.UPLOAD;
            case DOWNLOAD:
                return ActivityKind.DOWNLOAD;
            case DELETE:
                return ActivityKind.DELETE;
            case COPY:
            case MOVE:
                return remote ? ActivityKind.UPLOAD : ActivityKind.STORE;
            default:
                return null;
        }
    }

    /** The remote side of a transfer; otherwise the local file, the last named (a copy's or a pack's result). */
    static String subject(ActivityKind kind, ToolLogEvent e) {
        String remote = !e.remoteUris().isEmpty() ? e.remoteUris().get(0) : !e.urls().isEmpty() ? e.urls().get(0)
                : null;
        String local = e.localPaths().isEmpty() ? null : e.localPaths().get(e.localPaths().size() - 1);
        if (kind == ActivityKind.UPLOAD || kind == ActivityKind.DOWNLOAD) {
            return remote != null ? remote : e.object() != null ? e.object() : local;
        }
        return local != null ? local : remote != null ? remote : e.object();
    }
}
