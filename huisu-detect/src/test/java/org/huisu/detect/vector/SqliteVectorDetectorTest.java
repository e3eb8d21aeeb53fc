package org.huisu.detect.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.SourceKind;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite databases the test builds: vectors in encodings and lengths the scenario generator does not
 * write, in columns whose names say nothing, are all found and their persons counted; ordinary
 * float data, random BLOBs and short arrays are not taken for vectors.
 */
class SqliteVectorDetectorTest {

    @TempDir
    Path tmp;

    @Test
    void vectorsOfEveryEncodingAndLengthAreFoundAndTheirPersonsCounted() throws Exception {
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        List<float[]> f16 = Embeddings.of(1, 8, 4, 128, true);
        List<float[]> i8 = Embeddings.of(2, 6, 5, 256, false);
        List<float[]> f64 = Embeddings.of(3, 5, 3, 1024, true);
        List<float[]> json = Embeddings.of(4, 4, 5, 512, true);
        List<float[]> b64 = Embeddings.of(5, 3, 4, 200, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + evidence.resolve("enrolment.db"))) {
            table(c, "staff", "name TEXT, salary REAL, f16 BLOB", f16, (i, v) -> new Object[] {"staff " + i,
                    3000.0 + i * 17.5, Embeddings.float16(v)});
            table(c, "members", "code BLOB, points INTEGER", i8, (i, v) -> new Object[] {Embeddings.int8(v), i * 10});
            table(c, "archive", "v BLOB", f64, (i, v) -> new Object[] {Embeddings.float64(v)});
            table(c, "kiosk", "payload TEXT, at TEXT", json, (i, v) -> new Object[] {Embeddings.json(v),
                    "2024-03-1" + (i % 10)});
            table(c, "sync_queue", "data TEXT", b64, (i, v) -> new Object[] {
                    Embeddings.base64(Embeddings.float32(v))});
        }

        try (Extraction x = Extraction.of(evidence, tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new SqliteVectorDetector())) {
            List<Finding> findings = x.theCase().store().findings(Category.FACE_FEATURE);
            assertThat(findings).as("one finding for the database").hasSize(1);
            assertThat(findings.get(0).count()).isEqualTo(32 + 30 + 15 + 20 + 12);
            assertThat(findings.get(0).details()).containsEntry("vectors", 32 + 30 + 15 + 20 + 12)
                    .containsEntry("estimatedPersons", 8).containsEntry("threshold", PersonClusters.THRESHOLD);
            Map<String, Map<String, Object>> found = columns(findings.get(0));
            assertThat(found).containsOnlyKeys("staff.f16", "members.code", "archive.v", "kiosk.payload",
                    "sync_queue.data");
            expect(found.get("staff.f16"), "float16", "blob", 128, 32, 8, true);
            expect(found.get("members.code"), "int8", "blob", 256, 30, 6, false);
            expect(found.get("archive.v"), "float64", "blob", 1024, 15, 5, true);
            expect(found.get("kiosk.payload"), "decimal", "json-array", 512, 20, 4, true);
            expect(found.get("sync_queue.data"), "float32", "base64", 200, 12, 3, false);
            assertThat(found.get("staff.f16")).containsEntry("byteOrder", "little-endian")
                    .containsEntry("threshold", PersonClusters.THRESHOLD).containsEntry("undecodable", 0);
            assertThat((List<?>) found.get("staff.f16").get("examples")).hasSize(5).first().isEqualTo(1);
            assertThat(findings.get(0).confidence()).isBetween(0.5, 1.0);
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void ordinaryFloatColumnsRandomBlobsAndShortArraysAreNoVectors() throws Exception {
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        Random r = new Random(11);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + evidence.resolve("shop.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT, price REAL, weight REAL,"
                        + " price_history TEXT)");
                s.execute("CREATE TABLE store (id INTEGER PRIMARY KEY, lat REAL, lon REAL, route BLOB, route_json TEXT)");
                s.execute("CREATE TABLE sensor (id INTEGER PRIMARY KEY, temperatures BLOB, vibration TEXT,"
                        + " humidity BLOB)");
                s.execute("CREATE TABLE attachment (id INTEGER PRIMARY KEY, jpeg BLOB, deflated BLOB, noise BLOB,"
                        + " noise_b64 TEXT)");
                s.execute("CREATE TABLE embedding_short (id INTEGER PRIMARY KEY, feature BLOB, face_vector TEXT)");
            }
            c.setAutoCommit(false);
            byte[] jpeg = jpeg(r);
            for (int i = 1; i <= 60; i++) {
                float[] history = new float[128];
                double price = 10 + r.nextDouble() * 500;
                for (int k = 0; k < history.length; k++) {
                    price *= 1 + r.nextGaussian() * 0.01;
                    history[k] = (float) Math.round(price * 100) / 100f;
                }
                insert(c, "product", i, "item " + i, Math.round(r.nextDouble() * 99_900) / 100.0,
                        0.1 + r.nextDouble() * 20, Embeddings.json(history));
                float[] route = new float[128];
                double lat = 31.2 + r.nextGaussian() * 0.05;
                double lon = 121.47 + r.nextGaussian() * 0.05;
                for (int k = 0; k < route.length; k += 2) {
                    lat += r.nextGaussian() * 0.001;
                    lon += r.nextGaussian() * 0.001;
                    route[k] = (float) lat;
                    route[k + 1] = (float) lon;
                }
                insert(c, "store", i, lat, lon, Embeddings.float64(route), Embeddings.json(route));
                float[] temperatures = new float[256];
                float[] vibration = new float[512];
                float[] humidity = new float[512];
                double t = 18 + r.nextDouble() * 8;
                double phase = r.nextDouble() * 6.28;
                for (int k = 0; k < 512; k++) {
                    t += r.nextGaussian() * 0.05;
                    if (k < 256) {
                        temperatures[k] = (float) t;
                    }
                    // an accelerometer axis: zero mean, but each reading follows from the last
                    vibration[k] = (float) (Math.sin(phase + k * 0.07) * 0.3 + r.nextGaussian() * 0.02);
                    humidity[k] = (float) (0.45 + 0.1 * Math.sin(k * 0.01) + r.nextGaussian() * 0.01);
                }
                insert(c, "sensor", i, Embeddings.float32(temperatures), Embeddings.json(vibration),
                        Embeddings.float32(humidity));
                byte[] noise = new byte[new int[] {512, 1024, 2048, 4096}[i % 4]];
                r.nextBytes(noise);
                insert(c, "attachment", i, Arrays.copyOfRange(jpeg, i * 7, i * 7 + 2048), deflated(r, 1024), noise,
                        Embeddings.base64(noise));
                float[] small = new float[32];
                for (int k = 0; k < small.length; k++) {
                    small[k] = (float) r.nextGaussian();
                }
                insert(c, "embedding_short", i, Embeddings.float32(small), Embeddings.json(Arrays.copyOf(small, 16)));
            }
            c.commit();
        }

        try (Extraction x = Extraction.of(evidence, tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new SqliteVectorDetector())) {
            assertThat(x.theCase().store().findings(Category.FACE_FEATURE)).isEmpty();
            assertThat(x.errors()).isEmpty();
        }
    }

    /** The finding's columns by table.column (or path, or column, or shape). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> columns(Finding f) {
        return ((List<Map<String, Object>>) f.details().get("columns")).stream().collect(Collectors.toMap(
                c -> c.containsKey("table") ? c.get("table") + "." + c.get("column")
                        : String.valueOf(c.getOrDefault("path", c.getOrDefault("column", c.get("shape")))),
                Function.identity()));
    }

    static void expect(Map<String, Object> column, String encoding, String storage, int dimension, int vectors,
            int persons, boolean normalised) {
        assertThat(column).as("column %s", column).containsEntry("encoding", encoding)
                .containsEntry("storage", storage).containsEntry("dimension", dimension)
                .containsEntry("vectors", vectors).containsEntry("estimatedPersons", persons)
                .containsEntry("normalised", normalised);
    }

    private interface Row {
        Object[] values(int index, float[] vector);
    }

    private static void table(Connection c, String name, String columns, List<float[]> vectors, Row row)
            throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (id INTEGER PRIMARY KEY, " + columns + ")");
        }
        for (int i = 0; i < vectors.size(); i++) {
            Object[] values = row.values(i, vectors.get(i));
            Object[] all = new Object[values.length + 1];
            all[0] = i + 1;
            System.arraycopy(values, 0, all, 1, values.length);
            insert(c, name, all);
        }
    }

    private static void insert(Connection c, String table, Object... values) throws Exception {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /** A real JPEG (a noisy gradient, so that its entropy-coded data are long). */
    static byte[] jpeg(Random r) throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                int v = Math.min(255, Math.max(0, x + y / 2 + (int) (r.nextGaussian() * 20)));
                image.setRGB(x, y, v << 16 | (255 - v) << 8 | (v / 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Compressed text cut to {@code size} bytes, as a zip member or a compressed BLOB column holds. */
    static byte[] deflated(Random r, int size) {
        StringBuilder text = new StringBuilder();
        while (text.length() < size * 4) {
            text.append("visitor ").append(r.nextInt(10_000)).append(" arrived at gate ").append(r.nextInt(8))
                    .append(" at 2024-03-12 10:").append(r.nextInt(60)).append('\n');
        }
        Deflater d = new Deflater();
        d.setInput(text.toString().getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] out = new byte[size];
        d.deflate(out);
        d.end();
        return out;
    }
}
