package org.huisu.detect.vector;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.detect.vector.Layout.Storage;

/**
 * Face feature vectors in files: numpy arrays ({@code .npy}, known by their magic bytes), headerless
 * arrays of float32/float16/float64/int8 numbers (known by their content alone: every dimension and
 * encoding that divides the file is tried), and text — JSON documents and JSON lines, CSV columns,
 * base64 or number lines ({@link TextColumns}). Each array, JSON path or
 * CSV column, listed in the file's one finding, with the vectors counted and clustered into persons.
 */
public final class FileVectorDetector implements Detector {

    /** Types whose bytes may be vectors: text, JSON, CSV, and what no magic told. */
    private static final Set<String> TYPES = Set.of("application/octet-stream", "application/json",
            "application/x-ndjson", "application/csv", "application/x-numpy");
    private static final long MIN_SIZE = Values.MIN_DIMENSION;
    /** Larger text is left alone: vectors written as text this large are read by the examiner's own tools. */
    private static final long MAX_TEXT = 512L << 20;
    private static final int HEAD = 1 << 20;
    /** Values per column (or vectors per reading of a raw file) that the judge looks at. */
    private static final int PROBE = 500;
    private static final int RAW_PROBE = 32;

    @Override
    public String name() {
        return "file-feature-vectors";
    }

    @Override
    public String description() {
        return "face feature vectors in .npy, raw float/int8 array, JSON, CSV and base64 text files, counted and"
                + " clustered into persons";
    }

    @Override
    public boolean accepts(Item item) {
        String type = item.mediaType();
        Long size = item.artifact().size();
        String n = item.name();
        return item.hasContent() && (type == null || TYPES.contains(type) || type.startsWith("text/"))
                && (size == null || size >= MIN_SIZE) && !n.endsWith("-wal") && !n.endsWith("-journal")
                && !n.endsWith("-shm");
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        byte[] head;
        try (InputStream in = item.open()) {
            head = in.readNBytes(HEAD);
        }
        Optional<Npy> npy = Npy.parse(head);
        if (npy.isPresent()) {
            npy(item, npy.get(), out);
        } else if (text(head)) {
            Long size = item.artifact().size();
            if (size != null && size > MAX_TEXT) {
                out.problem("VECTOR_TEXT_TOO_LARGE", "text files over " + (MAX_TEXT >> 20)
                        + " MiB are not searched for feature vectors", item.name());
                return;
            }
            text(item, head, out);
        } else if (item.mediaType() == null || item.mediaType().equals("application/octet-stream")) {
            raw(item, head, out);
        }
    }

    // ---------------------------------------------------------------- numpy

    private static void npy(Item item, Npy npy, Emitter out) throws IOException {
        if (!Values.inRange(npy.dimension())) {
            return;
        }
        Layout layout = new Layout(Storage.NPY, npy.encoding());
        EmbeddingJudge judge = new EmbeddingJudge();
        vectors(item, npy.dataOffset(), npy.encoding(), npy.dimension(), Math.min(npy.vectors(), PROBE),
                (v, i) -> judge.addDecoded(layout, v));
        Optional<EmbeddingJudge.Verdict> verdict = judge.verdict();
        if (verdict.isEmpty()) {
            return;
        }
        VectorColumn column = new VectorColumn(verdict.get());
        long read = vectors(item, npy.dataOffset(), npy.encoding(), npy.dimension(), npy.vectors(),
                column::addDecoded);
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("shape", npy.vectors() == 1 && read == 1 ? List.of(npy.dimension())
                : List.of(npy.vectors(), npy.dimension()));
        VectorColumn.report(out, Map.of(place, column));
        if (read < npy.vectors()) {
            out.problem("VECTOR_FILE_SHORT", "the array's header announces " + npy.vectors() + " vectors but the file"
                    + " holds " + read, item.name());
        }
    }

    // ---------------------------------------------------------------- headerless arrays

    private record Reading(Encoding encoding, int dimension) {
    }

    private static void raw(Item item, byte[] head, Emitter out) throws IOException {
        long size = item.artifact().size() == null ? head.length : item.artifact().size();
        EmbeddingJudge.Verdict best = null;
        Reading bestReading = null;
        for (Reading r : readings(size)) {
            Layout layout = new Layout(Storage.BLOB, r.encoding());
            EmbeddingJudge judge = new EmbeddingJudge();
            int bytes = r.dimension() * r.encoding().width();
            for (int i = 0; i < RAW_PROBE && (long) (i + 1) * bytes <= head.length; i++) {
                judge.addDecoded(layout, r.encoding().decode(head, i * bytes, r.dimension()));
            }
            Optional<EmbeddingJudge.Verdict> v = judge.verdict();
            if (v.isPresent() && (best == null || better(v.get(), best))) {
                best = v.get();
                bestReading = r;
            }
        }
        if (best == null) {
            return;
        }
        VectorColumn column = new VectorColumn(best);
        long count = size / ((long) bestReading.dimension() * bestReading.encoding().width());
        vectors(item, 0, bestReading.encoding(), bestReading.dimension(), count, column::addDecoded);
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("shape", List.of(count, bestReading.dimension()));
        VectorColumn.report(out, Map.of(place, column));
    }

    /**
     * Every (encoding, dimension) that divides a file of {@code size} bytes. A file of unnormalised
     * vectors also divides into halves or pairs of them that look alike; unit norms tell the true
     * dimension, else the ordering of {@link #better} picks the usual one.
     */
    private static List<Reading> readings(long size) {
        List<Reading> readings = new ArrayList<>();
        for (Encoding e : Encoding.BINARY) {
            if (size % e.width() != 0) {
                continue;
            }
            long n = size / e.width();
            Set<Integer> dims = new TreeSet<>();
            for (int d = Values.MIN_DIMENSION; d <= Values.MAX_DIMENSION; d++) {
                if (n % d == 0) {
                    dims.add(d);
                }
            }
            dims.forEach(d -> readings.add(new Reading(e, d)));
        }
        return readings;
    }

    private static boolean better(EmbeddingJudge.Verdict a, EmbeddingJudge.Verdict b) {
        if (a.normalised() != b.normalised()) {
            return a.normalised();
        }
        int ra = rank(a.dimension());
        int rb = rank(b.dimension());
        if (ra != rb) {
            return ra < rb;
        }
        if (a.layout().encoding() != b.layout().encoding()) {
            return a.layout().encoding().ordinal() < b.layout().encoding().ordinal();
        }
        return a.dimension() < b.dimension();
    }

    private static int rank(int dimension) {
        int i = EmbeddingJudge.STANDARD.indexOf(dimension);
        return i < 0 ? EmbeddingJudge.STANDARD.size() : i;
    }

    private interface VectorSink {
        void accept(float[] vector, long index);
    }

    /** Streams up to {@code count} vectors from {@code offset}; returns how many the file held. */
    private static long vectors(Item item, long offset, Encoding encoding, int dimension, long count, VectorSink sink)
            throws IOException {
        byte[] buffer = new byte[dimension * encoding.width()];
        long read = 0;
        try (InputStream in = new BufferedInputStream(item.open(), 1 << 16)) {
            in.skipNBytes(offset);
            while (read < count && in.readNBytes(buffer, 0, buffer.length) == buffer.length) {
                sink.accept(encoding.decode(buffer, 0, dimension), read);
                read++;
            }
        }
        return read;
    }

    // ---------------------------------------------------------------- text

    private static void text(Item item, byte[] head, Emitter out) throws IOException {
        Map<String, EmbeddingJudge> judges = new LinkedHashMap<>();
        TextColumns.Sink probe = (column, value, line) -> {
            EmbeddingJudge j = judges.computeIfAbsent(column, k -> new EmbeddingJudge());
            if (j.values() < PROBE) {
                j.add(value);
            }
        };
        TextColumns.Mode mode = TextColumns.guess(head);
        if (mode == TextColumns.Mode.JSON) {
            try (InputStream in = item.open()) {
                TextColumns.json(in, probe);
            } catch (JsonProcessingException e) {
                judges.clear();
                mode = TextColumns.Mode.LINES;
            }
        }
        if (mode == TextColumns.Mode.LINES) {
            try (InputStream in = item.open()) {
                TextColumns.lines(in, probe);
            }
        }
        Map<String, VectorColumn> columns = new LinkedHashMap<>();
        judges.forEach((name, judge) -> judge.verdict().ifPresent(v -> columns.put(name, new VectorColumn(v))));
        if (columns.isEmpty()) {
            return;
        }
        TextColumns.Sink read = (column, value, line) -> {
            VectorColumn c = columns.get(column);
            if (c != null) {
                c.add(value, line);
            }
        };
        try (InputStream in = item.open()) {
            if (mode == TextColumns.Mode.JSON) {
                TextColumns.json(in, read);
            } else {
                TextColumns.lines(in, read);
            }
        }
        String key = mode == TextColumns.Mode.JSON ? "path" : "column";
        Map<Map<String, Object>, VectorColumn> found = new LinkedHashMap<>();
        columns.forEach((name, column) -> found.put(Map.of(key, name), column));
        VectorColumn.report(out, found);
    }

    /** Text: no NUL and no control bytes other than blanks in the first bytes (UTF-8 is fine). */
    private static boolean text(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int n = Math.min(head.length, 8192);
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }
}
