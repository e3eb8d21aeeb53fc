package org.huisu.detect.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.SourceKind;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vector files the test writes — numpy, headerless float32, JSON, JSON lines, CSV with a base64
 * column or one number a field, base64 lines — are found with their counts and persons, whatever
 * they are called; CSV and JSON of prices, coordinates and readings, and random or compressed
 * bytes are not.
 */
class FileVectorDetectorTest {

    @TempDir
    Path tmp;

    @Test
    void vectorFilesOfEveryKindAreFoundAndTheirPersonsCounted() throws Exception {
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        List<float[]> npy = Embeddings.of(21, 7, 4, 512, true);
        List<float[]> raw = Embeddings.of(22, 5, 6, 128, true);
        List<float[]> json = Embeddings.of(23, 4, 3, 256, true);
        List<float[]> jsonl = Embeddings.of(24, 3, 5, 1024, false);
        List<float[]> csv = Embeddings.of(25, 6, 3, 512, true);
        List<float[]> fields = Embeddings.of(26, 5, 2, 128, false);
        List<float[]> lines = Embeddings.of(27, 2, 8, 256, true);
        Files.write(evidence.resolve("gallery.npy"), Embeddings.npy(npy));
        Files.write(evidence.resolve("cache.dat"), concat(raw));
        StringBuilder doc = new StringBuilder("{\"version\": 3, \"people\": [");
        for (int i = 0; i < json.size(); i++) {
            doc.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i / 3).append("\", \"score\": 0.9, \"v\": ")
                    .append(Embeddings.json(json.get(i))).append(", \"box\": [12, 40, 96, 96]}");
        }
        Files.writeString(evidence.resolve("export.json"), doc.append("]}").toString());
        StringBuilder jl = new StringBuilder();
        jsonl.forEach(v -> jl.append("{\"t\": \"2024-03-12T10:00:00\", \"emb\": ").append(Embeddings.json(v))
                .append("}\n"));
        Files.writeString(evidence.resolve("events.log"), jl);
        StringBuilder c = new StringBuilder("visitor,arrived,blob\n");
        for (int i = 0; i < csv.size(); i++) {
            c.append("V").append(1000 + i).append(",2024-03-12 10:").append(10 + i).append(",")
                    .append(Embeddings.base64(Embeddings.float32(csv.get(i)))).append('\n');
        }
        Files.writeString(evidence.resolve("visits.csv"), c);
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            f.append("P").append(i);
            for (float x : fields.get(i)) {
                f.append('\t').append(x);
            }
            f.append('\n');
        }
        Files.writeString(evidence.resolve("table.tsv"), f);
        StringBuilder b = new StringBuilder();
        lines.forEach(v -> b.append(Embeddings.base64(Embeddings.float16(v))).append('\n'));
        Files.writeString(evidence.resolve("queue.txt"), b);

        try (Extraction x = Extraction.of(evidence, tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new FileVectorDetector())) {
            Map<String, Finding> found = byFile(x);
            assertThat(found).containsOnlyKeys("gallery.npy", "cache.dat", "export.json", "events.log", "visits.csv",
                    "table.tsv", "queue.txt");
            SqliteVectorDetectorTest.expect(only(found.get("gallery.npy")), "float32", "npy", 512, 28, 7, true);
            assertThat(only(found.get("gallery.npy"))).containsEntry("shape", List.of(28, 512));
            SqliteVectorDetectorTest.expect(only(found.get("cache.dat")), "float32", "blob", 128, 30, 5, true);
            SqliteVectorDetectorTest.expect(only(found.get("export.json")), "decimal", "json-array", 256, 12, 4, true);
            assertThat(only(found.get("export.json"))).containsEntry("path", "$.people[].v");
            SqliteVectorDetectorTest.expect(only(found.get("events.log")), "decimal", "json-array", 1024, 15, 3, false);
            SqliteVectorDetectorTest.expect(only(found.get("visits.csv")), "float32", "base64", 512, 18, 6, true);
            assertThat(only(found.get("visits.csv"))).containsEntry("column", "blob");
            SqliteVectorDetectorTest.expect(only(found.get("table.tsv")), "decimal", "csv-fields", 128, 10, 5, false);
            assertThat(only(found.get("table.tsv"))).containsEntry("column", "column 2 … column 129");
            SqliteVectorDetectorTest.expect(only(found.get("queue.txt")), "float16", "base64", 256, 16, 2, true);
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void filesOfPricesCoordinatesReadingsAndRandomBytesHoldNoVectors() throws Exception {
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        Random r = new Random(31);
        StringBuilder prices = new StringBuilder("sku,price,lat,lon\n");
        StringBuilder wide = new StringBuilder();
        StringBuilder readings = new StringBuilder("[");
        List<float[]> routes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            prices.append("SKU").append(i).append(',').append(Math.round(r.nextDouble() * 99_900) / 100.0).append(',')
                    .append(31.2 + r.nextGaussian() * 0.05).append(',').append(121.47 + r.nextGaussian() * 0.05)
                    .append('\n');
        }
        for (int row = 0; row < 20; row++) {
            double t = 15 + r.nextDouble() * 10;
            wide.append("2024-03-").append(10 + row % 20);
            float[] series = new float[512];
            float[] route = new float[256];
            double lat = 31.2;
            double lon = 121.47;
            for (int k = 0; k < 512; k++) {
                t += r.nextGaussian() * 0.1;
                wide.append(',').append(Math.round(t * 10) / 10.0);
                series[k] = (float) (Math.sin(k * 0.05 + row) * 0.5 + r.nextGaussian() * 0.03);
                if (k < 256) {
                    lat += (k % 2 == 0 ? r.nextGaussian() * 0.001 : 0);
                    lon += (k % 2 == 1 ? r.nextGaussian() * 0.001 : 0);
                    route[k] = (float) (k % 2 == 0 ? lat : lon);
                }
            }
            wide.append('\n');
            readings.append(row == 0 ? "" : ",").append(Embeddings.json(series));
            routes.add(route);
        }
        Files.writeString(evidence.resolve("products.csv"), prices);
        Files.writeString(evidence.resolve("temperatures.csv"), wide);
        Files.writeString(evidence.resolve("vibration.json"), readings.append(']'));
        Files.write(evidence.resolve("routes.npy"), Embeddings.npy(routes));
        Files.write(evidence.resolve("routes.bin"), concat(routes));
        byte[] noise = new byte[64 * 1024];
        r.nextBytes(noise);
        Files.write(evidence.resolve("random.bin"), noise);
        byte[] jpeg = SqliteVectorDetectorTest.jpeg(r);
        // the entropy-coded data of a JPEG without its header, as a carved fragment
        Files.write(evidence.resolve("fragment.bin"), Arrays.copyOfRange(jpeg, 1024, 1024 + 4096));
        Files.write(evidence.resolve("deflated.bin"), SqliteVectorDetectorTest.deflated(r, 8192));
        StringBuilder shortLines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            float[] v = new float[32];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) r.nextGaussian();
            }
            shortLines.append(Embeddings.json(v)).append('\n');
        }
        Files.writeString(evidence.resolve("short.jsonl"), shortLines);
        Files.write(evidence.resolve("notes.txt"), ("Meeting notes: the face system stores a 512-float feature per"
                + " visitor; see the vendor's manual.\n").repeat(40).getBytes(StandardCharsets.UTF_8));

        try (Extraction x = Extraction.of(evidence, tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new FileVectorDetector())) {
            assertThat(x.theCase().store().findings(Category.FACE_FEATURE)).isEmpty();
            assertThat(x.errors()).isEmpty();
        }
    }

    /** The one column of a file's finding. */
    private static Map<String, Object> only(Finding f) {
        Map<String, Map<String, Object>> columns = SqliteVectorDetectorTest.columns(f);
        assertThat(columns).hasSize(1);
        return columns.values().iterator().next();
    }

    private static Map<String, Finding> byFile(Extraction x) {
        Map<Long, String> names = x.all().stream().collect(Collectors.toMap(Artifact::id, Artifact::name));
        return x.theCase().store().findings(Category.FACE_FEATURE).stream()
                .collect(Collectors.toMap(f -> names.get(f.artifactId()), Function.identity()));
    }

    private static byte[] concat(List<float[]> vectors) {
        byte[] out = new byte[vectors.size() * vectors.get(0).length * 4];
        int at = 0;
        for (float[] v : vectors) {
            byte[] b = Embeddings.float32(v);
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
