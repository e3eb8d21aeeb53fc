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

    /** Short-range faces scored at least this are taken as they are; below, the mirror must agree. */
    static final double SURE = 0.6;
    private static final double MIRROR_OVERLAP = 0.3;

    private final BlazeFace shortRange;
    private final BlazeFace fullRange;

    BlazeFaceFinder(Path folder) {
        this.shortRange = BlazeFace.shortRange(folder);
        this.fullRange = BlazeFace.fullRange(folder);
    }

    @Override
    public List<Face> find(Mat bgr) {
        List<Face> near = shortRange.detect(bgr);
        if (Math.max(bgr.cols(), bgr.rows()) <= SMALL) {
            // the short range alone sees a small picture: what it is unsure of gets a second look
            return confirmed(near, bgr);
        }
        if (FaceImageDetector.isCrop(near, bgr.cols(), bgr.rows()) || close(near, Math.min(bgr.cols(), bgr.rows()))) {
            return near;
        }
        List<Face> all = new ArrayList<>(near);
        all.addAll(fullRange.detect(bgr));
        return NonMaxSuppression.weighted(all, MERGE_OVERLAP);
    }

    /**
     * A face the short range is unsure of (below {@link #SURE}) in a small picture is looked for
     * again in the mirrored picture: a face is a face either way round, and most of what passes for
     * one by chance is not. It stays when the mirror shows it too, with the lower of the two scores.
     * (On the LFW subset this removes the one non-face taken for a face, at 0.55, and loses two of
     * the hundred faces: precision 0.99 → 1.00, recall 0.99 → 0.97.) Larger pictures get their
     * second look from the full-range model.
     */
    private List<Face> confirmed(List<Face> faces, Mat bgr) {
        if (faces.stream().allMatch(f -> f.score() >= SURE)) {
            return faces;
        }
        Mat mirrored = new Mat();
        try {
            org.opencv.core.Core.flip(bgr, mirrored, 1);
            List<Face> seen = shortRange.detect(mirrored);
            List<Face> kept = new ArrayList<>();
            for (Face f : faces) {
                if (f.score() >= SURE) {
                    kept.add(f);
                    continue;
                }
                Face back = null;
                for (Face m : seen) {
                    Face unflipped = new Face(bgr.cols() - m.x() - m.width(), m.y(), m.width(), m.height(), m.score());
                    if (unflipped.iou(f) >= MIRROR_OVERLAP && (back == null || unflipped.score() > back.score())) {
                        back = unflipped;
                    }
                }
                if (back != null) {
                    kept.add(new Face(f.x(), f.y(), f.width(), f.height(), Math.min(f.score(), back.score())));
                }
            }
            return kept;
        } finally {
            mirrored.release();
        }
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
