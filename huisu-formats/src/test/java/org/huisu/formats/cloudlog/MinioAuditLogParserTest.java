package org.huisu.formats.cloudlog;

import org.huisu.formats.Damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.huisu.formats.cloudlog.RecordFields.error;
import static org.huisu.formats.cloudlog.RecordFields.expect;
import static org.huisu.formats.cloudlog.RecordFields.fixture;
import static org.huisu.formats.cloudlog.RecordFields.of;
import static org.huisu.formats.cloudlog.RecordFields.parsed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class MinioAuditLogParserTest {

    private final MinioAuditLogParser parser = new MinioAuditLogParser();

    /** A 2023-style entry: rx/tx, accessKey and parentUser, the query as a map, with the parts that vary left open. */
    private static String entry(String api, String object, String extraApi, String query, int status, String statusText) {
        return "{\"version\":\"1\",\"deploymentid\":\"9f1d2c3b-0000-4c1e-8e5a-5d4c3b2a1f00\","
                + "\"time\":\"2024-03-15T02:30:05.123456789Z\",\"event\":\"\",\"trigger\":\"incoming\","
                + "\"api\":{\"name\":\"" + api + "\",\"bucket\":\"face-archive\"" + object + extraApi + ",\"status\":\""
                + statusText + "\",\"statusCode\":" + status + ",\"rx\":48601,\"tx\":312,\"txHeaders\":310,"
                + "\"timeToFirstByte\":\"1.2ms\",\"timeToResponse\":\"9.8ms\"},"
                + "\"remotehost\":\"203.0.113.77\",\"requestID\":\"17BD2A3F5C1E9A00\","
                + "\"userAgent\":\"MinIO (linux; amd64) minio-py/7.2.5\",\"requestPath\":\"/face-archive/x\","
                + "\"requestHost\":\"oss.example.internal:9000\",\"requestClaims\":{\"parent\":\"uploader\"},"
                + "\"requestQuery\":" + query + ","
                + "\"requestHeader\":{\"Content-Length\":\"48601\",\"User-Agent\":\"MinIO (linux; amd64) minio-py/7.2.5\"},"
                + "\"responseHeader\":{\"Content-Length\":\"312\",\"X-Amz-Request-Id\":\"17BD2A3F5C1E9A00\"},"
                + "\"tags\":{\"objectLocation\":{\"name\":\"x\",\"poolId\":1,\"setId\":1,\"disks\":[\"/d1\",\"/d2\"]}},"
                + "\"accessKey\":\"face-uploader-sa\",\"parentUser\":\"uploader\"}";
    }

    private static final Map<String, Object> SAMPLE = expect(
            "time", Instant.parse("2019-08-12T21:34:37.187817748Z"),
            "remoteAddress", "127.0.0.1",
            "requester", "minio",
            "accessKeyId", "minio",
            "bucketOwner", null,
            "bucket", "testbucket",
            "key", "hosts",
            "operation", "PutObject",
            "kind", AccessKind.UPLOAD,
            "status", 200,
            "errorCode", null,
            "bytesSent", 0L,
            "bytesReceived", 686L,
            "objectSize", 512L,
            "userAgent", "MinIO (linux; amd64) minio-go/v6.0.32 mc/2019-08-12T18:27:13Z",
            "referer", null,
            "host", null,
            "requestId", "15BA4A72C0C70AFC",
            "versionId", null,
            "query", null,
            "batchKeys", List.of(),
            "format", "minio-audit-log");

    @Test
    void thePrettyPrintedSampleEntryIsReadWhole() {
        assertThat(of(parsed(parser, fixture("minio-audit.json")))).isEqualTo(SAMPLE);
    }

    @Test
    void theSampleEntryOnOneLineIsReadTheSame() {
        List<String> lines = RecordFields.fixtureLines("minio-audit.jsonl");
        assertThat(lines).hasSize(1).allSatisfy(l -> assertThat(parser.parse(l)).isInstanceOf(Parsed.Value.class));
        assertThat(of(parsed(parser, lines.get(0)))).isEqualTo(SAMPLE);
    }

    @Test
    void aNewerEntryTakesItsByteCountsAccessKeyAndUserFromTheirOwnMembers() {
        String line = entry("PutObject", ",\"object\":\"人脸/2024/a b.jpg\"", "", "{}", 200, "OK");
        assertThat(of(parsed(parser, line))).isEqualTo(expect(
                "time", Instant.parse("2024-03-15T02:30:05.123456789Z"),
                "remoteAddress", "203.0.113.77",
                "requester", "uploader",
                "accessKeyId", "face-uploader-sa",
                "bucketOwner", null,
                "bucket", "face-archive",
                "key", "人脸/2024/a b.jpg",
                "operation", "PutObject",
                "kind", AccessKind.UPLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 312L,
                "bytesReceived", 48601L,
                "objectSize", 48601L,
                "userAgent", "MinIO (linux; amd64) minio-py/7.2.5",
                "referer", null,
                "host", "oss.example.internal:9000",
                "requestId", "17BD2A3F5C1E9A00",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "minio-audit-log"));
    }

    @Test
    void anEscapedChineseObjectNameIsTheSameName() {
        String line = entry("GetObject", ",\"object\":\"\\u4eba\\u8138/2024/a b.jpg\"", "", "{}", 200, "OK");
        assertThat(parsed(parser, line).key()).isEqualTo("人脸/2024/a b.jpg");
    }

    @Test
    void aMultiObjectDeleteListsItsKeys() {
        String line = entry("DeleteMultipleObjects", "",
                ",\"objects\":[{\"objectName\":\"faces/1.jpg\"},{\"objectName\":\"faces/2.jpg\",\"versionId\":\"v2\"}]",
                "{\"delete\":\"\"}", 200, "OK");
        ObjectAccess access = parsed(parser, line);
        assertThat(access.kind()).isEqualTo(AccessKind.DELETE);
        assertThat(access.key()).isNull();
        assertThat(access.batchKeys()).containsExactly("faces/1.jpg", "faces/2.jpg");
        assertThat(access.query()).isEqualTo("delete=");
    }

    @Test
    void aMultipartUploadIsCountedOnceByItsCompletion() {
        List<AccessKind> kinds = List.of("NewMultipartUpload", "PutObjectPart", "CompleteMultipartUpload").stream()
                .map(api -> parsed(parser, entry(api, ",\"object\":\"faces.zip\"", "", "{\"uploadId\":\"b1f3\"}", 200,
                        "OK")).kind())
                .toList();
        assertThat(kinds).containsExactly(AccessKind.UPLOAD_PART, AccessKind.UPLOAD_PART, AccessKind.UPLOAD);
    }

    @Test
    void aMissingObjectCarriesMinioStatusTextAsItsErrorCode() {
        ObjectAccess missing = parsed(parser, entry("GetObject", ",\"object\":\"faces/9.jpg\"", "", "{}", 404, "Not Found"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("Not Found");
        assertThat(missing.objectSize()).isEqualTo(-1);
    }

    @Test
    void aPresignedDownloadWithoutAnAccessKeyMemberNamesItsKeyInTheQuery() {
        String line = "{\"version\":\"1\",\"time\":\"2024-03-15T09:12:44.5Z\",\"api\":{\"name\":\"GetObject\","
                + "\"bucket\":\"face-archive\",\"object\":\"faces/1.jpg\",\"status\":\"OK\",\"statusCode\":200},"
                + "\"remotehost\":\"100.64.12.7\",\"requestID\":\"17BD\",\"userAgent\":\"Mozilla/5.0\","
                + "\"requestQuery\":{\"X-Amz-Algorithm\":\"AWS4-HMAC-SHA256\","
                + "\"X-Amz-Credential\":\"PHONEAPPVIEWER01/20240315/us-east-1/s3/aws4_request\",\"X-Amz-Expires\":\"604800\"},"
                + "\"requestHeader\":{\"Referer\":\"https://app.example.com/\",\"Host\":\"oss.example.internal\"},"
                + "\"responseHeader\":{\"Content-Length\":\"48213\",\"X-Amz-Version-Id\":\"null\"}}";
        ObjectAccess view = parsed(parser, line);
        assertThat(view.accessKeyId()).isEqualTo("PHONEAPPVIEWER01");
        assertThat(view.requester()).isEqualTo("PHONEAPPVIEWER01");
        assertThat(view.query()).isEqualTo("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=PHONEAPPVIEWER01/20240315"
                + "/us-east-1/s3/aws4_request&X-Amz-Expires=604800");
        assertThat(view.objectSize()).isEqualTo(48213);
        assertThat(view.bytesSent()).isEqualTo(48213);
        assertThat(view.referer()).isEqualTo("https://app.example.com/");
        assertThat(view.host()).isEqualTo("oss.example.internal");
        assertThat(view.versionId()).isEqualTo("null");
    }

    @Test
    void aServerLogEntryIsNotAnAuditEntry() {
        String serverLog = "{\"deploymentid\":\"x\",\"level\":\"ERROR\",\"errKind\":\"ALL\",\"time\":\"2024-03-15T02:30:05Z\","
                + "\"api\":{\"name\":\"PutObject\",\"args\":{\"bucket\":\"b\",\"object\":\"o\"}},\"error\":{\"message\":\"m\"}}";
        assertThat(error(parser, serverLog))
                .isEqualTo("not a MinIO audit log entry: it has a level, as MinIO's server log entries do");
        assertThat(parser.recognizes(serverLog)).isFalse();
    }

    @Test
    void malformedJsonSaysWhereItBreaks() {
        assertThat(error(parser, "{\"time\": \"2024-03-15T02:30:05Z\", \"api\": {\"name\": \"GetObject\",}}"))
                .isEqualTo("not a MinIO audit log entry: the JSON is malformed: expected a value after the comma at offset 61,"
                        + " found \"}}\"");
    }

    @Test
    void somethingOtherThanAnObjectSaysSo() {
        assertThat(error(parser, "[1, 2]")).isEqualTo("not a MinIO audit log entry: expected a JSON object, found \"[1, 2]\"");
    }

    @Test
    void anEntryWithoutAnApiCallOrTimeSaysWhichIsMissing() {
        assertThat(error(parser, "{\"time\": \"2024-03-15T02:30:05Z\", \"api\": {}}"))
                .isEqualTo("not a MinIO audit log entry: it names no API call (api.name)");
        assertThat(error(parser, "{\"api\": {\"name\": \"GetObject\"}}"))
                .isEqualTo("not a MinIO audit log entry: it has no time");
        assertThat(error(parser, "{\"time\": \"yesterday\", \"api\": {\"name\": \"GetObject\"}}"))
                .isEqualTo("not a MinIO audit log entry: expected an RFC 3339 time, found \"yesterday\"");
        assertThat(error(parser, "{\"time\": 17, \"api\": {\"name\": \"GetObject\"}}"))
                .isEqualTo("not a MinIO audit log entry: the JSON is malformed: expected a string at offset 9,"
                        + " found \"17, \"api\": {\"");
    }

    @Test
    void theFirstLinesOfAPrettyPrintedEntryAreRecognizedButOneOfItsLinesAloneIsNot() {
        assertThat(parser.recognizes(String.join("\n", fixture("minio-audit.json").lines().limit(8).toList()))).isTrue();
        assertThat(parser.recognizes("  \"time\": \"2019-08-12T21:34:37.187817748Z\",")).isFalse();
        assertThat(parser.parse("")).isInstanceOf(Parsed.Skip.class);
    }

    @Property
    void anyTextGivesARecordASkipOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> parser.parse(text)).doesNotThrowAnyException();
        assertThatCode(() -> parser.recognizes(text)).doesNotThrowAnyException();
    }

    @Property
    void aDamagedEntryGivesARecordASkipOrAnErrorNeverAnException(@ForAll("damagedLines") String line) {
        assertThatCode(() -> parser.parse(line)).doesNotThrowAnyException();
    }

    @Property
    void anEntryWrittenFromAnyFieldValuesIsReadBackAsThoseValues(@ForAll("generated") Generators.AccessFields f) {
        assertThat(parsed(parser, line(f))).isEqualTo(expected(f));
    }

    @Provide
    Arbitrary<Generators.AccessFields> generated() {
        return Generators.accessFields(Generators.operations(false),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> damagedLines() {
        return Damage.of(Arbitraries.oneOf(Arbitraries.of(fixture("minio-audit.json")),
                generated().map(MinioAuditLogParserTest::line)));
    }

    /** The generated time, with nanoseconds. */
    private static Instant time(Generators.AccessFields f) {
        return f.time.plusNanos(f.bytesReceived % 1_000_000_000);
    }

    /** MinIO logs the query decoded, one member per parameter. */
    private static Map<String, String> queryMembers(Generators.AccessFields f) {
        Map<String, String> members = new LinkedHashMap<>();
        if (f.signed.query() != null) {
            for (String parameter : f.signed.query().split("&")) {
                int equals = parameter.indexOf('=');
                members.put(equals < 0 ? parameter : parameter.substring(0, equals),
                        equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return members;
    }

    /**
     * {@code trailing} 0 writes a 2019 entry (no rx, tx or accessKey: the key is in Authorization),
     * 1 and 2 a newer one, 3 a newer one pretty-printed; {@code variant} escapes non-ASCII characters.
     */
    static String line(Generators.AccessFields f) {
        boolean old = f.trailing == 0;
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("name", f.operation);
        api.put("bucket", f.bucket);
        if (f.key != null) {
            api.put("object", f.key);
        }
        if (f.operation.equals("DeleteMultipleObjects") && f.key != null) {
            api.put("objects", List.of(Map.of("objectName", f.key), Map.of("objectName", "other/x.jpg", "versionId", "v")));
        }
        api.put("status", "Status " + f.status);
        api.put("statusCode", f.status);
        if (!old) {
            api.put("rx", f.bytesReceived);
            api.put("tx", f.bytesSent);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        if (old && f.accessKeyId != null) {
            request.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + f.accessKeyId
                    + "/20240315/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc");
        }
        request.put("Content-Length", String.valueOf(f.bytesReceived));
        if (f.referer != null) {
            request.put("Referer", f.referer);
        }
        if (f.host != null) {
            request.put("Host", f.host);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Content-Length", String.valueOf(f.bytesSent));
        response.put("X-Amz-Request-Id", f.requestId);
        if (f.versionId != null) {
            response.put("X-Amz-Version-Id", f.versionId);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", "1");
        entry.put("time", time(f).toString());
        entry.put("api", api);
        entry.put("remotehost", f.remoteAddress);
        entry.put("requestID", f.requestId);
        if (f.userAgent != null) {
            entry.put("userAgent", f.userAgent);
        }
        entry.put("requestQuery", new LinkedHashMap<>(queryMembers(f)));
        entry.put("requestHeader", request);
        entry.put("responseHeader", response);
        if (!old && f.accessKeyId != null) {
            entry.put("accessKey", f.accessKeyId);
        }
        if (!old && f.requester != null) {
            entry.put("parentUser", f.requester);
        }
        return Json.write(entry, f.variant, f.trailing == 3 ? "\n  " : "");
    }

    static ObjectAccess expected(Generators.AccessFields f) {
        boolean old = f.trailing == 0;
        Map<String, String> query = queryMembers(f);
        String joined = query.isEmpty() ? null : String.join("&",
                query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        String accessKeyId = f.accessKeyId != null ? f.accessKeyId : f.signed.accessKeyId();
        String requester = !old && f.requester != null ? f.requester : accessKeyId;
        long objectSize = f.operation.equals("PutObject") ? f.bytesReceived
                : f.status == 200 && (f.operation.equals("GetObject") || f.operation.equals("HeadObject")) ? f.bytesSent
                : -1;
        List<String> batch = new ArrayList<>();
        if (f.operation.equals("DeleteMultipleObjects") && f.key != null) {
            batch.add(f.key);
            batch.add("other/x.jpg");
        }
        return new ObjectAccess(time(f), f.remoteAddress, requester, accessKeyId, null, f.bucket, f.key, f.operation,
                OperationKinds.of(f.operation).kind(), f.status, f.status >= 400 ? "Status " + f.status : null,
                f.bytesSent, f.bytesReceived, objectSize, f.userAgent, f.referer, f.host, f.requestId, f.versionId,
                joined, batch, "minio-audit-log");
    }
}
