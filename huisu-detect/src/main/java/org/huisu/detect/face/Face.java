package org.huisu.detect.face;

import java.util.List;

/** One face found: its box in the image's pixels (as displayed, EXIF orientation applied) and its score. */
record Face(double x, double y, double width, double height, double score) {

    double area() {
        return width * height;
    }

    double iou(Face other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** {@code [x, y, w, h, score]}, whole pixels and three decimals, as the finding's details keep it. */
    List<Number> asList() {
        return List.of(Math.round(x), Math.round(y), Math.round(width), Math.round(height),
                Math.round(score * 1000) / 1000.0);
    }
}
