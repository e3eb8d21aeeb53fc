package org.huisu.extract.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;
import org.huisu.core.pipeline.Analysis;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers' published sample lines, with the uploads, deletions, lifecycle expiries and
 * Chinese keys they lack, in a log bundle laid out as an examiner receives one: files named as
 * each provider names them (no extension), some gzipped, every extractor on the class path at work.
 */
class CloudAccessLogExtractorsTest {

    private static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    @TempDir
    Path tmp;

    private static String sample(String name) throws IOException {
        try (InputStream in = CloudAccessLogExtractorsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static String s3(String time, String operation, String key, String uri, int status, String sent,
            String size) {
        return OWNER + " lakeview-faces [" + time + " +0000] 203.0.113.7 " + OWNER + " 3E57427F3EXAMPLE " + operation
                + " " + key + " \"" + uri + " HTTP/1.1\" " + status + " - " + sent + " " + size
                + " 41 28 \"-\" \"aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64\" - "
                + "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4"
                + " ECDHE-RSA-AES128-GCM-SHA256 AuthHeader lakeview-faces.s3.ap-east-1.amazonaws.com TLSv1.2 - -";
    }

    @Test
    void s3UploadsDeletionsAndExpiriesBecomeActivitiesAtTheirUtcTimesWithDecodedKeys() throws Exception {
        String key = "%E4%BA%BA%E8%84%B8/2024/03/14/%E5%BC%A0%E4%B8%89+1.jpg";
        String added = String.join("\n",
                s3("14/Mar/2024:18:30:07", "REST.PUT.OBJECT", key, "PUT /" + key, 200, "-", "48213"),
                s3("15/Mar/2024:01:00:00", "REST.GET.OBJECT", key, "GET /" + key, 200, "48213", "48213"),
                s3("15/Mar/2024:02:00:00", "REST.DELETE.OBJECT", key, "DELETE /" + key, 204, "-", "-"),
                OWNER + " lakeview-faces [16/Mar/2024:00:10:00 +0000] - AmazonS3 6A9F6D6F3EXAMPLE S3.EXPIRE.OBJECT "
                        + "faces/2024/03/01/a.jpg - - - - - - - - - - - - - - - - - -") + "\n";
        EvidenceTree t = new EvidenceTree(tmp.resolve("bundle"));
        t.file("s3-logs/lakeview-faces/2024-03-15-02-30-11-5A6B7C8D9E0F1A2B", sample("s3-server-access.log") + added);
        t.file("s3-logs/lakeview-faces/2024-03-16-00-10-00-0F1A2B3C4D5E6F70", gzip(added));

        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.LOGS)) {
            List<Activity> s3 = x.activities().stream().filter(a -> a.extractor().equals("s3-access-log")).toList();
            Activity put = s3.stream().filter(a -> a.kind() == ActivityKind.UPLOAD && a.subject().contains("张三"))
                    .findFirst().orElseThrow(() -> new AssertionError(s3.toString()));
            assertThat(put.subject()).isEqualTo("s3://lakeview-faces/人脸/2024/03/14/张三+1.jpg");
            assertThat(put.started()).isEqualTo(Instant.parse("2024-03-14T18:30:07Z"));
            assertThat(put.stage()).isEqualTo(Stage.TRANSMIT);
            assertThat(put.attributes()).containsEntry("remoteAddress", "203.0.113.7")
                    .containsEntry("requestId", "3E57427F3EXAMPLE").containsEntry("operation", "REST.PUT.OBJECT")
                    .containsEntry("status", 200).containsEntry("objectSize", 48213)
                    .containsEntry("bucket", "lakeview-faces").containsEntry("requester", OWNER);
            assertThat(put.attributes().get("userAgent").toString()).startsWith("aws-cli/2.15.30");

            // the sample's own upload, and its 403 download: a refused read is still a request to read
            assertThat(s3).anySatisfy(a -> {
                assertThat(a.subject()).isEqualTo("s3://mybucket/s3-dg.pdf");
                assertThat(a.kind()).isEqualTo(ActivityKind.UPLOAD);
                assertThat(a.started()).isEqualTo(Instant.parse("2014-02-06T00:01:57Z"));
            }).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo(ActivityKind.DOWNLOAD);
                assertThat(a.attributes()).containsEntry("status", 403).containsEntry("errorCode", "AccessDenied");
            });
            assertThat(s3).filteredOn(a -> a.kind() == ActivityKind.DELETE).extracting(Activity::subject)
                    .containsExactlyInAnyOrder("s3://lakeview-faces/人脸/2024/03/14/张三+1.jpg",
                            "s3://lakeview-faces/faces/2024/03/01/a.jpg", "s3://lakeview-faces/人脸/2024/03/14/张三+1.jpg",
                            "s3://lakeview-faces/faces/2024/03/01/a.jpg");
            // bucket configuration reads (versioning, logging, policy) are no activity of their own
            assertThat(s3).noneMatch(a -> a.attributes().get("operation").toString().contains("VERSIONING"));
            // the gzipped file is read as well
            long gz = x.at("/s3-logs/lakeview-faces/2024-03-16-00-10-00-0F1A2B3C4D5E6F70").id();
            assertThat(s3.stream().filter(a -> a.evidenceArtifactId() == gz)).hasSize(4);
            // no other extractor took these lines for its own
            assertThat(x.activities()).allMatch(a -> a.extractor().equals("s3-access-log"));
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void ossLinesAreReadAsOssNotAsTheWebLogTheyResembleAndTheirAccessKeyIsAnActor() throws Exception {
        String sample = sample("oss-access.log");
        String put = "203.0.113.7 - - [15/Mar/2024:02:30:06 +0800] \"PUT /faces/2024/03/14/%E6%9D%8E%E5%9B%9B.jpg"
                + " HTTP/1.1\" 200 0 45 \"-\" \"aliyun-sdk-java/3.17.4\" \"lakeview-faces.oss-cn-shenzhen.aliyuncs.com\""
                + " \"65F3A1B2C3D4E5F6A7B8C9D0\" \"true\" \"1234567890123456\" \"PutObject\" \"lakeview-faces\""
                + " \"faces%2F2024%2F03%2F14%2F%E6%9D%8E%E5%9B%9B.jpg\" 51234 12 \"-\" 51466 \"1234567890123456\" 51234"
                + " \"-\" \"standard\" \"-\" \"-\" \"LTAI5tQ9bWm3kQd2XYZ12345\"";
        EvidenceTree t = new EvidenceTree(tmp.resolve("bundle"));
        t.file("oss/log/lakeview-faces2024-03-15-02-00-00-0001", sample + put + "\n");
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.LOGS)) {
            List<Activity> all = x.activities();
            assertThat(all).extracting(Activity::extractor).containsOnly("oss-access-log");
            Activity upload = all.stream().filter(a -> a.kind() == ActivityKind.UPLOAD).findFirst().orElseThrow();
            assertThat(upload.subject()).isEqualTo("oss://lakeview-faces/faces/2024/03/14/李四.jpg");
            assertThat(upload.started()).isEqualTo(Instant.parse("2024-03-14T18:30:06Z"));
            assertThat(upload.attributes()).containsEntry("accessKeyId", "LTAI5tQ9bWm3kQd2XYZ12345");
            assertThat(x.theCase().store().actors()).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo(ActorKind.ACCESS_KEY);
                assertThat(a.name()).isEqualTo("LTAI5tQ9bWm3kQd2XYZ12345");
                assertThat(a.id()).isEqualTo(upload.actorId());
            });
            Activity download = all.stream().filter(a -> a.kind() == ActivityKind.DOWNLOAD).findFirst().orElseThrow();
            assertThat(download.subject()).isEqualTo("oss://examplebucket/example.jpg");
            assertThat(download.started()).isEqualTo(Instant.parse("2021-01-03T06:59:49Z"));
        }
    }

    @Test
    void minioAuditLinesAndTabSeparatedCosLinesAreEachReadByTheirOwnExtractor() throws Exception {
        String cos = String.join("\t", "1.0", "visitor-faces-1250000000", "ap-guangzhou", "2024-03-14T18:30:06Z",
                "visitor-faces-1250000000.cos.ap-guangzhou.myqcloud.com", "PutObject", "203.0.113.7",
                "AKIDNYVCdoJQyGJ5b1234", "-", "51234", "51234", "/2024/03/14/%E7%8E%8B%E4%BA%94.jpg", "put",
                "cos-python-sdk-v5.1.9.30", "200", "-", "-", "0", "35", "USER", "STANDARD", "100000000001", "30",
                "100000000001:100000000002", "NWQ1ZjY4MTBfMjZiMjU4NjRfOWI1N180NDBiYTY=", "51234", "-", "-", "-",
                "\"PUT /2024/03/14/%E7%8E%8B%E4%BA%94.jpg HTTP/1.1\"", "-");
        EvidenceTree t = new EvidenceTree(tmp.resolve("bundle"));
        t.file("cos/visitor-faces-1250000000/2024/03/15/20240315023000_0.txt", cos + "\n");
        t.file("minio/audit.log", sample("minio-audit.jsonl"));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.LOGS)) {
            assertThat(x.activities()).anySatisfy(a -> {
                assertThat(a.extractor()).isEqualTo("cos-access-log");
                assertThat(a.kind()).isEqualTo(ActivityKind.UPLOAD);
                assertThat(a.subject()).isEqualTo("cos://visitor-faces-1250000000/2024/03/14/王五.jpg");
                assertThat(a.attributes()).containsEntry("accessKeyId", "AKIDNYVCdoJQyGJ5b1234");
            }).anySatisfy(a -> {
                assertThat(a.extractor()).isEqualTo("minio-audit-log");
                assertThat(a.kind()).isEqualTo(ActivityKind.UPLOAD);
                assertThat(a.subject()).isEqualTo("s3://testbucket/hosts");
                assertThat(a.started()).isEqualTo(Instant.parse("2019-08-12T21:34:37.187817748Z"));
                assertThat(a.attributes()).containsEntry("accessKeyId", "minio");
            });
            assertThat(x.activities()).hasSize(2);
        }
    }

    @Test
    void eachCloudFormatIsAnExtractorOfItsOwnName() {
        assertThat(Analysis.discover()).extracting(e -> e.name()).contains("s3-access-log", "oss-access-log",
                "cos-access-log", "minio-audit-log", "web-access-log", "syslog", "tool-log", "network-identity");
    }
}
