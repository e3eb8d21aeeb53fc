package org.huisu.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huisu.cli.Cli;
import org.huisu.core.Json;
import org.huisu.scenario.cloud.S3Server;
import org.huisu.scenario.imaging.FaceCrops;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases the sample generator does not make, built by hand and run through the {@code huisu}
 * commands as an examiner would: single photos without archives, a MinIO audit log and an Alibaba
 * OSS access log instead of S3's, rclone moving instead of copying and deleting, two sites sharing
 * a bucket, a site known only through an examiner's attribution, and a chain that stops at the
 * bucket because the uploading server was never found.
 */
class HandMadeCasesTest {

    private static final String KEY_ID = "AKIAHANDMADECASE0001";
    private static final String SECRET = "hand-made-case-secret-key-0000000000000";
    private static SamplePhotos samples;

    @TempDir
    Path tmp;

    private final Cli cli = new Cli().env("HUISU_S3_ACCESS_KEY", KEY_ID).env("HUISU_S3_SECRET_KEY", SECRET);
    private S3Server server;
    private String caseFolder;

    @BeforeAll
    static void photos() {
        samples = SamplePhotos.load();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private byte[] face(int i) {
        return FaceCrops.render(samples.face(i), new Random(i));
    }

    private Path write(Path root, String path, byte[] bytes) throws IOException {
        Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path write(Path root, String path, String text) throws IOException {
        return write(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void run(String... args) {
        Cli.Result r = cli.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
    }

    private JsonNode json(String... args) throws IOException {
        Cli.Result r = cli.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    private static Map<String, JsonNode> stages(JsonNode chains, String category) {
        Map<String, JsonNode> stages = new HashMap<>();
        for (JsonNode c : chains.get("chains")) {
            if (c.get("category").asText().equals(category)) {
                c.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
            }
        }
        assertThat(stages).as("a " + category + " chain in " + chains).isNotEmpty();
        return stages;
    }

    private static List<String> actorNames(JsonNode stage) {
        List<String> names = new ArrayList<>();
        stage.get("actors").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }

    private static String minio(String time, String api, String key, String address, String agent) {
        return "{\"version\":\"1\",\"deploymentid\":\"7d0f7c1e-hand-made\",\"time\":\"" + time + "\",\"api\":{\"name\":\""
                + api + "\",\"bucket\":\"patients\",\"object\":\"" + key + "\",\"status\":\"OK\",\"statusCode\":200},"
                + "\"remotehost\":\"" + address + "\",\"requestID\":\"17C" + Math.abs((time + key).hashCode())
                + "\",\"userAgent\":\"" + agent + "\"}\n";
    }

    /**
     * Two clinics upload single photos into one MinIO bucket. Clinic A moves them with rclone (copy,
     * then delete) and is known only through an examiner's attribution of its address; clinic B's NAS
     * has the public address in its own configuration and copies with the aws cli. Someone else
     * uploads brochures to another prefix of the same bucket: that traffic stays out of the chain.
     */
    @Test
    void twoClinicsSharingAMinioBucketWithRcloneMovingAndAnExaminersAttribution() throws IOException {
        Path evidence = tmp.resolve("evidence");
        Path bucket = Files.createDirectories(tmp.resolve("buckets").resolve("patients"));
        StringBuilder audit = new StringBuilder();
        StringBuilder rclone = new StringBuilder("2024/05/02 01:00:01 DEBUG : rclone: Version \"v1.65.0\" starting with"
                + " parameters [\"rclone\" \"move\" \"/srv/intake/2024-05-02\" \"minio:patients/intake/2024-05-02\""
                + " \"-v\" \"--log-file\" \"/var/log/rclone/move.log\"]\n");
        for (int i = 1; i <= 3; i++) {
            String name = "p00" + i + ".jpg";
            write(bucket, "intake/2024-05-02/" + name, face(i));
            rclone.append("2024/05/02 01:00:0").append(2 + i).append(" INFO  : ").append(name).append(": Copied (new)\n");
            rclone.append("2024/05/02 01:00:0").append(2 + i).append(" INFO  : ").append(name).append(": Deleted\n");
            audit.append(minio("2024-05-01T17:00:0" + (2 + i) + ".5Z", "PutObject", "intake/2024-05-02/" + name,
                    "198.51.100.10", "rclone/v1.65.0"));
        }
        StringBuilder history = new StringBuilder();
        for (int i = 4; i <= 5; i++) {
            String name = "q00" + i + ".jpg";
            write(bucket, "intake/2024-05-03/" + name, face(i));
            write(evidence.resolve("clinic-b-nas"), "/data/scans/" + name, face(i));
            history.append("aws --endpoint-url https://minio.example-health.cn s3 cp /data/scans/").append(name)
                    .append(" s3://patients/intake/2024-05-03/").append(name).append('\n');
            audit.append(minio("2024-05-03T02:10:0" + i + ".1Z", "PutObject", "intake/2024-05-03/" + name,
                    "198.51.100.20", "aws-cli/2.15.0"));
        }
        write(bucket, "public/brochure-may.png", Files.readAllBytes(samples.folder().resolve("coffee.png")));
        audit.append(minio("2024-05-02T03:00:00.0Z", "PutObject", "public/brochure-may.png", "192.0.2.50", "curl/8.5"));
        audit.append(minio("2024-05-02T09:15:00.0Z", "GetObject", "intake/2024-05-02/p001.jpg", "203.0.113.99",
                "okhttp/4.12.0"));
        audit.append(minio("2024-05-04T09:15:00.0Z", "GetObject", "intake/2024-05-03/q004.jpg", "203.0.113.99",
                "okhttp/4.12.0"));

        Path a = evidence.resolve("clinic-a-ws");
        write(a, "/etc/hostname", "clinic-a-ws\n");
        write(a, "/home/ops/.config/rclone/rclone.conf", "[minio]\ntype = s3\nprovider = Minio\naccess_key_id = "
                + "OPSKEY0000000001\nsecret_access_key = 0123456789abcdef0123456789abcdef\n"
                + "endpoint = https://minio.example-health.cn\n");
        write(a, "/var/log/rclone/move.log", rclone.toString());
        Path b = evidence.resolve("clinic-b-nas");
        write(b, "/etc/hostname", "clinic-b-nas\n");
        write(b, "/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet static\n"
                + "    address 198.51.100.20/29\n    gateway 198.51.100.17\n");
        write(b, "/root/.bash_history", history.toString());
        write(evidence.resolve("minio-audit"), "audit/2024-05.jsonl", audit.toString());

        server = S3Server.start(tmp.resolve("buckets"), 0, KEY_ID, SECRET);
        caseFolder = tmp.resolve("case").toString();
        run("case", "init", caseFolder, "--examiner", "Li Na");
        run("source", "add", caseFolder, a.toString(), "--label", "clinic-a-ws", "--timezone", "Asia/Shanghai");
        run("source", "add", caseFolder, b.toString(), "--label", "clinic-b-nas", "--timezone", "Asia/Shanghai");
        run("source", "add", caseFolder, evidence.resolve("minio-audit").toString(), "--label", "minio-audit",
                "--kind", "logs");
        run("source", "add", caseFolder, "s3://patients", "--endpoint", server.endpoint().toString(), "--path-style",
                "--label", "bucket");
        run("actor", "add", caseFolder, "--name", "Clinic A office", "--kind", "organisation", "--address",
                "198.51.100.10", "--reference", "ISP letter 2024-07 naming the subscriber of 198.51.100.10");
        run("analyze", caseFolder);

        JsonNode chains = json("chain", caseFolder, "--format", "json");
        Map<String, JsonNode> s = stages(chains, "FACE_IMAGE");
        JsonNode transmit = s.get("TRANSMIT");
        assertThat(transmit.get("status").asText()).isEqualTo("found");
        assertThat(transmit.get("records").asLong()).as(transmit.toString()).isEqualTo(5);
        assertThat(actorNames(transmit)).contains("Clinic A office", "clinic-b-nas");
        assertThat(transmit.toString()).doesNotContain("192.0.2.50").doesNotContain("public/");
        JsonNode store = s.get("STORE");
        assertThat(store.get("records").asLong()).as(store.toString()).isEqualTo(5);
        assertThat(store.get("locations").toString()).contains("s3://patients/intake/").doesNotContain("public");
        JsonNode delete = s.get("DELETE");
        assertThat(delete.get("status").asText()).as(delete.toString()).isEqualTo("found");
        assertThat(delete.get("records").asLong()).as(delete.toString()).isEqualTo(3);
        assertThat(s.get("USE").get("records").asLong()).isEqualTo(2);
        assertThat(s.get("COLLECT").get("status").asText()).isEqualTo("missing");
        assertThat(s.get("COLLECT").get("explanation").asText()).startsWith("Missing:");
        assertThat(s.get("ANALYZE").get("status").asText()).isEqualTo("missing");

        JsonNode trace = json("trace", caseFolder, "--from", "s3://patients/intake/2024-05-02/p001.jpg", "--format",
                "json");
        StringBuilder why = new StringBuilder();
        trace.get("hops").forEach(h -> why.append(h.get("linker").asText()).append(": ")
                .append(h.get("explanation").asText()).append('\n'));
        assertThat(why).contains("ISP letter 2024-07").contains("clinic-a-ws:/var/log/rclone/move.log");
        JsonNode stats = json("stats", caseFolder, "--format", "json");
        assertThat(stats.get("deletion").get("uploadedThenDeleted").asLong()).isEqualTo(3);
    }

    /**
     * Only the bucket, its Alibaba OSS access log and a phone were seized: the chain reaches the
     * bucket and its users, and says that collection, analysis and deletion have no evidence. The
     * app's rows name the photos by a virtual-hosted URL, a signed URL and a CDN host.
     */
    @Test
    void aChainThatStopsAtTheBucketSaysWhatIsMissing() throws IOException {
        Path evidence = tmp.resolve("evidence");
        Path bucket = Files.createDirectories(tmp.resolve("buckets").resolve("visitors"));
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            String key = "faces/v" + i + ".jpg";
            byte[] photo = face(10 + i);
            write(bucket, key, photo);
            log.append("47.100.12.8 - - [10/Jun/2024:22:0").append(i).append(":00 +0800] \"PUT /").append(key)
                    .append(" HTTP/1.1\" 200 - ").append(photo.length).append(" \"-\" \"aliyun-sdk-java/3.17.4\"")
                    .append(" \"visitors.oss-cn-shanghai.aliyuncs.com\" \"6667A0B1C2D3E4F5A6B7C8D").append(i)
                    .append("\" \"true\" \"1657183691453712\" \"PutObject\" \"visitors\" \"").append(key).append("\" ")
                    .append(photo.length).append(" 21 \"-\" 200 \"1657183691453712\" - \"-\" \"standard\" \"-\" \"-\"")
                    .append(" \"LTAI5tHandMadeKey0001\"\n");
        }
        log.append("101.80.3.9 - - [11/Jun/2024:09:30:00 +0800] \"GET /faces/v2.jpg HTTP/1.1\" 200 4000 12 \"-\""
                + " \"okhttp/4.12.0\" \"visitors.oss-cn-shanghai.aliyuncs.com\" \"6667A0B1C2D3E4F5A6B7C8E1\" \"true\""
                + " \"-\" \"GetObject\" \"visitors\" \"faces/v2.jpg\" 4000 9 \"-\" 200 \"-\" - \"-\" \"standard\" \"-\""
                + " \"-\" \"-\"\n");
        write(evidence.resolve("oss-logs"), "visitors/log2024-06-11-00-00-00-0001", log.toString());
        Path phone = evidence.resolve("phone");
        Path db = phone.resolve("data/data/cn.example.visitorapp/databases/visits.db");
        Files.createDirectories(db.getParent());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, guest TEXT, photo TEXT)");
            st.execute("INSERT INTO visit (guest, photo) VALUES ('guest-1', "
                    + "'https://visitors.oss-cn-shanghai.aliyuncs.com/faces/v1.jpg')");
            st.execute("INSERT INTO visit (guest, photo) VALUES ('guest-2', "
                    + "'https://visitors.oss-cn-shanghai.aliyuncs.com/faces/v2.jpg?Expires=1718100000&OSSAccessKeyId="
                    + "LTAI5tHandMadeKey0001&Signature=abc%2Bdef')");
            st.execute("INSERT INTO visit (guest, photo) VALUES ('guest-3', 'https://img.example-visitor.cn/faces/v3.jpg')");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }

        server = S3Server.start(tmp.resolve("buckets"), 0, KEY_ID, SECRET);
        caseFolder = tmp.resolve("case").toString();
        run("case", "init", caseFolder, "--examiner", "Li Na");
        run("source", "add", caseFolder, evidence.resolve("oss-logs").toString(), "--label", "oss-logs", "--kind",
                "logs");
        run("source", "add", caseFolder, phone.toString(), "--label", "phone", "--kind", "android");
        run("source", "add", caseFolder, "s3://visitors", "--endpoint", server.endpoint().toString(), "--path-style",
                "--label", "bucket");
        run("analyze", caseFolder);

        Map<String, JsonNode> s = stages(json("chain", caseFolder, "--format", "json"), "FACE_IMAGE");
        for (String missing : List.of("COLLECT", "ANALYZE", "IDENTIFY", "DELETE")) {
            assertThat(s.get(missing).get("status").asText()).as(missing + ": " + s.get(missing)).isEqualTo("missing");
            assertThat(s.get(missing).get("records").asLong()).isZero();
            assertThat(s.get(missing).get("evidence")).isEmpty();
        }
        JsonNode transmit = s.get("TRANSMIT");
        assertThat(transmit.get("status").asText()).isEqualTo("found");
        assertThat(transmit.get("records").asLong()).isEqualTo(4);
        assertThat(transmit.get("actors")).as("no host owns 47.100.12.8 in this evidence").isEmpty();
        assertThat(transmit.get("explanation").asText()).contains("47.100.12.8");
        assertThat(s.get("STORE").get("records").asLong()).isEqualTo(4);
        JsonNode use = s.get("USE");
        assertThat(use.get("records").asLong()).isEqualTo(1);
        assertThat(use.get("explanation").asText()).contains("3 app database rows");
        assertThat(use.get("locations").toString()).contains("phone:/data/data/cn.example.visitorapp");

        Cli.Result zh = cli.run("chain", caseFolder, "--lang", "zh");
        assertThat(zh.out()).contains("缺失：");
    }
}
