package org.huisu.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.huisu.core.HuisuException;
import org.huisu.core.Json;
import org.huisu.core.hash.Digests;
import org.huisu.core.progress.Progress;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {

    @TempDir
    Path tmp;

    private static final ScenarioGenerator.Result S3 = GeneratedWorlds.small(Provider.S3);

    private static JsonNode truth(ScenarioGenerator.Result r) throws IOException {
        return Json.mapper().readTree(r.layout().truth().toFile());
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path p) throws IOException {
        return Digests.sha256(Files.readAllBytes(p));
    }

    @Test
    void theCountsOfTruthMatchTheFiles() throws Exception {
        Layout l = S3.layout();
        JsonNode counts = truth(S3).get("counts");
        String lastDay = truth(S3).get("scenario").get("lastDay").asText().replace("-", "");
        Path today = l.server().resolve("data/capture").resolve(lastDay);
        long cropsOnServer = files(today).stream().filter(p -> p.getParent().getFileName().toString()
                .startsWith("cam")).count();
        assertThat(cropsOnServer).isEqualTo(counts.get("faceImagesOnServer").asLong()).isPositive();
        try (Stream<Path> days = Files.list(l.server().resolve("data/capture"))) {
            assertThat(days).as("only the last day is still on the server").containsExactly(today);
        }
        assertThat(files(l.bucket().resolve("faces"))).hasSize(counts.get("faceImagesUploaded").asInt());
        assertThat(files(l.bucket().resolve("archives"))).hasSize(counts.get("archivesUploaded").asInt()).hasSize(3);
        assertThat(counts.get("faceImagesCaptured").asLong()).isEqualTo(240)
                .isEqualTo(counts.get("faceImagesUploaded").asLong() + cropsOnServer);
        assertThat(counts.get("faceImagesDeleted").asLong()).isEqualTo(counts.get("faceImagesUploaded").asLong());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + l.server().resolve(
                "opt/facecap/data/face_analysis.db"))) {
            assertThat(count(c, "SELECT COUNT(*) FROM face_capture")).isEqualTo(counts.get("featureVectors").asLong());
            assertThat(count(c, "SELECT COUNT(*) FROM person")).isEqualTo(counts.get("persons").asLong());
            assertThat(count(c, "SELECT COUNT(*) FROM visit")).isEqualTo(counts.get("visits").asLong());
        }
        long clipsOnServer = files(today.resolve("clips")).size();
        long clipsInArchives = 0;
        for (Path archive : files(l.bucket().resolve("archives"))) {
            clipsInArchives += archiveEntries(archive).keySet().stream().filter(n -> n.endsWith(".mp4")).count();
        }
        assertThat(clipsOnServer + clipsInArchives).isEqualTo(counts.get("clips").asLong()).isPositive();
        for (JsonNode deleted : truth(S3).get("deleted")) {
            assertThat(l.server().resolve(deleted.asText().substring(1))).doesNotExist();
        }
    }

    @Test
    void everyUploadedObjectIsInTheBucketWithItsBytesAndInAPutLogLine() throws Exception {
        Layout l = S3.layout();
        String logs = allLogs(l);
        for (JsonNode upload : truth(S3).get("uploads")) {
            Path object = l.bucket().resolve(upload.get("key").asText());
            assertThat(object).exists();
            assertThat(sha256(object)).isEqualTo(upload.get("sha256").asText());
            assertThat(logs).contains(" 203.0.113.7 ").containsPattern("203\\.0\\.113\\.7 \\S+ \\S+ REST\\.PUT\\.OBJECT "
                    + java.util.regex.Pattern.quote(upload.get("key").asText()) + " ");
        }
        assertThat(logs).contains("REST.GET.OBJECT faces/").contains("REST.PUT.OBJECT backup/")
                .contains(" 403 AccessDenied ");
    }

    @Test
    void everyAppUrlPointsAtAnObjectOfTheBucket() throws Exception {
        Layout l = S3.layout();
        Path db = l.phone().resolve("data/data/com.lakeview.salesassistant/databases/sales_assistant.db");
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT face_url FROM visit_record")) {
            while (rs.next()) {
                URI url = URI.create(rs.getString(1));
                assertThat(url.getHost()).isEqualTo(Provider.S3.bucket() + "." + Provider.S3.endpointHost());
                assertThat(l.bucket().resolve(url.getPath().substring(1))).exists();
                rows++;
            }
        }
        assertThat(rows).isEqualTo(truth(S3).get("counts").get("appRecords").asInt()).isPositive();
        String prefs = Files.readString(l.phone().resolve(
                "data/data/com.lakeview.salesassistant/shared_prefs/com.lakeview.salesassistant_preferences.xml"));
        assertThat(prefs).contains(Provider.S3.bucket()).contains(Provider.S3.endpointHost());
    }

    @Test
    void thePhoneCacheHoldsPhotosOfTheBucketByteForByte() throws Exception {
        Layout l = S3.layout();
        Set<String> bucket = new HashSet<>();
        for (Path p : files(l.bucket().resolve("faces"))) {
            bucket.add(sha256(p));
        }
        List<Path> cached = files(l.phone().resolve("data/data/com.lakeview.salesassistant/cache/image_manager_disk_cache"))
                .stream().filter(p -> p.toString().endsWith(".0")).toList();
        assertThat(cached).hasSize(truth(S3).get("counts").get("phoneCachedPhotos").asInt()).isNotEmpty();
        for (Path p : cached) {
            assertThat(bucket).contains(sha256(p));
        }
    }

    @Test
    void everyFeatureRowPointsAtAFaceImageAndVectorsClusterByPerson() throws Exception {
        Layout l = S3.layout();
        Set<String> uploadedNames = new HashSet<>();
        for (Path p : files(l.bucket().resolve("faces"))) {
            uploadedNames.add(p.getFileName().toString());
        }
        Map<String, List<float[]>> byPerson = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + l.server().resolve(
                "opt/facecap/data/face_analysis.db"));
                ResultSet rs = c.createStatement().executeQuery("SELECT image_path, person_id, feature FROM face_capture")) {
            while (rs.next()) {
                String path = rs.getString(1);
                Path onServer = l.server().resolve(path.substring(1));
                String name = path.substring(path.lastIndexOf('/') + 1);
                assertThat(Files.exists(onServer) || uploadedNames.contains(name)).as(path).isTrue();
                ByteBuffer b = ByteBuffer.wrap(rs.getBytes(3)).order(ByteOrder.LITTLE_ENDIAN);
                float[] v = new float[512];
                double norm = 0;
                for (int i = 0; i < 512; i++) {
                    v[i] = b.getFloat();
                    norm += v[i] * v[i];
                }
                assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
                byPerson.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(v);
            }
        }
        List<List<float[]>> people = new ArrayList<>(byPerson.values());
        people.removeIf(vs -> vs.size() < 2);
        for (List<float[]> vs : people.subList(0, Math.min(10, people.size()))) {
            assertThat(cosine(vs.get(0), vs.get(1))).isGreaterThan(0.45);
        }
        assertThat(Math.abs(cosine(people.get(0).get(0), people.get(1).get(0)))).isLessThan(0.25);
    }

    @Test
    void eachArchiveHoldsItsDayAsTheScriptPackedIt() throws Exception {
        Layout l = S3.layout();
        for (JsonNode upload : truth(S3).get("uploads")) {
            if (!upload.get("kind").asText().equals("archive")) {
                continue;
            }
            Map<String, String> entries = archiveEntries(l.bucket().resolve(upload.get("key").asText()));
            String day = upload.get("localPath").asText().replaceAll(".*faces-(\\d{8}).*", "$1");
            assertThat(entries.keySet()).allMatch(n -> n.startsWith(day + "/"));
            assertThat(entries.keySet()).anyMatch(n -> n.contains("/scene/")).anyMatch(n -> n.contains("/cam"));
            for (Path photo : files(l.bucket().resolve("faces").resolve(day.substring(0, 4)).resolve(day.substring(4, 6))
                    .resolve(day.substring(6)))) {
                String name = photo.getFileName().toString();
                String inArchive = entries.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(name));
                assertThat(inArchive).isEqualTo(sha256(photo));
            }
        }
    }

    @Test
    void theChainInTruthHasEveryStage() throws IOException {
        JsonNode chain = truth(S3).get("chain");
        List<String> stages = new ArrayList<>();
        chain.forEach(s -> stages.add(s.get("stage").asText()));
        assertThat(stages).containsExactly("COLLECT", "ANALYZE", "IDENTIFY", "USE", "TRANSMIT", "STORE", "DELETE");
        JsonNode actors = truth(S3).get("actors");
        assertThat(actors.toString()).contains("203.0.113.7").contains("192.168.10.20");
    }

    @Test
    void ossWorldsWriteOssLogsAndUrls() throws Exception {
        ScenarioGenerator.Result oss = GeneratedWorlds.small(Provider.OSS);
        String logs = allLogs(oss.layout());
        assertThat(logs).contains("\"PutObject\" \"hz-lakeview-faces\" \"faces/").contains("+0800]")
                .contains("hz-lakeview-faces.oss-cn-hangzhou.aliyuncs.com");
        assertThat(Files.readString(oss.layout().server().resolve("opt/facecap/bin/daily_upload.sh")))
                .contains("ossutil cp");
        assertThat(oss.layout().server().resolve("home/facecap/.ossutilconfig")).exists();
    }

    @Test
    void theSameSeedGivesTheSameWorldAndAnotherSeedAnother() throws IOException {
        Scenario small = new Scenario(42, 20, 2, Provider.S3, java.time.LocalDate.of(2024, 3, 1));
        ScenarioGenerator generator = new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, 2);
        Map<String, String> first = fingerprint(generator.generate(small, tmp.resolve("a")).layout().root());
        Map<String, String> second = fingerprint(generator.generate(small, tmp.resolve("b")).layout().root());
        Map<String, String> other = fingerprint(generator.generate(new Scenario(43, 20, 2, Provider.S3,
                java.time.LocalDate.of(2024, 3, 1)), tmp.resolve("c")).layout().root());
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFolderThatIsNotEmptyIsRefused() throws IOException {
        Files.writeString(tmp.resolve("note.txt"), "x");
        assertThatThrownBy(() -> new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, 1)
                .generate(Scenario.of(1, 100, Provider.S3), tmp))
                .isInstanceOf(HuisuException.class).hasMessageContaining("is not empty");
    }

    @Test
    void missingSamplePhotosAreNamedWithTheirInstaller() {
        assertThatThrownBy(() -> SamplePhotos.load(tmp))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("lfw_subset.npy")
                .hasMessageContaining("scripts/install-samples");
    }

    /** Every file's path, content hash and modification time: what must repeat for a seed. */
    private static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path p : files(root)) {
            out.put(root.relativize(p).toString(), sha256(p) + " " + Files.getLastModifiedTime(p).toMillis());
        }
        return out;
    }

    private static String allLogs(Layout l) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path p : files(l.bucketLogs())) {
            b.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static Map<String, String> archiveEntries(Path archive) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    entries.put(e.getName(), Digests.sha256(tar.readAllBytes()));
                }
            }
        }
        return entries;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
