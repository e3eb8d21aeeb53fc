package org.huisu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.bench.GnuTime.Measurement;

/**
 * The anchor of the face benchmark: {@code haar_faces.py}, OpenCV's Haar cascade called as Autopsy's
 * object-detection module calls it, run by Debian's Python and python3-opencv under GNU time over a
 * list of images.
 */
final class HaarScript {

    /** One run: faces found by image (relative to the folder), undecodable images, the script's own timer. */
    record Run(Map<String, Integer> faces, List<String> errors, double ownSeconds, Measurement measurement,
            String versions) {
    }

    private final Path python;
    private final Path script;
    private final Path cascade;
    private final int processes;
    private final GnuTime gnuTime;
    private final Path scratch;

    HaarScript(Path python, Path script, Path cascade, int processes, GnuTime gnuTime, Path scratch) {
        this.python = python;
        this.script = script.toAbsolutePath();
        this.cascade = cascade;
        this.processes = processes;
        this.gnuTime = gnuTime;
        this.scratch = scratch;
    }

    /** Runs the script over {@code images} (relative to {@code root}) with {@code neighbours} and a minimum size. */
    Run run(Path root, List<String> images, int neighbours, int minSize, String label)
            throws IOException, InterruptedException {
        Path list = scratch.resolve("haar-" + label + ".list");
        List<String> absolute = images.stream().map(i -> root.resolve(i).toString()).toList();
        Files.write(list, absolute, StandardCharsets.UTF_8);
        Path output = scratch.resolve("haar-" + label + ".jsonl");
        Measurement m = gnuTime.run(List.of(python.toString(), script.toString(), list.toString(), "--cascade",
                cascade.toString(), "--processes", Integer.toString(processes), "--neighbours",
                Integer.toString(neighbours), "--min-size", Integer.toString(minSize)), scratch,
                Redirect.to(output.toFile()));
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> faces = new HashMap<>();
        List<String> errors = new ArrayList<>();
        JsonNode last = null;
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (node.has("path")) {
                String relative = root.relativize(Path.of(node.get("path").asText())).toString();
                if (node.has("error")) {
                    errors.add(relative + ": " + node.get("error").asText());
                } else {
                    faces.put(relative, node.get("faces").size());
                }
            } else {
                last = node;
            }
        }
        if (last == null || faces.size() + errors.size() != images.size()) {
            throw new BenchmarkFailure(script + " answered for " + (faces.size() + errors.size()) + " of the "
                    + images.size() + " images, or without its timing line; its output is " + output);
        }
        return new Run(faces, errors, last.get("seconds").asDouble(), m, "OpenCV " + last.get("opencv").asText()
                + ", Python " + last.get("python").asText());
    }
}
