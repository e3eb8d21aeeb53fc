package org.huisu.formats.toollog;

import java.time.Instant;
import java.util.List;

/**
 * One line of an upload tool's or an application's log that says a file was captured, packed,
 * uploaded, downloaded, copied, moved or deleted, with the places it names.
 *
 * @param time       when it happened; null when the line has no time (aws cli and ossutil print none)
 * @param kind       what happened
 * @param localPaths local paths as the line gives them: absolute in application logs, as typed in a
 *                   tool's output ({@code ../../data/x.tar.gz})
 * @param remoteUris bucket URIs ({@code s3://}, {@code oss://}, {@code cos://}, {@code gs://}…) and
 *                   rclone remotes ({@code oss:bucket/key})
 * @param urls       other URLs ({@code https://…}, {@code rtsp://…})
 * @param tool       {@code aws-cli}, {@code rclone}, {@code ossutil}; null for an application's own log
 * @param raw        the line as given
 * @param failed     the line reports that the action failed
 * @param object     an object named relative to the transfer's roots (rclone's {@code faces/a.jpg})
 * @param fileCount  how many files a summary line counts (ossutil's {@code upload 150 files})
 * @param byteCount  how many bytes a summary line counts
 */
public record ToolLogEvent(Instant time, EventKind kind, List<String> localPaths, List<String> remoteUris,
        List<String> urls, String tool, String raw, boolean failed, String object, Long fileCount, Long byteCount) {

    public ToolLogEvent {
        localPaths = localPaths == null ? List.of() : List.copyOf(localPaths);
        remoteUris = remoteUris == null ? List.of() : List.copyOf(remoteUris);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
