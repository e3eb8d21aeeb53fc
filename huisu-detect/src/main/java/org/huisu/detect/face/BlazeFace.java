package org.huisu.detect.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * One MediaPipe BlazeFace model run by OpenCV's DNN module, decoded as MediaPipe's face-detection
 * graphs decode it: the image letterboxed (never stretched) into the model's square input with
 * values in [-1, 1], one box per SSD anchor, scores through a sigmoid, weighted non-maximum
 * suppression. Not thread-safe: one per thread.
 */
final class BlazeFace {

    static final String SHORT_RANGE = "face_detection_short_range.tflite";
    static final String FULL_RANGE = "face_detection_full_range.tflite";

    /** MediaPipe clips raw scores to ±100 before the sigmoid. */
    private static final double SCORE_CLIP = 100;
    private static final double OVERLAP = 0.3;

    private final Net net;
    private final int size;
    private final double minScore;
    private final float[] anchorX;
    private final float[] anchorY;
    private final List<String> outputs;

    private BlazeFace(Path model, int size, int[] strides, boolean twoPerLayer, double minScore) {
        this.net = OpenCv.importTfLite(model);
        this.size = size;
        this.minScore = minScore;
        List<float[]> anchors = anchors(size, strides, twoPerLayer);
        this.anchorX = anchors.get(0);
        this.anchorY = anchors.get(1);
        this.outputs = net.getUnconnectedOutLayersNames();
    }

    /**
     * The least score of a face, MediaPipe's own. On the LFW subset it admits one non-face (0.55);
     * 0.6 would drop it but also real capture crops (FaceImageDetectorTest), so 0.5 it stays.
     */
    static final double MIN_SCORE = 0.5;

    /** 128 × 128, 896 anchors: faces that fill a good part of the picture (within two metres of a camera). */
    static BlazeFace shortRange(Path folder) {
        return new BlazeFace(folder.resolve(SHORT_RANGE), 128, new int[] {8, 16, 16, 16}, true, MIN_SCORE);
    }

    /** 192 × 192, 2304 anchors: smaller faces in a scene (within five metres). */
    static BlazeFace fullRange(Path folder) {
        return new BlazeFace(folder.resolve(FULL_RANGE), 192, new int[] {4}, false, MIN_SCORE);
    }

    /**
     * MediaPipe's SsdAnchorsCalculator with fixed-size anchors: only the centres matter. Layers of
     * one stride share a feature map; each gives one anchor per cell, two with the interpolated
     * scale (short range), one without (full range).
     */
    private static List<float[]> anchors(int size, int[] strides, boolean twoPerLayer) {
        List<Float> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        int layer = 0;
        while (layer < strides.length) {
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                last++;
            }
            int perCell = (last - layer) * (twoPerLayer ? 2 : 1);
            int cells = (int) Math.ceil((double) size / strides[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < perCell; a++) {
                        xs.add((x + 0.5f) / cells);
                        ys.add((y + 0.5f) / cells);
                    }
                }
            }
            layer = last;
        }
        float[] ax = new float[xs.size()];
        float[] ay = new float[ys.size()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = xs.get(i);
            ay[i] = ys.get(i);
        }
        return List.of(ax, ay);
    }

    int anchorCount() {
        return anchorX.length;
    }

    /** The faces in a BGR image, in its pixels, best first. */
    List<Face> detect(Mat bgr) {
        double scale = Math.min((double) size / bgr.cols(), (double) size / bgr.rows());
        int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
        int left = (size - w) / 2;
        int top = (size - h) / 2;
        Mat square = new Mat(size, size, CvType.CV_8UC3, new Scalar(0, 0, 0));
        Mat resized = new Mat();
        Mat blob = null;
        List<Mat> out = new ArrayList<>();
        try {
            Imgproc.resize(bgr, resized, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            Mat target = square.submat(new Rect(left, top, w, h));
            resized.copyTo(target);
            target.release();
            blob = Dnn.blobFromImage(square, 1 / 127.5, new Size(size, size), new Scalar(127.5, 127.5, 127.5), true,
                    false);
            net.setInput(blob);
            net.forward(out, outputs);
            float[] regressors = null;
            float[] scores = null;
            for (Mat m : out) {
                float[] values = new float[(int) m.total()];
                m.get(new int[m.dims()], values);
                if (values.length == anchorX.length * 16) {
                    regressors = values;
                } else if (values.length == anchorX.length) {
                    scores = values;
                }
            }
            if (regressors == null || scores == null) {
                throw new IllegalStateException("the model's outputs are not " + anchorX.length + " boxes and scores");
            }
            List<Face> candidates = new ArrayList<>();
            double rawMin = Math.log(minScore / (1 - minScore));
            for (int i = 0; i < scores.length; i++) {
                double raw = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i]));
                if (raw < rawMin) {
                    continue;
                }
                double score = 1 / (1 + Math.exp(-raw));
                // x, y, w, h relative to the anchor centre, in input pixels
                double cx = regressors[i * 16] / size + anchorX[i];
                double cy = regressors[i * 16 + 1] / size + anchorY[i];
                double bw = regressors[i * 16 + 2] / size;
                double bh = regressors[i * 16 + 3] / size;
                if (bw <= 0 || bh <= 0) {
                    continue;
                }
                double x0 = ((cx - bw / 2) * size - left) / scale;
                double y0 = ((cy - bh / 2) * size - top) / scale;
                candidates.add(clip(new Face(x0, y0, bw * size / scale, bh * size / scale, score), bgr.cols(),
                        bgr.rows()));
            }
            return NonMaxSuppression.weighted(candidates, OVERLAP);
        } finally {
            square.release();
            resized.release();
            if (blob != null) {
                blob.release();
            }
            out.forEach(Mat::release);
        }
    }

    private static Face clip(Face f, int width, int height) {
        double x0 = Math.max(0, f.x());
        double y0 = Math.max(0, f.y());
        double x1 = Math.min(width, f.x() + f.width());
        double y1 = Math.min(height, f.y() + f.height());
        return new Face(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0), f.score());
    }
}
