package org.huisu.detect.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * The two BlazeFace models, each where it sees well: the short-range model on every image (the
 * faces that fill a crop or a small picture), the full-range one, four times as costly, on larger
 * pictures that the short range did not find to be a face crop (the smaller faces of a scene).
 * Their faces are merged: where both see one face, weighted suppression makes it one box with the
 * better score.
 */
final class BlazeFaceFinder implements FaceFinder {

    static final String MODEL = "blazeface-short+full";
    private static final double MERGE_OVERLAP = 0.3;
    /** Pictures no larger than the full-range input are small: its smaller anchors add nothing there. */
    private static final int SMALL = 192;
    /** The least height, as a share of the picture's shorter side, of a face that makes it a close-up. */
    static final double CLOSE_SHARE = 0.25;
    /** The longer side below which a JPEG is not decoded reduced: the full-range model's input and a margin. */
    static final int DECODE_SIDE = 256;

    private final BlazeFace shortRange;
    private final BlazeFace fullRange;

    BlazeFaceFinder(Path folder) {
        this.shortRange = BlazeFace.shortRange(folder);
        this.fullRange = BlazeFace.fullRange(folder);
    }

    @Override
    public List<Face> find(Mat bgr) {
        List<Face> near = shortRange.detect(bgr);
        if (Math.max(bgr.cols(), bgr.rows()) <= SMALL || FaceImageDetector.isCrop(near, bgr.cols(), bgr.rows())
                || close(near, Math.min(bgr.cols(), bgr.rows()))) {
            return near;
        }
        List<Face> all = new ArrayList<>(near);
        all.addAll(fullRange.detect(bgr));
        return NonMaxSuppression.weighted(all, MERGE_OVERLAP);
    }

    /**
     * A face a quarter of the picture high or more: the picture was taken close up, where the short
     * range sees what there is; the full range, four times as costly, looks for faces far away.
     */
    private static boolean close(List<Face> near, int shorterSide) {
        return near.stream().anyMatch(f -> f.height() >= CLOSE_SHARE * shorterSide);
    }

    @Override
    public String model() {
        return MODEL;
    }
}
