package org.huisu.detect.face;

import java.util.List;
import org.opencv.core.Mat;

/** Finds faces in a decoded BGR image. Not thread-safe: the detector keeps one per thread at work. */
interface FaceFinder {

    List<Face> find(Mat bgr);

    /** What the finding's {@code model} says: which models found the faces. */
    String model();
}
