package org.huisu.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.Digests;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import org.huisu.scenario.cloud.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote inspection against a real S3 server (s3proxy, filesystem provider, on 127.0.0.1), reached
 * through a relay that counts the requests the server received by method.
 */
class CloudInspectionTest {

    private static final String KEY_ID = "AKIATESTINSPECTION01";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYTESTSECRET";

    @TempDir
    Path tmp;

    private Path buckets;
    private S3Server server;
    private CountingS3Proxy relay;
    private Case theCase;

    @BeforeEach
    void start() throws IOException {
        buckets = Files.createDirectories(tmp.resolve("buckets"));
        server = S3Server.start(buckets, 0, KEY_ID, SECRET);
        relay = new CountingS3Proxy(server.endpoint());
        theCase = Case.create(tmp.resolve("case"), "Remote", "Wang Li");
    }

    @AfterEach
    void stop() {
        theCase.close();
        relay.close();
        server.close();
    }

    private Path put(String bucket, String key, byte[] bytes) throws IOException {
        Path file = buckets.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** Writes through the S3 API (the test's own client, not Huisu's), so that the object has an ETag. */
    private void putThroughApi(String bucket, String key, byte[] bytes) {
        try (software.amazon.awssdk.services.s3.S3Client writer = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(server.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build()) {
            writer.putObject(b -> b.bucket(bucket).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private CloudInspection.Result inspect(String locator, String label, KeySelection selection, URI endpoint,
            String secret, int attempts) {
        return new CloudInspection(theCase, Progress.NONE).run(new CloudInspection.Request(locator,
                new ReadOnlyS3.Endpoint(endpoint, "us-east-1", true, 4, attempts),
                new S3Credentials(KEY_ID, secret, null), label, selection, false, "Wang Li", ZoneOffset.UTC));
    }

    private CloudInspection.Result inspect(String locator, KeySelection selection) {
        return inspect(locator, null, selection, relay.endpoint(), SECRET, 4);
    }

    private List<Artifact> artifacts(long sourceId) {
        List<Artifact> all = new ArrayList<>();
        theCase.store().forEachArtifact(sourceId, all::add);
        return all;
    }

    private static Artifact at(List<Artifact> all, String locator) {
        return all.stream().filter(a -> a.locator().equals(locator)).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + locator + " among " + all.stream()
                        .map(Artifact::locator).toList()));
    }

    @Test
    void aBucketIsListedDownloadedHashedAndSealedWithOnlyGetAndHeadRequests() throws IOException {
        Map<String, byte[]> objects = new HashMap<>();
        objects.put("faces/2024/03/15/cam01/1710460804513.jpg", bytes(20_000, 1));
        objects.put("faces/2024/03/15/cam02/1710460809999.jpg", bytes(31_337, 2));
        objects.put("archives/2024-03-14.tar.gz", bytes(150_000, 3));
        objects.put("empty.txt", new byte[0]);
        objects.put("人脸/访客 照片 (1).jpg", bytes(5_000, 4));
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            put("evidence", e.getKey(), e.getValue());
        }
        // two written through the API instead: those have an ETag, the MD5 of their bytes
        List<String> withEtag = List.of("faces/2024/03/15/cam02/1710460809999.jpg", "人脸/访客 照片 (1).jpg");
        for (String key : withEtag) {
            Files.delete(buckets.resolve("evidence").resolve(key));
            putThroughApi("evidence", key, objects.get(key));
        }
        // an empty folder: the filesystem provider lists it as a "reports/" placeholder object
        Files.createDirectories(buckets.resolve("evidence/reports"));

        CloudInspection.Result r = inspect("s3://evidence", KeySelection.all());

        assertThat(r.source().kind()).isEqualTo(SourceKind.S3);
        assertThat(r.source().locator()).isEqualTo("s3://evidence/");
        assertThat(r.counts().objects()).isEqualTo(objects.size());
        assertThat(r.counts().downloaded()).isEqualTo(objects.size());
        // the filesystem provider lists every folder as a "folder/" placeholder: faces, faces/2024,
        // faces/2024/03, faces/2024/03/15, its cam01 and cam02, archives, 人脸 and the empty reports
        assertThat(r.counts().placeholders()).isEqualTo(9);
        assertThat(r.counts().errors()).isZero();
        List<Artifact> all = artifacts(r.source().id());
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            Artifact a = at(all, e.getKey());
            assertThat(a.kind()).isEqualTo(ArtifactKind.CLOUD_OBJECT);
            assertThat(a.size()).isEqualTo(e.getValue().length);
            assertThat(a.sha256()).isEqualTo(Digests.sha256(e.getValue()));
            assertThat(a.stored()).isTrue();
            assertThat(Files.readAllBytes(theCase.objects().path(a.sha256()))).isEqualTo(e.getValue());
            if (withEtag.contains(e.getKey())) {
                assertThat(a.attributes()).containsEntry("etagMatchesBytes", true)
                        .containsEntry("etag", java.util.HexFormat.of().formatHex(md5(e.getValue())));
            }
            assertThat(a.times().modified()).isNotNull();
        }
        assertThat(at(all, "人脸/访客 照片 (1).jpg").name()).isEqualTo("访客 照片 (1).jpg");
        Artifact folder = at(all, "reports/");
        assertThat(folder.kind()).isEqualTo(ArtifactKind.DIRECTORY);
        assertThat(folder.attributes()).containsEntry("folderPlaceholder", true);
        assertThat(folder.stored()).isFalse();

        // read-only, as the server saw it
        assertThat(relay.methods().keySet()).isNotEmpty().isSubsetOf("GET", "HEAD");
        assertThat(relay.methods().get("GET")).isGreaterThanOrEqualTo(objects.size() + 1L);
        assertThat(r.requests()).isEqualTo(relay.methods());

        // the listing manifest is in the object store under its hash
        Path manifest = theCase.objects().path(r.source().manifestSha256());
        byte[] text = Files.readAllBytes(manifest);
        assertThat(Digests.sha256(text)).isEqualTo(r.source().manifestSha256());
        assertThat(new String(text, StandardCharsets.UTF_8)).startsWith(ListingManifest.HEADER)
                .contains("人脸/访客 照片 (1).jpg").contains(Digests.sha256(objects.get("empty.txt")));

        // custody names the key id, never the secret, and the secret is nowhere in the case
        List<Custody> custody = theCase.store().custody(r.source().id());
        assertThat(custody).hasSize(1);
        assertThat(custody.get(0).details()).containsEntry("keyId", KEY_ID).containsEntry("bucket", "evidence")
                .containsKey("bucketSettings").containsKey("requests");
        theCase.close();
        try (Stream<Path> files = Files.walk(theCase.folder().root())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(SECRET);
            }
        }
        theCase = Case.open(tmp.resolve("case"));
    }

    @Test
    void includeExcludeAndMaxBytesNarrowTheDownloadsNotTheListing() throws IOException {
        put("sel-bucket", "faces/a.jpg", bytes(1000, 1));
        put("sel-bucket", "faces/sub/b.jpg", bytes(1000, 2));
        put("sel-bucket", "faces/c.png", bytes(1000, 3));
        put("sel-bucket", "logs/x.log", bytes(1000, 4));
        put("sel-bucket", "other/big.bin", bytes(5000, 5));

        CloudInspection.Result r = inspect("s3://sel-bucket", new KeySelection(List.of("faces/**", "other/*"),
                List.of("**/*.png"), 3000));

        List<Artifact> all = artifacts(r.source().id()).stream()
                .filter(a -> a.kind() == ArtifactKind.CLOUD_OBJECT).toList();
        assertThat(all).hasSize(5);
        assertThat(at(all, "faces/a.jpg").stored()).isTrue();
        assertThat(at(all, "faces/sub/b.jpg").stored()).isTrue();
        assertThat(at(all, "faces/c.png").attributes()).containsEntry("notDownloaded", "exclude");
        assertThat(at(all, "logs/x.log").attributes()).containsEntry("notDownloaded", "include");
        assertThat(at(all, "other/big.bin").attributes()).containsEntry("notDownloaded", "max-bytes");
        assertThat(at(all, "other/big.bin").sha256()).isNull();
        assertThat(r.counts().notDownloaded()).isEqualTo(3);
        long objectGets = relay.seen().stream().filter(s -> s.method().equals("GET") && s.query() == null).count();
        assertThat(objectGets).isEqualTo(2);
    }

    @Test
    void virtualHostedAddressingPutsTheBucketInTheHostName() throws IOException {
        put("hosted-bucket", "faces/a.jpg", bytes(1234, 9));
        try (S3Server hosted = S3Server.start(buckets, 0, KEY_ID, SECRET, "s3.huisu.test")) {
            URI endpoint = URI.create("http://s3.huisu.test:" + hosted.port());
            CloudInspection.Result r = new CloudInspection(theCase, Progress.NONE).run(new CloudInspection.Request(
                    "s3://hosted-bucket", new ReadOnlyS3.Endpoint(endpoint, "us-east-1", false, 2, 2),
                    new S3Credentials(KEY_ID, SECRET, null), null, KeySelection.all(), false, "Wang Li",
                    ZoneOffset.UTC));
            assertThat(r.counts().downloaded()).isEqualTo(1);
            assertThat(r.source().attributes()).containsEntry("addressing", "virtual-hosted");
            assertThat(at(artifacts(r.source().id()), "faces/a.jpg").sha256()).isEqualTo(
                    Digests.sha256(bytes(1234, 9)));
        }
    }

    @Test
    void aPrefixLimitsTheListing() throws IOException {
        put("prefix-bucket", "2024/03/14/a.jpg", bytes(10, 1));
        put("prefix-bucket", "2024/03/15/b.jpg", bytes(10, 2));
        put("prefix-bucket", "2024/03/15/c.jpg", bytes(10, 3));
        CloudInspection.Result r = inspect("s3://prefix-bucket/2024/03/15/", KeySelection.all());
        assertThat(artifacts(r.source().id())).extracting(Artifact::locator)
                .containsExactly("2024/03/15/b.jpg", "2024/03/15/c.jpg");
        assertThat(r.source().locator()).isEqualTo("s3://prefix-bucket/2024/03/15/");
    }

    @Test
    void aWrongSecretIsAccessDeniedForTheKeyIdAndNothingIsRecorded() throws IOException {
        put("denied-bucket", "a.jpg", bytes(10, 1));
        assertThatThrownBy(() -> inspect("s3://denied-bucket", null, KeySelection.all(), relay.endpoint(), "wrong-secret", 2))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("access denied for key id " + KEY_ID)
                .hasMessageContaining("check the credentials")
                .hasMessageNotContaining("wrong-secret");
        assertThat(theCase.store().sources()).isEmpty();
    }

    @Test
    void anUnknownBucketIsSaidToBeUnknown() {
        assertThatThrownBy(() -> inspect("s3://no-such-bucket", KeySelection.all()))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("there is no bucket 'no-such-bucket' at " + relay.endpoint());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsSaidNotToAnswer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> inspect("s3://closed-bucket", null, KeySelection.all(), closed, SECRET, 2))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("the endpoint " + closed + " does not answer");
    }

    @Test
    void anObjectDeletedBetweenListingAndDownloadIsRecordedAndTheRunGoesOn() throws IOException {
        for (int i = 0; i < 20; i++) {
            put("vanish-bucket", String.format("faces/%02d.jpg", i), bytes(2000, i));
        }
        Path doomed = buckets.resolve("vanish-bucket/faces/07.jpg");
        relay.after((request, status) -> {
            if (request.method().equals("GET") && request.query() != null && request.query().contains("list-type")) {
                Files.deleteIfExists(doomed);
            }
        });
        CloudInspection.Result r = inspect("s3://vanish-bucket", KeySelection.all());
        assertThat(r.counts().objects()).isEqualTo(20);
        assertThat(r.counts().downloaded()).isEqualTo(19);
        List<ExtractionError> errors = theCase.store().errors(r.source().id());
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("VANISHED");
            assertThat(e.locator()).isEqualTo("faces/07.jpg");
            assertThat(e.message()).contains("deleted before it could be downloaded");
        });
        assertThat(at(artifacts(r.source().id()), "faces/07.jpg").stored()).isFalse();
    }

    @Test
    void throttlingIsRetriedWithBackOff() throws IOException {
        for (int i = 0; i < 5; i++) {
            put("throttle-bucket", "k" + i, bytes(100, i));
        }
        AtomicInteger refused = new AtomicInteger();
        relay.before(request -> request.path().endsWith("/k3") && refused.getAndIncrement() < 2 ? 503 : null);
        CloudInspection.Result r = inspect("s3://throttle-bucket", KeySelection.all());
        assertThat(r.counts().downloaded()).isEqualTo(5);
        assertThat(r.counts().errors()).isZero();
        assertThat(refused.get()).isEqualTo(3);
        assertThat(r.retries()).isEqualTo(2);
    }

    @Test
    void anInterruptedInspectionResumesWithoutDownloadingAgain() throws IOException {
        int total = 60;
        for (int i = 0; i < total; i++) {
            put("resume-bucket", String.format("obj/%03d", i), bytes(3000, i));
        }
        AtomicInteger gets = new AtomicInteger();
        relay.before(request -> {
            if (request.method().equals("GET") && request.query() == null && gets.incrementAndGet() > 25) {
                relay.stop();
                return 503;
            }
            return null;
        });
        assertThatThrownBy(() -> inspect("s3://resume-bucket", KeySelection.all()))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("stopped answering")
                .hasMessageContaining("run the same command again to resume");
        assertThat(theCase.store().sources()).isEmpty();

        try (CountingS3Proxy second = new CountingS3Proxy(server.endpoint())) {
            CloudInspection.Result r = inspect("s3://resume-bucket", null, KeySelection.all(), second.endpoint(), SECRET, 4);
            long objectGets = second.seen().stream().filter(s -> s.method().equals("GET") && s.query() == null)
                    .count();
            assertThat(r.counts().resumed()).isGreaterThanOrEqualTo(20);
            assertThat(r.counts().resumed() + r.counts().downloaded()).isEqualTo(total);
            assertThat(objectGets).isEqualTo(total - r.counts().resumed());
            List<Artifact> all = artifacts(r.source().id());
            for (int i = 0; i < total; i++) {
                assertThat(at(all, String.format("obj/%03d", i)).sha256()).isEqualTo(Digests.sha256(bytes(3000, i)));
            }
        }
        try (Stream<Path> journals = Files.list(theCase.folder().resumeJournals())) {
            assertThat(journals).as("the journal is gone once the inspection is recorded").isEmpty();
        }
    }

    @Test
    void keysWithBlanksAndChineseAcrossPageEndsAreListedOnceEach() throws IOException {
        // s3proxy 2.6 hands back a continuation token that restarts the listing when the page ends on
        // a key that URL encoding changes; the inspection goes on after the last key instead
        int n = 2100;
        for (int i = 0; i < n; i++) {
            put("encoded-keys", String.format("人脸/访客 %04d.jpg", i), new byte[] {(byte) i});
        }
        CloudInspection.Result r = inspect("s3://encoded-keys", null, KeySelection.all(), server.endpoint(), SECRET, 4);
        assertThat(r.counts().objects()).isEqualTo(n);
        assertThat(r.counts().downloaded()).isEqualTo(n);
        assertThat(r.counts().errors()).isZero();
        assertThat(at(artifacts(r.source().id()), "人脸/访客 2099.jpg").size()).isEqualTo(1);
    }

    @Test
    void fiveThousandSmallObjectsComeInPages() throws IOException {
        int n = 5000;
        for (int i = 0; i < n; i++) {
            put("many", String.format("d%02d/%05d.bin", i % 37, i), ("object " + i).getBytes(StandardCharsets.UTF_8));
        }
        // straight to the server: the relay is for counting, and slow
        CloudInspection.Result r = inspect("s3://many", null, KeySelection.all(), server.endpoint(), SECRET, 4);
        assertThat(r.counts().objects()).isEqualTo(n);
        assertThat(r.counts().downloaded()).isEqualTo(n);
        assertThat(r.counts().placeholders()).isEqualTo(37);
        // a listing page holds at most 1,000 entries: 5,037 of them take six pages
        assertThat(r.requests().get("GET")).isEqualTo(n + 6L + 7);
        assertThat(theCase.store().countArtifacts(r.source().id())).isEqualTo(n + 37);
    }
}
