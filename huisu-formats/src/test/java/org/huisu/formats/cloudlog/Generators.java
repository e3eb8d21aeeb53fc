package org.huisu.formats.cloudlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Random field values of access-log lines, for the round-trip properties of the parsers. */
final class Generators {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/";

    private Generators() {
    }

    /** A query string, and the access key id a parser should find in it (null when it names none). */
    record Signed(String query, String accessKeyId) {
    }

    /** All the values one generated log line may carry; each format writes the ones it has. */
    static final class AccessFields {
        Instant time;
        ZoneOffset offset;
        String remoteAddress;
        String requester;
        String accessKeyId;
        String bucketOwner;
        String bucket;
        String key;
        String operation;
        int status;
        String errorCode;
        String errorMessage;
        long bytesSent;
        long bytesReceived;
        long objectSize;
        String userAgent;
        String referer;
        String host;
        String requestId;
        String versionId;
        Signed signed;
        int trailing;
        boolean variant;

        @Override
        public String toString() {
            return "key=" + key + " op=" + operation + " ua=" + userAgent + " signed=" + signed + " trailing=" + trailing
                    + " variant=" + variant;
        }
    }

    /** Field values for a line of any format; {@code operations} are the names that format logs. */
    static Arbitrary<AccessFields> accessFields(Arbitrary<String> operations, Arbitrary<String> userAgents) {
        return Builders.withBuilder(AccessFields::new)
                .use(secondsTimes()).inSetter((f, v) -> f.time = v)
                .use(Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-5),
                        ZoneOffset.ofHoursMinutes(5, 30))).inSetter((f, v) -> f.offset = v)
                .use(addresses()).inSetter((f, v) -> f.remoteAddress = v)
                .use(tokens().injectNull(0.3)).inSetter((f, v) -> f.requester = v)
                .use(alphanumerics(16, 20).injectNull(0.3)).inSetter((f, v) -> f.accessKeyId = v)
                .use(tokens().injectNull(0.2)).inSetter((f, v) -> f.bucketOwner = v)
                .use(buckets()).inSetter((f, v) -> f.bucket = v)
                .use(keys().injectNull(0.15)).inSetter((f, v) -> f.key = v)
                .use(operations).inSetter((f, v) -> f.operation = v)
                .use(Arbitraries.integers().between(100, 599)).inSetter((f, v) -> f.status = v)
                .use(Arbitraries.of("AccessDenied", "NoSuchKey", "SignatureDoesNotMatch", "RequestTimeTooSkewed")
                        .injectNull(0.6)).inSetter((f, v) -> f.errorCode = v)
                .use(Arbitraries.of("Access Denied.", "The specified key does not exist.", "Request has expired",
                        "The Signature you specified is invalid. 403 times").injectNull(0.5))
                        .inSetter((f, v) -> f.errorMessage = v)
                .use(Arbitraries.longs().between(0, 50_000_000_000L)).inSetter((f, v) -> f.bytesSent = v)
                .use(Arbitraries.longs().between(0, 50_000_000_000L)).inSetter((f, v) -> f.bytesReceived = v)
                .use(Arbitraries.longs().between(-1, 50_000_000_000L)).inSetter((f, v) -> f.objectSize = v)
                .use(userAgents.injectNull(0.1)).inSetter((f, v) -> f.userAgent = v)
                .use(Arbitraries.of("https://example.com/a?b=c", "http://www.aliyun.com/product/oss").injectNull(0.6))
                        .inSetter((f, v) -> f.referer = v)
                .use(Arbitraries.of("examplebucket.oss-cn-hangzhou.aliyuncs.com", "s3.ap-south-1.amazonaws.com",
                        "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com").injectNull(0.2))
                        .inSetter((f, v) -> f.host = v)
                .use(alphanumerics(16, 32)).inSetter((f, v) -> f.requestId = v)
                .use(alphanumerics(20, 32).injectNull(0.6)).inSetter((f, v) -> f.versionId = v)
                .use(signedQueries()).inSetter((f, v) -> f.signed = v)
                .use(Arbitraries.integers().between(0, 3)).inSetter((f, v) -> f.trailing = v)
                .use(Arbitraries.of(true, false)).inSetter((f, v) -> f.variant = v)
                .build();
    }

    static Arbitrary<Instant> secondsTimes() {
        return Arbitraries.longs().between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2099-12-31T23:59:59Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    static Arbitrary<String> addresses() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> v4 = Combinators.combine(octet, octet, octet, octet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        return Arbitraries.oneOf(v4, Arbitraries.of("2001:db8::1", "fe80::1ff:fe23:4567:890a"));
    }

    static Arbitrary<String> buckets() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-.").ofMinLength(3).ofMaxLength(40)
                .filter(b -> Character.isLetterOrDigit(b.charAt(0)));
    }

    /** A blank-free field value that is never the {@code -} of an absent field. */
    static Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("ABCdefXYZ0123456789._:/=+-").ofMinLength(1).ofMaxLength(30)
                .filter(t -> !t.equals("-") && t.charAt(0) != '"' && t.charAt(0) != '[');
    }

    static Arbitrary<String> alphanumerics(int min, int max) {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(min).ofMaxLength(max);
    }

    /** Object keys with what real keys hold: Chinese, blanks, pluses, percent signs, emoji, slashes. */
    static Arbitrary<String> keys() {
        Arbitrary<String> pieces = Arbitraries.of("人脸", "照片", "/", "2024", "a b", "+", "%", "%41", "?", "#", "&", "=",
                "😀", "é", "~", "'", "(", ")", "-", "_", ".jpg", "face", "\"", "[x]", ";", ",", " ");
        return pieces.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l)).filter(k -> !k.equals("-"));
    }

    /** User agents as S3 and OSS quote them: printable, blanks inside, no quotes. */
    static Arbitrary<String> quotableUserAgents() {
        return Arbitraries.strings().withCharRange(' ', '~').excludeChars('"').ofMinLength(1).ofMaxLength(60)
                .filter(ua -> !ua.equals("-"));
    }

    static Arbitrary<Signed> signedQueries() {
        Arbitrary<String> keyIds = alphanumerics(16, 20);
        return Arbitraries.oneOf(
                Arbitraries.just(new Signed(null, null)),
                Arbitraries.of(new Signed("versioning", null), new Signed("uploadId=2~abc&partNumber=3", null),
                        new Signed("acl=", null)),
                keyIds.map(k -> new Signed("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA" + k
                        + "%2F20240315%2Fcn-north-1%2Fs3%2Faws4_request&X-Amz-Date=20240315T023005Z&X-Amz-Expires=3600"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0", "AKIA" + k)),
                keyIds.map(k -> new Signed("AWSAccessKeyId=AKIA" + k + "&Expires=1710470000&Signature=a%2Bb%3D",
                        "AKIA" + k)),
                keyIds.map(k -> new Signed("OSSAccessKeyId=LTAI" + k + "&Expires=1710470000&Signature=c%2Fd%3D",
                        "LTAI" + k)),
                keyIds.map(k -> new Signed("q-sign-algorithm=sha1&q-ak=AKID" + k
                        + "&q-sign-time=1710470000;1710473600&q-key-time=1710470000;1710473600&q-header-list=host"
                        + "&q-url-param-list=&q-signature=9d2b1f", "AKID" + k)));
    }

    /** A key as a URI path: UTF-8 bytes outside the unreserved characters and the slash as {@code %XX}. */
    static String percentEncode(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    static String clf(Instant time, ZoneOffset offset) {
        return CLF.format(time.atOffset(offset));
    }

    static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** S3, OSS and COS operation names by provider style: dotted S3 names, or API-call names. */
    static Arbitrary<String> operations(boolean dotted) {
        List<String> names = OperationKinds.table().keySet().stream().filter(n -> n.contains(".") == dotted).toList();
        List<String> unknown = dotted ? List.of("REST.GET.VERSIONING", "REST.PUT.LIFECYCLE", "S3.TRANSITION_SIA.OBJECT")
                : List.of("PutBucketLifecycle", "GetBucketAcl", "OptionsObject");
        return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of(unknown));
    }
}
