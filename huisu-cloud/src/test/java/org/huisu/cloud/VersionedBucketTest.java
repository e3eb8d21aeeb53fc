package org.huisu.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.Digests;
import org.huisu.core.model.Artifact;
import org.huisu.core.progress.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/**
 * A bucket that keeps versions, served by a real S3 server that keeps them (Adobe's S3Mock, on
 * 127.0.0.1; s3proxy has no versioning): every version and delete marker is listed, the older
 * versions' bytes fetched by version id, and the lifecycle rule that expires objects recorded.
 */
class VersionedBucketTest {

    @TempDir
    static Path tmp;

    private static S3MockApplication s3mock;
    private static Case theCase;
    private static CloudInspection.Result result;
    private static final List<Artifact> artifacts = new ArrayList<>();

    @BeforeAll
    static void inspectAVersionedBucket() {
        // s3proxy's slf4j 1.7 is on this class path too: Spring Boot's own logging set-up stays out
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // a mutable map: start(...) removes the keys it handles itself
        s3mock = S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_ROOT_DIRECTORY, tmp.resolve("s3mock").toString(),
                S3MockApplication.PROP_SILENT, true)));
        URI endpoint = URI.create("http://127.0.0.1:" + s3mock.getHttpPort());

        try (S3Client w = writer(endpoint)) {
            w.createBucket(b -> b.bucket("versioned"));
            // Both settings go on while the bucket is empty: S3Mock 4.7.0 rewrites the bucket's metadata
            // with an empty key index on PutBucketVersioning and PutBucketLifecycleConfiguration
            // (BucketMetadata.with...Configuration), after which every object written before is gone
            // from listings and reads alike.
            w.putBucketVersioning(b -> b.bucket("versioned")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            w.putBucketLifecycleConfiguration(b -> b.bucket("versioned").lifecycleConfiguration(l -> l.rules(r -> r
                    .id("expire-exports").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("exports/"))
                    .expiration(e -> e.days(30)))));
            w.putObject(b -> b.bucket("versioned").key("faces/a.jpg"), RequestBody.fromBytes(text("face a, first")));
            w.putObject(b -> b.bucket("versioned").key("faces/a.jpg"), RequestBody.fromBytes(text("face a, second")));
            w.putObject(b -> b.bucket("versioned").key("faces/b.jpg"), RequestBody.fromBytes(text("face b")));
            // deleted: only a delete marker is current, the bytes stay as an older version
            w.deleteObject(b -> b.bucket("versioned").key("faces/b.jpg"));
        }

        theCase = Case.create(tmp.resolve("case"), "Versions", "Wang Li");
        result = new CloudInspection(theCase, Progress.NONE).run(new CloudInspection.Request("s3://versioned",
                new ReadOnlyS3.Endpoint(endpoint, "us-east-1", true, 4, 3),
                new S3Credentials("AKIAVERSIONED", "secret", null), null, KeySelection.all(), false, "Wang Li",
                ZoneOffset.UTC));
        theCase.store().forEachArtifact(result.source().id(), artifacts::add);
    }

    @AfterAll
    static void stop() {
        if (theCase != null) {
            theCase.close();
        }
        if (s3mock != null) {
            s3mock.stop();
        }
    }

    private static S3Client writer(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                .build();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyVersionAndDeleteMarkerIsListedAndCounted() {
        assertThat(result.settings().versioned()).isTrue();
        assertThat(result.counts().objects()).isEqualTo(1);
        assertThat(result.counts().olderVersions()).isEqualTo(2);
        assertThat(result.counts().deleteMarkers()).isEqualTo(1);
        assertThat(result.counts().downloaded()).isEqualTo(3);
        assertThat(result.counts().errors()).isZero();
        assertThat(artifacts).hasSize(4);
    }

    @Test
    void theCurrentObjectAndItsOlderVersionAreEachRecordedWithTheirOwnBytes() {
        Artifact current = artifacts.stream().filter(a -> a.locator().equals("faces/a.jpg")).findFirst()
                .orElseThrow();
        assertThat(current.sha256()).isEqualTo(Digests.sha256(text("face a, second")));
        assertThat(current.attributes()).containsEntry("latest", true).containsKey("versionId");
        // a read without the version id would have answered with the second bytes
        assertThat(artifacts).filteredOn(a -> a.locator().startsWith("faces/a.jpg?versionId="))
                .singleElement().satisfies(a -> {
                    assertThat(a.sha256()).isEqualTo(Digests.sha256(text("face a, first")));
                    assertThat(a.attributes()).containsEntry("latest", false)
                            .containsEntry("versionId", a.locator().substring("faces/a.jpg?versionId=".length()));
                });
    }

    @Test
    void aDeletedKeyKeepsItsDeleteMarkerAndTheBytesUnderIt() {
        assertThat(artifacts).filteredOn(a -> Boolean.TRUE.equals(a.attributes().get("deleteMarker")))
                .singleElement().satisfies(a -> {
                    assertThat(a.locator()).startsWith("faces/b.jpg?versionId=");
                    assertThat(a.attributes()).containsEntry("latest", true);
                    assertThat(a.sha256()).isNull();
                });
        // a read without the version id would have met the delete marker
        assertThat(artifacts).filteredOn(a -> a.locator().startsWith("faces/b.jpg?") && a.sha256() != null)
                .singleElement().satisfies(a -> {
                    assertThat(a.sha256()).isEqualTo(Digests.sha256(text("face b")));
                    assertThat(a.attributes()).containsEntry("latest", false);
                });
    }

    @Test
    void theLifecycleRuleThatExpiresObjectsIsRecorded() {
        BucketSettings.Setting lifecycle = result.settings().all().get("lifecycle");
        assertThat(lifecycle.state()).isEqualTo("set");
        assertThat(lifecycle.value()).isEqualTo(List.of(Map.of("id", "expire-exports", "status", "Enabled",
                "prefix", "exports/", "expireAfterDays", 30, "deletes", true)));
    }
}
