package org.huisu.scenario;

import java.time.LocalDateTime;

/**
 * One object the nightly job put into the bucket.
 *
 * @param localPath the file on the server it was read from
 */
public record Upload(String key, String localPath, LocalDateTime time, long size, String sha256, Media media) {
}
