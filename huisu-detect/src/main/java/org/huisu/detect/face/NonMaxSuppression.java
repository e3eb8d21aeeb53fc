package org.huisu.detect.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression: the best-scored box takes every box overlapping it
 * by more than the threshold, and becomes their score-weighted average (which steadies the box),
 * keeping its own score.
 */
final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    static List<Face> weighted(List<Face> candidates, double overlap) {
        List<Face> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Face best = remaining.get(0);
            double x = 0;
            double y = 0;
            double w = 0;
            double h = 0;
            double total = 0;
            List<Face> rest = new ArrayList<>();
            for (Face f : remaining) {
                if (f == best || best.iou(f) > overlap) {
                    x += f.x() * f.score();
                    y += f.y() * f.score();
                    w += f.width() * f.score();
                    h += f.height() * f.score();
                    total += f.score();
                } else {
                    rest.add(f);
                }
            }
            kept.add(new Face(x / total, y / total, w / total, h / total, best.score()));
            remaining = rest;
        }
        return kept;
    }
}
