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

class S3AccessLogParserTest {

    private static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    private final S3AccessLogParser parser = new S3AccessLogParser();

    private final List<String> sample = fixtureLines("s3-server-access.log");

    @Test
    void everySampleLineParsesWithoutAnError() {
        assertThat(sample).hasSize(9).allSatisfy(line -> assertThat(parser.parse(line)).isInstanceOf(Parsed.Value.class));
    }

    @Test
    void aBucketConfigurationReadFrom2014StopsAfterTheVersionId() {
        assertThat(of(parsed(parser, sample.get(0)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:00:38Z"),
                "remoteAddress", "192.0.2.3",
                "requester", OWNER,
                "accessKeyId", null,
                "bucketOwner", OWNER,
                "bucket", "mybucket",
                "key", null,
                "operation", "REST.GET.VERSIONING",
                "kind", AccessKind.OTHER,
                "status", 200,
                "errorCode", null,
                "bytesSent", 113L,
                "bytesReceived", -1L,
                "objectSize", -1L,
                "userAgent", "S3Console/0.4",
                "referer", null,
                "host", null,
                "requestId", "3E57427F3EXAMPLE",
                "versionId", null,
                "query", "versioning",
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void theOtherBucketConfigurationReadsOf2014AreReadTheSameWay() {
        assertThat(of(parsed(parser, sample.get(1)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:00:38Z"), "remoteAddress", "192.0.2.3", "requester", OWNER,
                "accessKeyId", null, "bucketOwner", OWNER, "bucket", "mybucket", "key", null,
                "operation", "REST.GET.LOGGING_STATUS", "kind", AccessKind.OTHER, "status", 200, "errorCode", null,
                "bytesSent", 242L, "bytesReceived", -1L, "objectSize", -1L, "userAgent", "S3Console/0.4",
                "referer", null, "host", null, "requestId", "891CE47D2EXAMPLE", "versionId", null, "query", "logging",
                "batchKeys", List.of(), "format", "s3-access-log"));
        assertThat(of(parsed(parser, sample.get(2)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:00:38Z"), "remoteAddress", "192.0.2.3", "requester", OWNER,
                "accessKeyId", null, "bucketOwner", OWNER, "bucket", "mybucket", "key", null,
                "operation", "REST.GET.BUCKETPOLICY", "kind", AccessKind.OTHER, "status", 404,
                "errorCode", "NoSuchBucketPolicy", "bytesSent", 297L, "bytesReceived", -1L, "objectSize", -1L,
                "userAgent", "S3Console/0.4", "referer", null, "host", null, "requestId", "A1206F460EXAMPLE",
                "versionId", null, "query", "policy", "batchKeys", List.of(), "format", "s3-access-log"));
        assertThat(of(parsed(parser, sample.get(3)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:01:00Z"), "remoteAddress", "192.0.2.3", "requester", OWNER,
                "accessKeyId", null, "bucketOwner", OWNER, "bucket", "mybucket", "key", null,
                "operation", "REST.GET.VERSIONING", "kind", AccessKind.OTHER, "status", 200, "errorCode", null,
                "bytesSent", 113L, "bytesReceived", -1L, "objectSize", -1L, "userAgent", "S3Console/0.4",
                "referer", null, "host", null, "requestId", "7B4A0FABBEXAMPLE", "versionId", null, "query", "versioning",
                "batchKeys", List.of(), "format", "s3-access-log"));
        assertThat(of(parsed(parser, sample.get(5)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:03:21Z"), "remoteAddress", "192.0.2.3", "requester", OWNER,
                "accessKeyId", null, "bucketOwner", OWNER, "bucket", "mybucket", "key", null,
                "operation", "REST.GET.VERSIONING", "kind", AccessKind.OTHER, "status", 200, "errorCode", null,
                "bytesSent", 113L, "bytesReceived", -1L, "objectSize", -1L, "userAgent", "S3Console/0.4",
                "referer", null, "host", null, "requestId", "BC3C074D0EXAMPLE", "versionId", null, "query", "versioning",
                "batchKeys", List.of(), "format", "s3-access-log"));
    }

    @Test
    void aConsoleUploadIsAnUploadWithItsObjectSizeAndNoBytesSent() {
        assertThat(of(parsed(parser, sample.get(4)))).isEqualTo(expect(
                "time", Instant.parse("2014-02-06T00:01:57Z"),
                "remoteAddress", "192.0.2.3",
                "requester", OWNER,
                "accessKeyId", null,
                "bucketOwner", OWNER,
                "bucket", "mybucket",
                "key", "s3-dg.pdf",
                "operation", "REST.PUT.OBJECT",
                "kind", AccessKind.UPLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 0L,
                "bytesReceived", -1L,
                "objectSize", 4406583L,
                "userAgent", "S3Console/0.4",
                "referer", null,
                "host", null,
                "requestId", "DD6CC733AEXAMPLE",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void anAnonymousDownloadRefusedByARealPublicBucketIsA403AccessDenied() {
        assertThat(of(parsed(parser, sample.get(6)))).isEqualTo(expect(
                "time", Instant.parse("2013-11-19T23:34:51Z"),
                "remoteAddress", "140.107.151.128",
                "requester", null,
                "accessKeyId", null,
                "bucketOwner", "13784cc045aa79ecb3e164200025c7fc9205241e61ba76f40d486de657f5df52",
                "bucket", "annotationhub",
                "key", "release-69/fasta/callithrix_jacchus/ncrna/Callithrix_jacchus.C_jacchus3.2.1.69.ncrna.fa_0.0.1.json",
                "operation", "REST.GET.OBJECT",
                "kind", AccessKind.DOWNLOAD,
                "status", 403,
                "errorCode", "AccessDenied",
                "bytesSent", 231L,
                "bytesReceived", -1L,
                "objectSize", -1L,
                "userAgent", "curl/7.30.0",
                "referer", null,
                "host", null,
                "requestId", "8151DFA13868F466",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void aLineOf2019CarriesTheHostHeaderAfterTheSignatureAndTls() {
        assertThat(of(parsed(parser, sample.get(7)))).isEqualTo(expect(
                "time", Instant.parse("2019-02-06T00:00:38Z"),
                "remoteAddress", "192.0.2.3",
                "requester", OWNER,
                "accessKeyId", null,
                "bucketOwner", OWNER,
                "bucket", "DOC-EXAMPLE-BUCKET1",
                "key", null,
                "operation", "REST.GET.VERSIONING",
                "kind", AccessKind.OTHER,
                "status", 200,
                "errorCode", null,
                "bytesSent", 113L,
                "bytesReceived", -1L,
                "objectSize", -1L,
                "userAgent", "S3Console/0.4",
                "referer", null,
                "host", "DOC-EXAMPLE-BUCKET1.s3.us-west-1.amazonaws.com",
                "requestId", "3E57427F3EXAMPLE",
                "versionId", null,
                "query", "versioning",
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void aUserAgentWithBlanksAndCommasStaysWhole() {
        assertThat(of(parsed(parser, sample.get(8)))).isEqualTo(expect(
                "time", Instant.parse("2021-10-29T04:42:09Z"),
                "remoteAddress", "157.40.165.207",
                "requester", "5e0f7b3b7ce0bdafb9d4a327303c13ec735a2497f6d21a1583cddcd44ebcbd69",
                "accessKeyId", null,
                "bucketOwner", "5e0f7b3b7ce0bdafb9d4a327303c13ec735a2497f6d21a1583cddcd44ebcbd69",
                "bucket", "qwerty654321",
                "key", null,
                "operation", "REST.GET.VERSIONING",
                "kind", AccessKind.OTHER,
                "status", 200,
                "errorCode", null,
                "bytesSent", 162L,
                "bytesReceived", -1L,
                "objectSize", -1L,
                "userAgent", "S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.1030"
                        + " Linux/5.4.141-78.230.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.302-b08 java/1.8.0_302"
                        + " vendor/Oracle_Corporation cfg/retry-mode/standard",
                "referer", null,
                "host", "s3.ap-south-1.amazonaws.com",
                "requestId", "ZPZ1BB10KGR4ZH0X",
                "versionId", null,
                "query", "versioning=",
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void anUploadOfAFacePhotoUnderAChineseKeyIsDecodedAsUtf8() {
        String line = OWNER + " face-archive [15/Mar/2024:02:30:05 +0000] 203.0.113.77 arn:aws:iam::123456789012:user/uploader"
                + " 5KQ1XH3C7BNPZ2EA REST.PUT.OBJECT %E4%BA%BA%E8%84%B8/2024/a%20b.jpg"
                + " \"PUT /face-archive/%E4%BA%BA%E8%84%B8/2024/a%20b.jpg HTTP/1.1\" 200 - - 48213 112 31 \"-\""
                + " \"aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp\""
                + " 3HL4kqtJvjVBH40Nrjfkd FzQeO5Y1YYkBmTq8ZvgBhZ8qL7Jv2KQ= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader"
                + " face-archive.s3.cn-north-1.amazonaws.com.cn TLSv1.3 - -";
        assertThat(of(parsed(parser, line))).isEqualTo(expect(
                "time", Instant.parse("2024-03-15T02:30:05Z"),
                "remoteAddress", "203.0.113.77",
                "requester", "arn:aws:iam::123456789012:user/uploader",
                "accessKeyId", null,
                "bucketOwner", OWNER,
                "bucket", "face-archive",
                "key", "人脸/2024/a b.jpg",
                "operation", "REST.PUT.OBJECT",
                "kind", AccessKind.UPLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 0L,
                "bytesReceived", -1L,
                "objectSize", 48213L,
                "userAgent", "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp",
                "referer", null,
                "host", "face-archive.s3.cn-north-1.amazonaws.com.cn",
                "requestId", "5KQ1XH3C7BNPZ2EA",
                "versionId", "3HL4kqtJvjVBH40Nrjfkd",
                "query", null,
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void aLifecycleExpiryIsADeletionByAmazonS3WithoutAStatus() {
        String line = OWNER + " face-archive [14/Feb/2024:17:44:00 +0000] - AmazonS3 1B8E2C5A9F7D3E61 S3.EXPIRE.OBJECT"
                + " faces/2024-01-02.zip \"-\" - - - 73400320 - - \"-\" \"-\" - - - - - - - - -";
        assertThat(of(parsed(parser, line))).isEqualTo(expect(
                "time", Instant.parse("2024-02-14T17:44:00Z"),
                "remoteAddress", null,
                "requester", "AmazonS3",
                "accessKeyId", null,
                "bucketOwner", OWNER,
                "bucket", "face-archive",
                "key", "faces/2024-01-02.zip",
                "operation", "S3.EXPIRE.OBJECT",
                "kind", AccessKind.DELETE,
                "status", 0,
                "errorCode", null,
                "bytesSent", 0L,
                "bytesReceived", -1L,
                "objectSize", 73400320L,
                "userAgent", null,
                "referer", null,
                "host", null,
                "requestId", "1B8E2C5A9F7D3E61",
                "versionId", null,
                "query", null,
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void aMultiObjectDeleteIsOneBucketLevelDeletionAndOneBatchDeletionPerKey() {
        String request = OWNER + " face-archive [16/Mar/2024:03:00:01 +0000] 203.0.113.77 " + OWNER
                + " 9YV3W1Q2R8T6Y4U0 REST.POST.MULTI_OBJECT_DELETE - \"POST /face-archive?delete HTTP/1.1\" 200 -"
                + " 412 - 35 34 \"-\" \"aws-cli/2.15.30\" - hostid= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader"
                + " face-archive.s3.amazonaws.com TLSv1.2 - -";
        String perKey = OWNER + " face-archive [16/Mar/2024:03:00:01 +0000] 203.0.113.77 " + OWNER
                + " 9YV3W1Q2R8T6Y4U0 BATCH.DELETE.OBJECT %E4%BA%BA%E8%84%B8/1.jpg \"POST /face-archive?delete HTTP/1.1\""
                + " 204 - - - 35 34 \"-\" \"aws-cli/2.15.30\" - hostid= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader"
                + " face-archive.s3.amazonaws.com TLSv1.2 - -";
        assertThat(of(parsed(parser, request))).isEqualTo(expect(
                "time", Instant.parse("2024-03-16T03:00:01Z"), "remoteAddress", "203.0.113.77", "requester", OWNER,
                "accessKeyId", null, "bucketOwner", OWNER, "bucket", "face-archive", "key", null,
                "operation", "REST.POST.MULTI_OBJECT_DELETE", "kind", AccessKind.DELETE, "status", 200,
                "errorCode", null, "bytesSent", 412L, "bytesReceived", -1L, "objectSize", -1L,
                "userAgent", "aws-cli/2.15.30", "referer", null, "host", "face-archive.s3.amazonaws.com",
                "requestId", "9YV3W1Q2R8T6Y4U0", "versionId", null, "query", "delete", "batchKeys", List.of(),
                "format", "s3-access-log"));
        ObjectAccess deleted = parsed(parser, perKey);
        assertThat(deleted.kind()).isEqualTo(AccessKind.DELETE);
        assertThat(deleted.key()).isEqualTo("人脸/1.jpg");
        assertThat(deleted.status()).isEqualTo(204);
    }

    @Test
    void aMultipartUploadIsCountedOnceByItsCompletion() {
        String head = OWNER + " face-archive [15/Mar/2024:02:31:00 +0000] 203.0.113.77 " + OWNER + " ";
        String tail = " \"-\" \"aws-sdk-java/2.25.1\" - hostid= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader"
                + " face-archive.s3.amazonaws.com TLSv1.2 - -";
        ObjectAccess initiate = parsed(parser, head + "A1 REST.POST.UPLOADS faces.zip \"POST /face-archive/faces.zip?uploads"
                + " HTTP/1.1\" 200 - 312 - 40 39" + tail);
        ObjectAccess part = parsed(parser, head + "A2 REST.PUT.PART faces.zip \"PUT /face-archive/faces.zip?partNumber=1"
                + "&uploadId=VXBsb2FkSUQ HTTP/1.1\" 200 - - 8388608 900 20" + tail);
        ObjectAccess complete = parsed(parser, head + "A3 REST.POST.UPLOAD faces.zip \"POST /face-archive/faces.zip"
                + "?uploadId=VXBsb2FkSUQ HTTP/1.1\" 200 - 330 16777216 60 58" + tail);
        assertThat(List.of(initiate.kind(), part.kind(), complete.kind()))
                .containsExactly(AccessKind.UPLOAD_PART, AccessKind.UPLOAD_PART, AccessKind.UPLOAD);
        assertThat(part.query()).isEqualTo("partNumber=1&uploadId=VXBsb2FkSUQ");
        assertThat(complete.objectSize()).isEqualTo(16_777_216L);
    }

    @Test
    void aDeletionAndAMissingKeyAreReadWithTheirStatusAndErrorCode() {
        String head = OWNER + " face-archive [17/Mar/2024:08:00:00 +0000] 198.51.100.9 " + OWNER + " ";
        ObjectAccess deleted = parsed(parser, head + "D1 REST.DELETE.OBJECT faces/1.jpg"
                + " \"DELETE /faces/1.jpg HTTP/1.1\" 204 - - 48213 20 19 \"-\" \"Boto3/1.34.0\" -");
        ObjectAccess missing = parsed(parser, head + "D2 REST.GET.OBJECT faces/2.jpg"
                + " \"GET /faces/2.jpg HTTP/1.1\" 404 NoSuchKey 243 - 8 - \"-\" \"Boto3/1.34.0\" -");
        assertThat(deleted.kind()).isEqualTo(AccessKind.DELETE);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NoSuchKey");
        assertThat(missing.kind()).isEqualTo(AccessKind.DOWNLOAD);
    }

    @Test
    void aPresignedDownloadNamesItsAccessKeyInTheQuery() {
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240315%2Fcn-north-1"
                + "%2Fs3%2Faws4_request&X-Amz-Date=20240315T023005Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        String line = OWNER + " face-archive [15/Mar/2024:09:12:44 +0000] 100.64.12.7 - 7QW2E8R4T6Y1U3I5 REST.GET.OBJECT"
                + " %E4%BA%BA%E8%84%B8/2024/a%20b.jpg \"GET /%E4%BA%BA%E8%84%B8/2024/a%20b.jpg?" + query + " HTTP/1.1\""
                + " 200 - 48213 48213 45 12 \"-\" \"Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)\" -"
                + " hostid= SigV4 ECDHE-RSA-AES128-GCM-SHA256 QueryString face-archive.s3.amazonaws.com TLSv1.3 - -";
        assertThat(of(parsed(parser, line))).isEqualTo(expect(
                "time", Instant.parse("2024-03-15T09:12:44Z"),
                "remoteAddress", "100.64.12.7",
                "requester", null,
                "accessKeyId", "AKIAIOSFODNN7EXAMPLE",
                "bucketOwner", OWNER,
                "bucket", "face-archive",
                "key", "人脸/2024/a b.jpg",
                "operation", "REST.GET.OBJECT",
                "kind", AccessKind.DOWNLOAD,
                "status", 200,
                "errorCode", null,
                "bytesSent", 48213L,
                "bytesReceived", -1L,
                "objectSize", 48213L,
                "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)",
                "referer", null,
                "host", "face-archive.s3.amazonaws.com",
                "requestId", "7QW2E8R4T6Y1U3I5",
                "versionId", null,
                "query", query,
                "batchKeys", List.of(),
                "format", "s3-access-log"));
    }

    @Test
    void fieldsAppendedAfterTheSourceRegionAreIgnored() {
        String line = sample.get(7) + " us-west-1 some-future-field \"another one\"";
        assertThat(of(parsed(parser, line))).isEqualTo(of(parsed(parser, sample.get(7))));
    }

    @Test
    void aLineThatStopsRightAfterTheUserAgentHasNoVersionId() {
        String line = sample.get(0).substring(0, sample.get(0).length() - 2);
        assertThat(line).endsWith("\"S3Console/0.4\"");
        assertThat(parsed(parser, line)).isEqualTo(parsed(parser, sample.get(0)));
    }

    @Test
    void aLineWithCarriageReturnAndTrailingBlanksIsTheSameLine() {
        assertThat(parsed(parser, sample.get(4) + "  \r\n")).isEqualTo(parsed(parser, sample.get(4)));
    }

    @Test
    void aBlankLineIsSkipped() {
        assertThat(parser.parse("   ")).isInstanceOf(Parsed.Skip.class);
        assertThat(parser.parse("")).isInstanceOf(Parsed.Skip.class);
    }

    @Test
    void aLineWithoutATimeInTheThirdFieldSaysSo() {
        String line = OWNER + " mybucket 06/Feb/2014:00:00:38 192.0.2.3 x y REST.GET.OBJECT k \"GET / HTTP/1.1\"";
        assertThat(error(parser, line)).isEqualTo("not an S3 server access log line: expected a [time] as the third field,"
                + " found \"06/Feb/2014:00:00:38\"");
    }

    @Test
    void anOssLineIsNotAnS3Line() {
        String oss = fixtureLines("oss-access.log").get(0);
        assertThat(error(parser, oss)).startsWith("not an S3 server access log line: expected ");
        assertThat(parser.recognizes(oss)).isFalse();
        assertThat(parser.recognizes(sample.get(0))).isTrue();
    }

    @Test
    void aCutLineSaysWhereItEnds() {
        String cut = sample.get(6).substring(0, sample.get(6).indexOf(" \"-\" \"curl"));
        assertThat(error(parser, cut)).isEqualTo(
                "not an S3 server access log line: the line ends after the fifteenth field, before the \"referer\"");
    }

    @Test
    void anUnclosedQuoteSaysWhichField() {
        String line = OWNER + " mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 - X REST.GET.OBJECT k \"GET /k HTTP/1.1";
        assertThat(error(parser, line)).isEqualTo("not an S3 server access log line: the ninth field,"
                + " the \"request URI\", opens with \" and is never closed");
    }

    @Property
    void anyTextGivesARecordASkipOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> parser.parse(text)).doesNotThrowAnyException();
        assertThat(parser.parse(text)).isNotNull();
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
        return Generators.accessFields(Generators.operations(true), Generators.quotableUserAgents());
    }

    @Provide
    Arbitrary<String> damagedLines() {
        return Damage.of(Arbitraries.oneOf(Arbitraries.of(sample), generated().map(S3AccessLogParserTest::line)));
    }

    /** An S3 line as S3 writes it; {@code trailing} says how far: user agent, version id, all, all plus more. */
    static String line(Generators.AccessFields f) {
        boolean lifecycle = f.operation.startsWith("S3.");
        String key = f.key == null ? "-" : Generators.percentEncode(f.key);
        String path = "/" + f.bucket + (f.key == null ? "" : "/" + key)
                + (f.signed.query() == null ? "" : "?" + f.signed.query());
        StringBuilder line = new StringBuilder()
                .append(dash(f.bucketOwner)).append(' ').append(f.bucket)
                .append(" [").append(Generators.clf(f.time, f.offset)).append("] ")
                .append(f.remoteAddress).append(' ').append(dash(f.requester)).append(' ').append(f.requestId)
                .append(' ').append(f.operation).append(' ').append(key)
                .append(lifecycle ? " \"-\" " : " \"GET " + path + " HTTP/1.1\" ")
                .append(lifecycle ? "-" : f.status).append(' ').append(dash(f.errorCode)).append(' ')
                .append(f.bytesSent % 7 == 0 ? "-" : f.bytesSent).append(' ')
                .append(f.objectSize < 0 ? "-" : f.objectSize).append(" 73 -")
                .append(" \"").append(dash(f.referer)).append("\" \"").append(dash(f.userAgent)).append('"');
        if (f.trailing >= 1) {
            line.append(' ').append(dash(f.versionId));
        }
        if (f.trailing >= 2) {
            line.append(" s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4")
                    .append(" ECDHE-RSA-AES128-GCM-SHA256 AuthHeader ").append(dash(f.host)).append(" TLSv1.2 - Yes");
        }
        if (f.trailing >= 3) {
            line.append(" us-west-1 a-field-of-2030 \"and another\"");
        }
        return line.toString();
    }

    static ObjectAccess expected(Generators.AccessFields f) {
        boolean lifecycle = f.operation.startsWith("S3.");
        return new ObjectAccess(f.time, f.remoteAddress, f.requester, lifecycle ? null : f.signed.accessKeyId(),
                f.bucketOwner, f.bucket,
                f.key, f.operation, OperationKinds.of(f.operation).kind(), lifecycle ? 0 : f.status, f.errorCode,
                f.bytesSent % 7 == 0 ? 0 : f.bytesSent, -1, f.objectSize, f.userAgent, f.referer,
                f.trailing >= 2 ? f.host : null, f.requestId, f.trailing >= 1 ? f.versionId : null,
                lifecycle ? null : f.signed.query(), List.of(), "s3-access-log");
    }
}
