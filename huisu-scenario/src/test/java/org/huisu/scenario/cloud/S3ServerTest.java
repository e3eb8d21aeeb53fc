package org.huisu.scenario.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.huisu.core.Json;
import org.huisu.scenario.GeneratedWorlds;
import org.huisu.scenario.ScenarioGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ServerTest {

    private static final String KEY = "AKIAHUISUTESTKEY0001";
    private static final String SECRET = "huisu-test-secret-key-0001";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ScenarioGenerator.Result world;
    private static S3Server server;

    @BeforeAll
    static void start() {
        world = GeneratedWorlds.small(Provider.S3);
        server = S3Server.start(world.layout().cloud(), 0, KEY, SECRET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** AWS signature version 2: enough of a real client to prove the server checks keys. */
    private static HttpResponse<byte[]> get(String path, String key, String secret) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).header("Date", date);
        if (key != null) {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(), "HmacSHA1"));
            String canonical = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(("GET\n\n\n" + date + "\n" + canonical)
                    .getBytes()));
            request.header("Authorization", "AWS " + key + ":" + signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anUploadedObjectIsServedWithItsBytesAndUploadTime() throws Exception {
        JsonNode upload = Json.mapper().readTree(world.layout().truth().toFile()).get("uploads").get(1);
        String key = upload.get("key").asText();

        HttpResponse<byte[]> r = get("/" + Provider.S3.bucket() + "/" + key, KEY, SECRET);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(world.layout().bucket().resolve(key)));
        Instant lastModified = ZonedDateTime.parse(r.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Instant uploaded = OffsetDateTime.parse(upload.get("time").asText()).toInstant();
        assertThat(lastModified.getEpochSecond()).isEqualTo(uploaded.getEpochSecond());
    }

    @Test
    void theBucketListsItsObjects() throws Exception {
        HttpResponse<byte[]> r = get("/" + Provider.S3.bucket() + "?prefix=archives/", KEY, SECRET);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body())).contains("<Key>archives/").contains(".tar.gz</Key>");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        String path = "/" + Provider.S3.bucket() + "/marketing/site-map.jpg";
        assertThat(get(path, KEY, "not-the-secret").statusCode()).isEqualTo(403);
        assertThat(get(path, "AKIANOTTHEKEY0000000", SECRET).statusCode()).isEqualTo(403);
        assertThat(get(path, KEY, SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousReadersGetThePublicFacePhotosButNotTheListingOrTheArchives() throws Exception {
        JsonNode uploads = Json.mapper().readTree(world.layout().truth().toFile()).get("uploads");
        String archive = uploads.get(0).get("key").asText();
        String photo = uploads.get(1).get("key").asText();
        assertThat(archive).startsWith("archives/");
        assertThat(get("/" + Provider.S3.bucket() + "/" + photo, null, null).statusCode()).isEqualTo(200);
        assertThat(get("/" + Provider.S3.bucket() + "/" + archive, null, null).statusCode()).isEqualTo(403);
        assertThat(get("/" + Provider.S3.bucket(), null, null).statusCode()).isEqualTo(403);
    }
}
