package org.huisu.scenario;

import java.time.LocalDateTime;
import org.huisu.scenario.world.Capture;
import org.huisu.scenario.world.Visit;

/**
 * One file the capture system wrote, without its bytes once written.
 *
 * @param relative its path under the capture root, such as {@code 20240306/cam01/cam01_….jpg}
 */
public record Media(Kind kind, String relative, String sha256, long size, LocalDateTime written, Capture capture,
        Visit visit) {

    /** What the capture system writes. */
    public enum Kind {
        /** A face cut from the stream: the face image the case is about. */
        CROP,
        /** The whole camera view at a visit's arrival. */
        SCENE,
        /** A few seconds of video of a visit. */
        CLIP
    }

    public String fileName() {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }
}
