package org.huisu.detect.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * OpenCV's frontal-face Haar cascade (Debian's {@code opencv-data}), used only when the BlazeFace
 * models are absent. It gives no probability: the score grows with the number of neighbouring
 * windows that agreed, which is all the cascade knows of its certainty.
 */
final class HaarFaceFinder implements FaceFinder {

    static final String MODEL = "haar (models absent)";
    private static final int NEIGHBOURS = 4;
    /** Larger pictures are searched at this width: a face smaller than 1/20 of it is not looked for. */
    private static final int SEARCH_WIDTH = 640;

    private final CascadeClassifier cascade;

    HaarFaceFinder(Path cascadeFile) {
        this.cascade = new CascadeClassifier(cascadeFile.toString());
        if (cascade.empty()) {
            throw new IllegalStateException(cascadeFile + " is not a Haar cascade OpenCV can load");
        }
    }

    @Override
    public List<Face> find(Mat bgr) {
        Mat grey = new Mat();
        MatOfRect rects = new MatOfRect();
        MatOfInt counts = new MatOfInt();
        try {
            double scale = Math.min(1, (double) SEARCH_WIDTH / Math.max(bgr.cols(), bgr.rows()));
            Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
            if (scale < 1) {
                Imgproc.resize(grey, grey, new Size(bgr.cols() * scale, bgr.rows() * scale), 0, 0, Imgproc.INTER_AREA);
            }
            Imgproc.equalizeHist(grey, grey);
            int min = Math.max(20, Math.min(grey.cols(), grey.rows()) / 20);
            cascade.detectMultiScale2(grey, rects, counts, 1.1, NEIGHBOURS, 0, new Size(min, min), new Size());
            Rect[] found = rects.toArray();
            if (found.length == 0) {
                return List.of();
            }
            int[] agreed = counts.toArray();
            List<Face> faces = new ArrayList<>();
            for (int i = 0; i < found.length; i++) {
                double score = Math.min(0.99, 0.5 + 0.04 * agreed[i]);
                faces.add(new Face(found[i].x / scale, found[i].y / scale, found[i].width / scale,
                        found[i].height / scale, score));
            }
            faces.sort((a, b) -> Double.compare(b.score(), a.score()));
            return faces;
        } finally {
            grey.release();
            rects.release();
            counts.release();
        }
    }

    @Override
    public String model() {
        return MODEL;
    }
}
