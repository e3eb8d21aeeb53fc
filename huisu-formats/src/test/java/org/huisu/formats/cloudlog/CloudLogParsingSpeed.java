package org.huisu.formats.cloudlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * Parsing speed of the four cloud access-log parsers, single thread, on about a million realistic
 * lines per format generated in memory (so that reading files does not count). Prints lines per
 * second and million characters per second per parser (best of five passes after three warm-up
 * passes) and, as the anchor from the same run, how fast {@code String.split(" ")} merely cuts the
 * same lines up. Not a unit test; run it by hand with a large heap, after
 * {@code mvn -pl huisu-formats -am test-compile}:
 *
 * <pre>
 * mvn -q -pl huisu-formats dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -Xmx10g -cp huisu-formats/target/classes:huisu-formats/target/test-classes:$(cat huisu-formats/target/test.classpath) \
 *     org.huisu.formats.cloudlog.CloudLogParsingSpeed [lines]
 * </pre>
 *
 * The lines are written by the tests' own line writers (which need jqwik on the class path). The
 * official benchmark belongs in huisu-bench; this one guards the parsers while they are written.
 */
public final class CloudLogParsingSpeed {

    private static final String[] USER_AGENTS = {
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/s3.cp",
        "aliyun-sdk-java/3.17.4(Linux/6.1.0/amd64;17.0.10)",
        "cos-go-sdk-v5.7.45",
        "MinIO (linux; amd64) minio-go/v7.0.66 mc/RELEASE.2024-03-13T23-51-57Z",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "python-requests/2.31.0",
        "Boto3/1.34.59 md/Botocore#1.34.59 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 cfg/retry-mode#legacy"};

    private static final String[] S3_OPERATIONS = {"REST.GET.OBJECT", "REST.GET.OBJECT", "REST.GET.OBJECT",
        "REST.PUT.OBJECT", "REST.PUT.OBJECT", "REST.HEAD.OBJECT", "REST.DELETE.OBJECT", "REST.GET.BUCKET",
        "REST.PUT.PART", "REST.POST.UPLOADS", "REST.POST.UPLOAD", "BATCH.DELETE.OBJECT", "REST.GET.VERSIONING"};

    private static final String[] API_OPERATIONS = {"GetObject", "GetObject", "GetObject", "PutObject", "PutObject",
        "HeadObject", "DeleteObject", "GetBucket", "UploadPart", "InitiateMultipartUpload", "CompleteMultipartUpload",
        "DeleteMultipleObjects", "PostObject"};

    private static final String[] MINIO_OPERATIONS = {"GetObject", "GetObject", "GetObject", "PutObject", "PutObject",
        "HeadObject", "DeleteObject", "ListObjectsV2", "PutObjectPart", "NewMultipartUpload", "CompleteMultipartUpload",
        "DeleteMultipleObjects", "GetBucketLocation"};

    private CloudLogParsingSpeed() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "%s, %s, %d lines per format, single thread%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), count);
        System.out.printf(Locale.ROOT, "%-16s %14s %10s %14s %10s%n", "parser", "lines/s", "Mchar/s", "split lines/s",
                "errors");
        run(new S3AccessLogParser(), lines(count, 1, f -> S3AccessLogParserTest.line(f), S3_OPERATIONS));
        run(new OssAccessLogParser(), lines(count, 2, f -> OssAccessLogParserTest.line(f), API_OPERATIONS));
        run(new CosAccessLogParser(), lines(count, 3, f -> CosAccessLogParserTest.line(f), API_OPERATIONS));
        run(new MinioAuditLogParser(), lines(count, 4, CloudLogParsingSpeed::minioLine, MINIO_OPERATIONS));
    }

    private static void run(LineParser<ObjectAccess> parser, List<String> lines) {
        long chars = lines.stream().mapToLong(String::length).sum();
        // warm-up: let the JIT compile the parser before it is timed
        for (int i = 0; i < 3; i++) {
            pass(lines, parser::parse);
        }
        long errors = lines.stream().filter(l -> !(parser.parse(l) instanceof Parsed.Value)).count();
        double best = 0;
        for (int i = 0; i < 5; i++) {
            best = Math.max(best, linesPerSecond(lines, parser::parse));
        }
        double split = 0;
        for (int i = 0; i < 3; i++) {
            split = Math.max(split, linesPerSecond(lines, l -> l.split(" ")));
        }
        System.out.printf(Locale.ROOT, "%-16s %,14.0f %10.1f %,14.0f %10d%n", parser.name(), best,
                best * chars / lines.size() / 1e6, split, errors);
    }

    private static double linesPerSecond(List<String> lines, java.util.function.Function<String, Object> work) {
        long start = System.nanoTime();
        long sink = pass(lines, work);
        long nanos = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return lines.size() * 1e9 / nanos;
    }

    private static long pass(List<String> lines, java.util.function.Function<String, Object> work) {
        long sink = 0;
        for (String line : lines) {
            Object result = work.apply(line);
            sink += result instanceof Parsed.Value<?> v ? ((ObjectAccess) v.value()).bytesSent() : result.hashCode();
        }
        return sink;
    }

    /** Lines of one format from field values that vary the way a real bucket's log does. */
    private static List<String> lines(int count, long seed, java.util.function.Function<Generators.AccessFields, String> writer,
            String[] operations) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        Instant time = Instant.parse("2024-03-15T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Generators.AccessFields f = new Generators.AccessFields();
            time = time.plusMillis(random.nextInt(500));
            f.time = Instant.ofEpochSecond(time.getEpochSecond());
            f.offset = seed == 2 ? ZoneOffset.ofHours(8) : ZoneOffset.UTC;
            f.remoteAddress = "203.0.113." + random.nextInt(256);
            f.requester = random.nextInt(10) == 0 ? null : "arn:aws:iam::123456789012:user/uploader" + random.nextInt(4);
            f.accessKeyId = "AKID" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
            f.bucketOwner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
            f.bucket = "face-archive-" + random.nextInt(3);
            f.operation = operations[random.nextInt(operations.length)];
            f.key = f.operation.contains("BUCKET") || f.operation.startsWith("List") || f.operation.equals("GetBucket")
                    ? null
                    : random.nextInt(10) == 0 ? "人脸/2024/03/15/访客 " + random.nextInt(100_000) + ".jpg"
                    : "faces/2024/03/15/cam0" + random.nextInt(8) + "/" + (1_710_460_000_000L + random.nextInt(1 << 30))
                            + ".jpg";
            f.status = random.nextInt(20) == 0 ? 403 : random.nextInt(20) == 0 ? 404 : 200;
            f.errorCode = f.status == 403 ? "AccessDenied" : f.status == 404 ? "NoSuchKey" : null;
            f.errorMessage = f.status == 403 ? "Access Denied." : f.status == 404 ? "The specified key does not exist." : null;
            f.bytesSent = random.nextInt(200_000);
            f.bytesReceived = random.nextInt(200_000);
            f.objectSize = random.nextInt(4) == 0 ? -1 : random.nextInt(5_000_000);
            f.userAgent = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
            f.referer = random.nextInt(5) == 0 ? "https://app.example.com/visitors" : null;
            f.host = f.bucket + ".s3.cn-north-1.amazonaws.com.cn";
            f.requestId = Long.toHexString(random.nextLong()).toUpperCase(Locale.ROOT);
            f.versionId = random.nextInt(4) == 0 ? Long.toString(random.nextLong() & Long.MAX_VALUE, 36) : null;
            f.signed = random.nextInt(10) == 0 ? new Generators.Signed("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240315%2Fcn-north-1%2Fs3%2Faws4_request"
                    + "&X-Amz-Date=20240315T023005Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
                    "AKIAIOSFODNN7EXAMPLE") : new Generators.Signed(null, null);
            f.trailing = seed == 3 ? random.nextInt(3) : 2;
            f.variant = random.nextBoolean();
            lines.add(writer.apply(f));
        }
        return lines;
    }

    /** A MinIO audit entry as a 2024 server writes it, with the members a real one carries. */
    private static String minioLine(Generators.AccessFields f) {
        String object = f.key == null ? "" : ",\"object\":" + Json.string(f.key);
        return "{\"version\":\"1\",\"deploymentid\":\"bc0e4d1e-bacc-42eb-91ad-2d7f3eacfa8d\",\"time\":\""
                + f.time.plusNanos(f.bytesReceived * 1000 + 123) + "\",\"event\":\"\",\"trigger\":\"incoming\","
                + "\"api\":{\"name\":\"" + f.operation + "\",\"bucket\":\"" + f.bucket + "\"" + object + ",\"status\":\""
                + (f.status == 200 ? "OK" : f.status == 403 ? "Forbidden" : "Not Found") + "\",\"statusCode\":" + f.status
                + ",\"rx\":" + f.bytesReceived + ",\"tx\":" + f.bytesSent + ",\"txHeaders\":310,\"timeToFirstByte\":"
                + "\"1.203ms\",\"timeToResponse\":\"9.8ms\"},\"remotehost\":\"" + f.remoteAddress + "\",\"requestID\":\""
                + f.requestId + "\",\"userAgent\":" + Json.string(f.userAgent) + ",\"requestPath\":\"/" + f.bucket + "/x\","
                + "\"requestHost\":\"minio.example.internal:9000\",\"requestClaims\":{\"accessKey\":\"" + f.accessKeyId
                + "\",\"exp\":1710470000,\"parent\":\"uploader\"},\"requestQuery\":{},\"requestHeader\":{"
                + "\"Authorization\":\"AWS4-HMAC-SHA256 Credential=" + f.accessKeyId + "/20240315/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=d3f02a6aeddeb29b06e1773b6a8422112890981269"
                + "f2463a26f307b60423177c\",\"Content-Length\":\"" + f.bytesReceived + "\",\"Content-Type\":\"image/jpeg\","
                + "\"User-Agent\":" + Json.string(f.userAgent) + ",\"X-Amz-Content-Sha256\":\"UNSIGNED-PAYLOAD\","
                + "\"X-Amz-Date\":\"20240315T023005Z\"},\"responseHeader\":{\"Accept-Ranges\":\"bytes\",\"Content-Length\":\""
                + f.bytesSent + "\",\"ETag\":\"a414c889dc276457bd7175f974332cb0\",\"Server\":\"MinIO\","
                + "\"Strict-Transport-Security\":\"max-age=31536000; includeSubDomains\",\"Vary\":\"Origin,Accept-Encoding\","
                + "\"X-Amz-Id-2\":\"dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8\","
                + "\"X-Amz-Request-Id\":\"" + f.requestId + "\",\"X-Content-Type-Options\":\"nosniff\","
                + "\"X-Xss-Protection\":\"1; mode=block\"},\"tags\":{\"objectLocation\":{\"name\":\"x\",\"poolId\":1,"
                + "\"setId\":1,\"disks\":[\"http://minio1:9000/data1\",\"http://minio2:9000/data1\"]}},"
                + "\"accessKey\":\"" + f.accessKeyId + "\",\"parentUser\":\"uploader\"}";
    }

}
