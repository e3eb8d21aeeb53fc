package org.huisu.scenario.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One face image cut from a camera's stream. {@code index} is its place in the whole case. */
public record Capture(String id, int index, Visit visit, Camera camera, LocalDateTime time, double quality) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public LocalDate day() {
        return time.toLocalDate();
    }

    public String fileName() {
        return camera.id() + "_" + STAMP.format(time) + "_" + id.substring(id.indexOf('-') + 1) + ".jpg";
    }

    /** Where the capture system writes it, relative to the capture root. */
    public String relativePath() {
        return DAY.format(time) + "/" + camera.id() + "/" + fileName();
    }
}
