package org.huisu.formats.cloudlog;

import org.huisu.formats.Damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.huisu.formats.cloudlog.Generators.dash;
import static org.huisu.formats.cloudlog.RecordFields.error;
import static org.huisu.formats.cloudlog.RecordFields.expect;
import static org.huisu.formats.cloudlog.RecordFields.fixtureLines;
import static org.huisu.formats.cloudlog.RecordFields.of;
import static org.huisu.formats.cloudlog.RecordFields.parsed;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class OssAccessLogParserTest {

    private final OssAccessLogParser parser = new OssAccessLogParser();

    private final List<String> sample = fixtureLines("oss-access.log");

    /** An OSS line from the sales office's image server, with the parts that vary left open. */
    private static String line(String uri, String status, String operation, String key, String objectSize, String error,
            String accessKeyId) {
        return "203.0.113.77 - - [15/Mar/2024:10:30:05 +0800] \"" + uri + "\" " + status + " 312 41 \"-\""
                + " \"aliyun-sdk-java/3.17.4(Linux/6.1.0/amd64;17.0.10)\" \"face-archive.oss-cn-hangzhou.aliyuncs.com\""
                + " \"65F3B2A5E1C0A93532305A41\" \"true\" \"1234567890123456\" \"" + operation + "\" \"face-archive\" \""
                + key + "\" " + objectSize + " 40 \"" + error + "\" 48601 \"1234567890123456\" 48213 \"-\" \"standard\""
                + " \"-\" \"-\" \"" + accessKeyId + "\"";
    }

    @Test
    void theSampleLineParsesWithoutAnError() {
        assertThat(sample).hasSize(1).allSatisfy(l -> assertThat(parser.parse(l)).isInstanceOf(Parsed.Value.class));
    }

    @Test
    void theDocumentedDownloadIsReadFieldByField() {
        assertThat(of(parsed(parser, sample.get(0)))).isEqualTo(expect(
                "time", Instant.parse("2021-01-03T06:59:49Z"),
                "remoteAddress", "192.168.0.1",
                "requester", "16571836914537****",
                "accessKeyId", "LTAI4FrfJPUSoKm4JHb5****",
                "bucketOwner", "16571836914537****",
                "bucket", "examplebucket",
                "key", "example.jpg",
                "operation", "GetObject",
                "kind", AccessKind.DOWNLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 999131L,
                "bytesReceived", 302L,
                "objectSize", 999131L,
                "userAgent", "curl/7.15.5",
                "referer", "http://www.aliyun.com/product/oss",
                "host", "examplebucket.oss-cn-hangzhou.aliyuncs.com",
                "requestId", "5FF16B65F05BC932307A3C3C",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "oss-access-log"));
    }

    @Test
    void anUploadUnderAChineseKeyIsAnUploadOfTheDecodedKey() {
        String put = line("PUT /%E4%BA%BA%E8%84%B8/2024/a%20b.jpg HTTP/1.1", "200", "PutObject",
                "%E4%BA%BA%E8%84%B8/2024/a%20b.jpg", "48213", "-", "LTAI5tFaceUpload0001");
        assertThat(of(parsed(parser, put))).isEqualTo(expect(
                "time", Instant.parse("2024-03-15T02:30:05Z"),
                "remoteAddress", "203.0.113.77",
                "requester", "1234567890123456",
                "accessKeyId", "LTAI5tFaceUpload0001",
                "bucketOwner", "1234567890123456",
                "bucket", "face-archive",
                "key", "人脸/2024/a b.jpg",
                "operation", "PutObject",
                "kind", AccessKind.UPLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 312L,
                "bytesReceived", 48601L,
                "objectSize", 48213L,
                "userAgent", "aliyun-sdk-java/3.17.4(Linux/6.1.0/amd64;17.0.10)",
                "referer", null,
                "host", "face-archive.oss-cn-hangzhou.aliyuncs.com",
                "requestId", "65F3B2A5E1C0A93532305A41",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "oss-access-log"));
    }

    @Test
    void aPresignedDownloadWithoutAnAccessKeyFieldNamesItsKeyInTheQuery() {
        String query = "OSSAccessKeyId=LTAI5tPhoneAppView02&Expires=1710474605&Signature=kZoYNv66bsmc10%2BdcGKw5x2PRrk%3D";
        ObjectAccess view = parsed(parser, line("GET /faces/1.jpg?" + query + " HTTP/1.1", "200", "GetObject",
                "faces/1.jpg", "48213", "-", "-"));
        assertThat(view.query()).isEqualTo(query);
        assertThat(view.accessKeyId()).isEqualTo("LTAI5tPhoneAppView02");
        assertThat(view.kind()).isEqualTo(AccessKind.DOWNLOAD);
    }

    @Test
    void aMultipartUploadIsCountedOnceByItsCompletion() {
        ObjectAccess initiate = parsed(parser, line("POST /faces.zip?uploads HTTP/1.1", "200", "InitiateMultipartUpload",
                "faces.zip", "-", "-", "LTAI5tFaceUpload0001"));
        ObjectAccess part = parsed(parser, line("PUT /faces.zip?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F823****"
                + " HTTP/1.1", "200", "UploadPart", "faces.zip", "-", "-", "LTAI5tFaceUpload0001"));
        ObjectAccess complete = parsed(parser, line("POST /faces.zip?uploadId=0004B9894A22E5B1888A1E29F823**** HTTP/1.1",
                "200", "CompleteMultipartUpload", "faces.zip", "16777216", "-", "LTAI5tFaceUpload0001"));
        assertThat(List.of(initiate.kind(), part.kind(), complete.kind()))
                .containsExactly(AccessKind.UPLOAD_PART, AccessKind.UPLOAD_PART, AccessKind.UPLOAD);
        assertThat(complete.query()).isEqualTo("uploadId=0004B9894A22E5B1888A1E29F823****");
        assertThat(complete.objectSize()).isEqualTo(16_777_216L);
    }

    @Test
    void deletionsOneByOneAndManyAtOnceAreDeletions() {
        ObjectAccess one = parsed(parser, line("DELETE /faces/1.jpg HTTP/1.1", "204", "DeleteObject", "faces/1.jpg",
                "48213", "-", "LTAI5tFaceUpload0001"));
        ObjectAccess many = parsed(parser, line("POST /?delete HTTP/1.1", "200", "DeleteMultipleObjects", "-", "-", "-",
                "LTAI5tFaceUpload0001"));
        assertThat(one.kind()).isEqualTo(AccessKind.DELETE);
        assertThat(one.status()).isEqualTo(204);
        assertThat(many.kind()).isEqualTo(AccessKind.DELETE);
        assertThat(many.key()).isNull();
        assertThat(many.query()).isEqualTo("delete");
    }

    @Test
    void refusedAndMissingObjectsCarryTheirErrorCodes() {
        ObjectAccess refused = parsed(parser, line("GET /faces/1.jpg HTTP/1.1", "403", "GetObject", "faces/1.jpg", "-",
                "AccessDenied", "-"));
        ObjectAccess missing = parsed(parser, line("GET /faces/9.jpg HTTP/1.1", "404", "GetObject", "faces/9.jpg", "-",
                "NoSuchKey", "LTAI5tPhoneAppView02"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("AccessDenied");
        assertThat(refused.accessKeyId()).isNull();
        assertThat(missing.errorCode()).isEqualTo("NoSuchKey");
        assertThat(missing.objectSize()).isEqualTo(-1);
    }

    @Test
    void anOlderLineEndingAfterTheSyncRequestHasNoAccessKeyId() {
        String full = sample.get(0);
        String older = full.substring(0, full.indexOf(" \"standard\""));
        ObjectAccess access = parsed(parser, older);
        assertThat(access.accessKeyId()).isNull();
        assertThat(access.bucketOwner()).isEqualTo("16571836914537****");
        assertThat(access.objectSize()).isEqualTo(999131L);
    }

    @Test
    void fieldsAppendedByLaterVersionsAreIgnored() {
        assertThat(parsed(parser, sample.get(0) + " \"oss-new-field\" 17 \"-\"")).isEqualTo(parsed(parser, sample.get(0)));
    }

    @Test
    void anApacheCombinedLogLineIsNotAnOssLine() {
        String apache = "192.168.0.1 - - [03/Jan/2021:14:59:49 +0800] \"GET /example.jpg HTTP/1.0\" 200 999131"
                + " \"http://www.aliyun.com/product/oss\" \"curl/7.15.5\"";
        assertThat(error(parser, apache))
                .isEqualTo("not an OSS access log line: expected the request time (ms) as the eighth field,"
                        + " found \"http://www.aliyun.com/product/oss\"");
        assertThat(parser.recognizes(apache)).isFalse();
    }

    @Test
    void anS3LineIsNotAnOssLine() {
        String s3 = fixtureLines("s3-server-access.log").get(0);
        assertThat(error(parser, s3)).isEqualTo("not an OSS access log line: expected a [time] as the fourth field,"
                + " found \"192.0.2.3\"");
    }

    @Test
    void aStatusThatIsNotANumberSaysSo() {
        String line = sample.get(0).replace("HTTP/1.0\" 200", "HTTP/1.0\" OK");
        assertThat(error(parser, line))
                .isEqualTo("not an OSS access log line: expected the HTTP status as the sixth field, found \"OK\"");
    }

    @Property
    void anyTextGivesARecordASkipOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> parser.parse(text)).doesNotThrowAnyException();
    }

    @Property
    void aDamagedLineGivesARecordASkipOrAnErrorNeverAnException(@ForAll("damagedLines") String line) {
        assertThatCode(() -> parser.parse(line)).doesNotThrowAnyException();
        assertThatCode(() -> parser.recognizes(line)).doesNotThrowAnyException();
    }

    @Property
    void aLineWrittenFromAnyFieldValuesIsReadBackAsThoseValues(@ForAll("generated") Generators.AccessFields f) {
        assertThat(parsed(parser, line(f))).isEqualTo(expected(f));
    }

    @Provide
    Arbitrary<Generators.AccessFields> generated() {
        return Generators.accessFields(Generators.operations(false), Generators.quotableUserAgents());
    }

    @Provide
    Arbitrary<String> damagedLines() {
        return Damage.of(Arbitraries.oneOf(Arbitraries.of(sample), generated().map(OssAccessLogParserTest::line)));
    }

    /** {@code trailing}: 0 ends after the key, 1 after SyncRequest, 2 after AccessKeyID, 3 adds fields of a later version. */
    static String line(Generators.AccessFields f) {
        String key = f.key == null ? "-" : Generators.percentEncode(f.key);
        String uri = "GET /" + (f.key == null ? "" : key) + (f.signed.query() == null ? "" : "?" + f.signed.query())
                + " HTTP/1.1";
        StringBuilder line = new StringBuilder()
                .append(f.remoteAddress).append(" - - [").append(Generators.clf(f.time, f.offset)).append("] \"")
                .append(uri).append("\" ").append(f.status).append(' ').append(f.bytesSent).append(" 127 \"")
                .append(dash(f.referer)).append("\" \"").append(dash(f.userAgent)).append("\" \"").append(dash(f.host))
                .append("\" \"").append(f.requestId).append("\" \"true\" \"").append(dash(f.requester)).append("\" \"")
                .append(f.operation).append("\" \"").append(f.bucket).append("\" \"").append(key).append('"');
        if (f.trailing >= 1) {
            line.append(' ').append(f.objectSize < 0 ? "-" : f.objectSize).append(" 88 \"").append(dash(f.errorCode))
                    .append("\" ").append(f.bytesReceived).append(" \"").append(dash(f.bucketOwner))
                    .append("\" - \"cdn\"");
        }
        if (f.trailing >= 2) {
            line.append(" \"standard\" \"-\" \"-\" \"").append(dash(f.accessKeyId)).append('"');
        }
        if (f.trailing >= 3) {
            line.append(" \"a-field-of-2030\" 42");
        }
        return line.toString();
    }

    static ObjectAccess expected(Generators.AccessFields f) {
        String accessKeyId = f.trailing >= 2 && f.accessKeyId != null ? f.accessKeyId : f.signed.accessKeyId();
        boolean more = f.trailing >= 1;
        return new ObjectAccess(f.time, f.remoteAddress, f.requester, accessKeyId, more ? f.bucketOwner : null, f.bucket,
                f.key, f.operation, OperationKinds.of(f.operation).kind(), f.status, more ? f.errorCode : null,
                f.bytesSent, more ? f.bytesReceived : -1, more ? f.objectSize : -1, f.userAgent, f.referer, f.host,
                f.requestId, null, f.signed.query(), List.of(), "oss-access-log");
    }
}
