package org.huisu.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.huisu.formats.cloudlog.AccessKind;

/**
 * An AWS S3 server access log or an Alibaba OSS access log of a given size, written a line at a time
 * from a seeded {@link Random}: the same seed and size give the same bytes, and no file is held in
 * memory. The lines are what a busy bucket logs: downloads, uploads (whole, by form, by copy,
 * appended, in parts), metadata reads, deletions (one key, many keys, lifecycle expiry), listings and
 * bucket configuration; statuses 200, 204, 403 and 404; percent-encoded keys, Chinese ones among
 * them; a few principals with their access keys, several remote addresses, user agents with blanks,
 * and times that only go forward. Each line's kind is known as it is written, so that what a parser
 * and the case must hold can be counted without them.
 */
final class SyntheticAccessLog {

    /** The two formats, each with its parser's (and extractor's) name and a file name as the provider gives it. */
    enum Format {
        S3("AWS S3", "s3-access-log", "2024-03-15-00-00-00-5C2F8E1D9A3B7E40", ZoneOffset.UTC),
        OSS("Alibaba OSS", "oss-access-log", "face-archive2024-03-15-00-00-00-0001", ZoneOffset.ofHours(8));

        final String label;
        final String parserName;
        final String fileName;
        final ZoneOffset offset;

        Format(String label, String parserName, String fileName, ZoneOffset offset) {
            this.label = label;
            this.parserName = parserName;
            this.fileName = fileName;
            this.offset = offset;
        }
    }

    /**
     * The kinds the cloud access-log extractor makes an activity of, one a line (neither format
     * lists a multi-object request's keys on its own line); multipart steps, metadata reads and
     * configuration are only counted. As CloudAccessLogExtractor.kind says.
     */
    static final Set<AccessKind> RECORDED = Collections.unmodifiableSet(
            EnumSet.of(AccessKind.UPLOAD, AccessKind.DOWNLOAD, AccessKind.DELETE, AccessKind.LIST));

    /**
     * What one request does, with the kind the parsers give its operation (the table in
     * OperationKinds) and its name in each format, null where that provider does not log it.
     */
    enum Action {
        GET_OBJECT(AccessKind.DOWNLOAD, "REST.GET.OBJECT", "GetObject", "GET"),
        PUT_OBJECT(AccessKind.UPLOAD, "REST.PUT.OBJECT", "PutObject", "PUT"),
        POST_OBJECT(AccessKind.UPLOAD, "REST.POST.OBJECT", "PostObject", "POST"),
        COPY_OBJECT(AccessKind.UPLOAD, "REST.COPY.OBJECT", "CopyObject", "PUT"),
        APPEND_OBJECT(AccessKind.UPLOAD, null, "AppendObject", "POST"),
        HEAD_OBJECT(AccessKind.METADATA, "REST.HEAD.OBJECT", "HeadObject", "HEAD"),
        GET_OBJECT_ACL(AccessKind.METADATA, "REST.GET.ACL", "GetObjectAcl", "GET"),
        DELETE_OBJECT(AccessKind.DELETE, "REST.DELETE.OBJECT", "DeleteObject", "DELETE"),
        DELETE_OBJECTS(AccessKind.DELETE, "REST.POST.MULTI_OBJECT_DELETE", "DeleteMultipleObjects", "POST"),
        DELETE_IN_BATCH(AccessKind.DELETE, "BATCH.DELETE.OBJECT", null, "POST"),
        EXPIRE_OBJECT(AccessKind.DELETE, "S3.EXPIRE.OBJECT", null, null),
        LIST_OBJECTS(AccessKind.LIST, "REST.GET.BUCKET", "GetBucket", "GET"),
        INITIATE_UPLOAD(AccessKind.UPLOAD_PART, "REST.POST.UPLOADS", "InitiateMultipartUpload", "POST"),
        UPLOAD_PART(AccessKind.UPLOAD_PART, "REST.PUT.PART", "UploadPart", "PUT"),
        COMPLETE_UPLOAD(AccessKind.UPLOAD, "REST.POST.UPLOAD", "CompleteMultipartUpload", "POST"),
        READ_CONFIGURATION(AccessKind.OTHER, "REST.GET.VERSIONING", "GetBucketLifecycle", "GET");

        final AccessKind kind;
        final String s3;
        final String oss;
        final String method;

        Action(AccessKind kind, String s3, String oss, String method) {
            this.kind = kind;
            this.s3 = s3;
            this.oss = oss;
            this.method = method;
        }
    }

    /** The log written: its lines and bytes, and how many lines of each kind it holds. */
    record Made(Path file, long lines, long bytes, Map<AccessKind, Long> kinds, Duration took) {

        /** The lines that become activities in the case. */
        long recorded() {
            return kinds.entrySet().stream().filter(e -> RECORDED.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long of(AccessKind kind) {
            return kinds.getOrDefault(kind, 0L);
        }
    }

    private SyntheticAccessLog() {
    }

    /**
     * Writes lines to {@code file} until the next would take it past {@code bytes}; a smaller size
     * with the same seed gives the first lines of the larger file.
     */
    static Made write(Path file, Format format, long bytes, long seed) throws IOException {
        long started = System.nanoTime();
        Lines lines = new Lines(format, seed);
        StringBuilder line = new StringBuilder(1024);
        long[] kinds = new long[AccessKind.values().length];
        long written = 0;
        long count = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            while (true) {
                line.setLength(0);
                AccessKind kind = lines.next(line);
                byte[] encoded = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                if (written + encoded.length > bytes) {
                    break;
                }
                out.write(encoded);
                written += encoded.length;
                count++;
                kinds[kind.ordinal()]++;
            }
        }
        Map<AccessKind, Long> byKind = new EnumMap<>(AccessKind.class);
        for (AccessKind k : AccessKind.values()) {
            if (kinds[k.ordinal()] > 0) {
                byKind.put(k, kinds[k.ordinal()]);
            }
        }
        return new Made(file, count, written, Collections.unmodifiableMap(byKind),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The lines of one log, one at a time. */
    static final class Lines {

        private static final DateTimeFormatter CLF =
                DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        private static final long START = Instant.parse("2024-03-15T00:00:00Z").toEpochMilli();
        private static final String UNRESERVED =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/";

        private static final String BUCKET = "face-archive";
        private static final String S3_OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        private static final String S3_HOST = BUCKET + ".s3.cn-north-1.amazonaws.com.cn";
        private static final String OSS_HOST = BUCKET + ".oss-cn-hangzhou.aliyuncs.com";
        private static final String OSS_OWNER = "1657183691453712";

        /** Principals and their access keys, the same index in both arrays; the last signs most. */
        private static final String[] S3_REQUESTERS = {
            "arn:aws:iam::123456789012:user/hr-scanner",
            "arn:aws:sts::123456789012:assumed-role/visitor-kiosk/i-0a1b2c3d4e5f67890",
            "arn:aws:iam::123456789012:user/face-sync"};
        private static final String[] S3_KEYS = {"AKIA3F7Q2ZKXW4EXAMPL", "ASIAZ2R9TUVW8XEXAMPL", "AKIAIOSFODNN7EXAMPLE"};
        private static final String[] OSS_REQUESTERS = {"203894759601834812", "276378688765331095", OSS_OWNER};
        private static final String[] OSS_KEYS = {"LTAI5tRkQ9w8XcYvB3nM2pEx", "STS.NUgYrLnoC37mZZCNnAbez2",
            "LTAI4FrfJPUSoKm4JHb5Kq7d"};

        private static final String[] S3_ADDRESSES = {"203.0.113.77", "198.51.100.23", "192.0.2.140", "10.20.30.41",
            "172.16.5.9", "100.64.12.7", "2001:db8:85a3::8a2e:370:7334", "52.80.14.201"};
        private static final String[] OSS_ADDRESSES = {"192.168.0.1", "58.211.45.190", "203.0.113.77", "10.20.30.41",
            "120.55.102.18", "47.96.23.7", "2408:4005:3a0:1f00::5", "100.68.21.3"};

        private static final String[] S3_AGENTS = {
            "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/s3.cp",
            "Boto3/1.34.59 md/Botocore#1.34.59 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 "
                    + "cfg/retry-mode#legacy Botocore/1.34.59",
            "S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.780 Linux/5.10.215-203.850.amzn2.x86_64 "
                    + "OpenJDK_64-Bit_Server_VM/25.402-b08 java/1.8.0_402 vendor/Oracle_Corporation cfg/retry-mode/standard",
            "rclone/v1.60.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 "
                    + "Safari/537.36"};
        private static final String[] OSS_AGENTS = {
            "aliyun-sdk-java/3.17.4(Linux/6.1.0/amd64;17.0.10)",
            "aliyun-sdk-python/2.18.4(Linux/6.1.0/x86_64;3.11.8)",
            "ossutil64/v1.7.18 (Linux/6.1.0-18-amd64/x86_64;go1.20.14)/ossutil64",
            "rclone/v1.60.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 "
                    + "Safari/537.36"};

        /** The scenarios, each a request or a run of them, and how often in 1,000 a bucket sees it. */
        private enum Scenario {
            DOWNLOAD(330), UPLOAD(170), HEAD(100), LIST(50), DELETE(50), CONFIGURATION(30), ACL(20), COPY(20),
            FORM_UPLOAD(20), MULTIPART(25), EXPIRE_OR_APPEND(30), DELETE_MANY(10);

            final int weight;

            Scenario(int weight) {
                this.weight = weight;
            }
        }

        private static final Scenario[] BY_WEIGHT;

        static {
            int total = 0;
            for (Scenario s : Scenario.values()) {
                total += s.weight;
            }
            BY_WEIGHT = new Scenario[total];
            int i = 0;
            for (Scenario s : Scenario.values()) {
                for (int w = 0; w < s.weight; w++) {
                    BY_WEIGHT[i++] = s;
                }
            }
        }

        private static final String[] CAMERA_FOLDERS = new String[8];
        private static final String VISITORS = percentEncode("人脸/访客/2024-03/访客 ");
        private static final String ID_SCANS = percentEncode("扫描件/身份证 正面 ");
        private static final String[] CONTRACTS = {percentEncode("员工档案/张伟 (人事部)/合同 "),
            percentEncode("员工档案/李娜 (财务部)/合同 "), percentEncode("员工档案/王芳 (门禁)/照片 ")};
        private static final String EXPORTS = percentEncode("exports/visitors export ");
        private static final String LIST_PREFIX = "prefix=faces%2F2024%2F03%2F15%2F";

        static {
            for (int i = 0; i < CAMERA_FOLDERS.length; i++) {
                CAMERA_FOLDERS[i] = "faces/2024/03/15/cam0" + (i + 1) + "/";
            }
        }

        private final Format format;
        private final Random random;
        private final ArrayDeque<Action> plan = new ArrayDeque<>();
        private final String[] recentKeys = new String[1024];
        private final String[] hostIds = new String[64];
        private int recentCount;
        private long millis = START;
        private long clfSecond = Long.MIN_VALUE;
        private String clf;
        private String planKey;
        private String uploadId;
        private long planSize;
        private int part;

        Lines(Format format, long seed) {
            this.format = format;
            this.random = new Random(seed);
            for (int i = 0; i < hostIds.length; i++) {
                StringBuilder b = new StringBuilder();
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                for (int c = 0; c < 75; c++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                hostIds[i] = b.append('=').toString();
            }
        }

        /** Appends the next line, without its line end, and returns the kind of access it records. */
        AccessKind next(StringBuilder line) {
            if (plan.isEmpty()) {
                plan();
            }
            Action action = plan.removeFirst();
            millis += random.nextInt(120);
            if (format == Format.S3) {
                s3(action, line);
            } else {
                oss(action, line);
            }
            return action.kind;
        }

        private void plan() {
            Scenario scenario = BY_WEIGHT[random.nextInt(BY_WEIGHT.length)];
            planKey = null;
            switch (scenario) {
                case DOWNLOAD -> plan.add(Action.GET_OBJECT);
                case UPLOAD -> plan.add(Action.PUT_OBJECT);
                case HEAD -> plan.add(Action.HEAD_OBJECT);
                case LIST -> plan.add(Action.LIST_OBJECTS);
                case DELETE -> plan.add(Action.DELETE_OBJECT);
                case CONFIGURATION -> plan.add(Action.READ_CONFIGURATION);
                case ACL -> plan.add(Action.GET_OBJECT_ACL);
                case COPY -> plan.add(Action.COPY_OBJECT);
                case FORM_UPLOAD -> plan.add(Action.POST_OBJECT);
                case MULTIPART -> {
                    planKey = "backups/faces-db/" + (1_710_460_800L + random.nextInt(1 << 20)) + ".sql.gz";
                    uploadId = hex(random.nextLong(), 16) + hex(random.nextLong(), 16);
                    planSize = (64L << 20) + random.nextInt(1 << 30);
                    part = 0;
                    plan.add(Action.INITIATE_UPLOAD);
                    for (int i = 2 + random.nextInt(5); i > 0; i--) {
                        plan.add(Action.UPLOAD_PART);
                    }
                    plan.add(Action.COMPLETE_UPLOAD);
                }
                case EXPIRE_OR_APPEND -> plan.add(format == Format.S3 ? Action.EXPIRE_OBJECT : Action.APPEND_OBJECT);
                case DELETE_MANY -> {
                    plan.add(Action.DELETE_OBJECTS);
                    // S3 logs the request, then one line a key it deleted; OSS only the request
                    if (format == Format.S3) {
                        for (int i = 2 + random.nextInt(4); i > 0; i--) {
                            plan.add(Action.DELETE_IN_BATCH);
                        }
                    }
                }
                default -> throw new IllegalStateException(scenario.name());
            }
        }

        /** A request's own values, drawn once and written by either format. */
        private final class Request {
            final Action action;
            final String key;
            final int principal;
            final boolean anonymous;
            final boolean presigned;
            int status;
            String errorCode;
            long bytesSent;
            long objectSize;
            final long milliseconds;

            Request(Action action) {
                this.action = action;
                this.key = key(action);
                int p = random.nextInt(10);
                this.principal = p < 2 ? 0 : p < 4 ? 1 : 2;
                this.anonymous = action == Action.GET_OBJECT && random.nextInt(30) == 0;
                this.presigned = !anonymous && (action == Action.GET_OBJECT && random.nextInt(7) == 0
                        || action == Action.PUT_OBJECT && random.nextInt(20) == 0);
                this.objectSize = action == Action.UPLOAD_PART ? 8L << 20
                        : action == Action.COMPLETE_UPLOAD || action == Action.INITIATE_UPLOAD ? planSize
                        : key == null ? -1 : 20_000 + random.nextInt(4_000_000);
                this.milliseconds = 3 + random.nextInt(250);
                outcome();
            }

            private void outcome() {
                int r = random.nextInt(100);
                status = 200;
                switch (action) {
                    case GET_OBJECT -> {
                        if (r < 5) {
                            fail(403, "AccessDenied");
                        } else if (r < 12) {
                            fail(404, "NoSuchKey");
                        } else {
                            bytesSent = objectSize;
                        }
                    }
                    case HEAD_OBJECT -> {
                        if (r < 8) {
                            fail(404, "NoSuchKey");
                            bytesSent = 0;
                        }
                    }
                    case DELETE_OBJECT -> {
                        if (r < 3) {
                            fail(403, "AccessDenied");
                        } else {
                            status = 204;
                        }
                    }
                    case DELETE_IN_BATCH -> status = 204;
                    case EXPIRE_OBJECT -> status = 0;
                    case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, APPEND_OBJECT -> {
                        if (r < 3) {
                            fail(403, "AccessDenied");
                        }
                    }
                    case LIST_OBJECTS -> bytesSent = 2_000 + random.nextInt(40_000);
                    case READ_CONFIGURATION -> {
                        if (format == Format.OSS && r < 30) {
                            fail(404, "NoSuchLifecycle");
                        } else {
                            bytesSent = 113 + random.nextInt(400);
                        }
                    }
                    case GET_OBJECT_ACL, DELETE_OBJECTS, INITIATE_UPLOAD, COMPLETE_UPLOAD ->
                            bytesSent = 200 + random.nextInt(400);
                    default -> {
                    }
                }
            }

            private void fail(int code, String error) {
                status = code;
                errorCode = error;
                bytesSent = 231 + random.nextInt(80);
            }

            /** The request's query, without its {@code ?}; null when it has none. */
            String query(String[] accessKeys) {
                switch (action) {
                    case GET_OBJECT_ACL:
                        return "acl=";
                    case LIST_OBJECTS:
                        return format == Format.S3 ? "list-type=2&" + LIST_PREFIX + "&encoding-type=url"
                                : LIST_PREFIX + "&max-keys=100";
                    case DELETE_OBJECTS:
                    case DELETE_IN_BATCH:
                        return "delete=";
                    case INITIATE_UPLOAD:
                        return "uploads=";
                    case UPLOAD_PART:
                        return "partNumber=" + part + "&uploadId=" + uploadId;
                    case COMPLETE_UPLOAD:
                        return "uploadId=" + uploadId;
                    case APPEND_OBJECT:
                        return "append=&position=" + random.nextInt(1 << 20);
                    case READ_CONFIGURATION:
                        return format == Format.S3 ? "versioning=" : "lifecycle=";
                    default:
                        break;
                }
                if (!presigned) {
                    return null;
                }
                String signature = hex(random.nextLong(), 16) + hex(random.nextLong(), 16);
                if (format == Format.OSS) {
                    return "OSSAccessKeyId=" + accessKeys[principal] + "&Expires=" + (millis / 1000 + 3600)
                            + "&Signature=" + signature.substring(0, 27) + "%3D";
                }
                return "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + accessKeys[principal]
                        + "%2F20240315%2Fcn-north-1%2Fs3%2Faws4_request&X-Amz-Date=20240315T023005Z&X-Amz-Expires=3600"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + signature + signature;
            }
        }

        /** The request's key: the upload's in a multipart run, a recent upload's for most reads and deletes. */
        private String key(Action action) {
            switch (action) {
                case LIST_OBJECTS, DELETE_OBJECTS, READ_CONFIGURATION:
                    return null;
                case INITIATE_UPLOAD, UPLOAD_PART, COMPLETE_UPLOAD:
                    return planKey;
                case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, APPEND_OBJECT:
                    String key = newKey();
                    recentKeys[recentCount++ & (recentKeys.length - 1)] = key;
                    return key;
                default:
                    if (recentCount > 0 && random.nextInt(10) < 7) {
                        return recentKeys[random.nextInt(Math.min(recentCount, recentKeys.length))];
                    }
                    return newKey();
            }
        }

        /** A key as the logs write it, percent-encoded: camera frames mostly, Chinese names often. */
        private String newKey() {
            int r = random.nextInt(100);
            int n = random.nextInt(100_000);
            if (r < 55) {
                return CAMERA_FOLDERS[random.nextInt(CAMERA_FOLDERS.length)] + (millis + random.nextInt(5_000)) + ".jpg";
            } else if (r < 75) {
                return VISITORS + n + ".jpg";
            } else if (r < 85) {
                return ID_SCANS + n + ".png";
            } else if (r < 95) {
                return CONTRACTS[random.nextInt(CONTRACTS.length)] + n + ".pdf";
            }
            return EXPORTS + n + ".csv";
        }

        private String time() {
            long second = Math.floorDiv(millis, 1000);
            if (second != clfSecond) {
                clfSecond = second;
                clf = CLF.format(Instant.ofEpochSecond(second).atOffset(format.offset));
            }
            return clf;
        }

        /**
         * bucket-owner bucket [time] remote-IP requester request-ID operation key "request-URI" status
         * error bytes-sent object-size total-time turn-around "referer" "user-agent" version-id host-id
         * signature cipher authentication host-header TLS access-point-ARN ACL-required
         */
        private void s3(Action action, StringBuilder line) {
            if (action == Action.UPLOAD_PART) {
                part++;
            }
            Request r = new Request(action);
            boolean lifecycle = action == Action.EXPIRE_OBJECT;
            String query = r.query(S3_KEYS);
            line.append(S3_OWNER).append(' ').append(BUCKET).append(" [").append(time()).append("] ")
                    .append(lifecycle ? "-" : S3_ADDRESSES[random.nextInt(S3_ADDRESSES.length)]).append(' ')
                    .append(lifecycle ? "AmazonS3" : r.anonymous ? "-" : S3_REQUESTERS[r.principal]).append(' ')
                    .append(hex(random.nextLong(), 16)).append(' ').append(action.s3).append(' ')
                    .append(r.key == null ? "-" : r.key).append(' ');
            if (lifecycle) {
                line.append("\"-\" - - - ").append(r.objectSize).append(" - - \"-\" \"-\" - ")
                        .append(hostIds[random.nextInt(hostIds.length)]).append(" - - - - - - -");
                return;
            }
            line.append('"').append(action.method).append(" /").append(BUCKET);
            if (r.key != null && action != Action.POST_OBJECT) {
                line.append('/').append(r.key);
            }
            if (query != null) {
                line.append('?').append(query);
            }
            line.append(" HTTP/1.1\" ").append(r.status).append(' ').append(r.errorCode == null ? "-" : r.errorCode)
                    .append(' ');
            if (r.bytesSent == 0) {
                line.append('-');
            } else {
                line.append(r.bytesSent);
            }
            line.append(' ');
            if (r.objectSize < 0) {
                line.append('-');
            } else {
                line.append(r.objectSize);
            }
            boolean browser = random.nextInt(5) == 0;
            String agent = browser ? S3_AGENTS[4] : S3_AGENTS[random.nextInt(S3_AGENTS.length - 1)];
            boolean tls13 = random.nextBoolean();
            line.append(' ').append(r.milliseconds).append(' ').append(1 + r.milliseconds / 4)
                    .append(browser ? " \"https://hr.example.com/visitors/\" \"" : " \"-\" \"").append(agent)
                    .append("\" ").append(random.nextInt(10) == 0 ? hex(random.nextLong(), 16) : "-").append(' ')
                    .append(hostIds[random.nextInt(hostIds.length)])
                    .append(tls13 ? " SigV4 TLS_AES_128_GCM_SHA256 " : " SigV4 ECDHE-RSA-AES128-GCM-SHA256 ")
                    .append(r.presigned ? "QueryString " : "AuthHeader ").append(S3_HOST)
                    .append(tls13 ? " TLSv1.3 - -" : " TLSv1.2 - -");
        }

        /**
         * remote-IP - - [time] "request-URI" status sent-bytes request-time "referer" "user-agent"
         * "host" "request-ID" "logging-flag" "requester" "operation" "bucket" "key" object-size
         * server-cost "error" request-length "owner" delta-size "sync" "storage-class"
         * "target-storage-class" "acceleration" "access-key-ID"
         */
        private void oss(Action action, StringBuilder line) {
            if (action == Action.UPLOAD_PART) {
                part++;
            }
            Request r = new Request(action);
            String query = r.query(OSS_KEYS);
            boolean browser = random.nextInt(5) == 0;
            String agent = browser ? OSS_AGENTS[4] : OSS_AGENTS[random.nextInt(OSS_AGENTS.length - 1)];
            line.append(OSS_ADDRESSES[random.nextInt(OSS_ADDRESSES.length)]).append(" - - [").append(time())
                    .append("] \"").append(action.method).append(" /");
            if (r.key != null && action != Action.POST_OBJECT) {
                line.append(r.key);
            }
            if (query != null) {
                line.append('?').append(query);
            }
            boolean upload = action.kind == AccessKind.UPLOAD || action == Action.UPLOAD_PART;
            long received = upload && r.objectSize > 0 ? r.objectSize + 420 : 300 + random.nextInt(600);
            line.append(" HTTP/1.1\" ").append(r.status).append(' ').append(r.bytesSent).append(' ')
                    .append(r.milliseconds).append(browser ? " \"https://hr.example.com/visitors/\" \"" : " \"-\" \"")
                    .append(agent).append("\" \"").append(OSS_HOST).append("\" \"").append(hex(random.nextLong(), 16))
                    .append(hex(random.nextInt(), 8)).append("\" \"true\" \"")
                    .append(r.anonymous ? "-" : OSS_REQUESTERS[r.principal]).append("\" \"").append(action.oss)
                    .append("\" \"").append(BUCKET).append("\" \"").append(r.key == null ? "-" : r.key).append("\" ");
            if (r.objectSize < 0) {
                line.append('-');
            } else {
                line.append(r.objectSize);
            }
            line.append(' ').append(r.milliseconds * 3 / 4).append(" \"")
                    .append(r.errorCode == null ? "-" : r.errorCode).append("\" ").append(received).append(" \"")
                    .append(OSS_OWNER).append("\" ");
            if (r.status < 300 && (upload && action != Action.UPLOAD_PART && action != Action.INITIATE_UPLOAD)) {
                line.append(r.objectSize);
            } else {
                line.append('-');
            }
            line.append(action == Action.GET_OBJECT && random.nextInt(20) == 0 ? " \"cdn\"" : " \"-\"")
                    .append(" \"Standard\" \"-\" \"-\" \"").append(r.anonymous ? "-" : OSS_KEYS[r.principal])
                    .append('"');
        }

        private static String hex(long value, int digits) {
            String h = Long.toHexString(value).toUpperCase(Locale.ROOT);
            if (h.length() >= digits) {
                return h.substring(h.length() - digits);
            }
            return "0".repeat(digits - h.length()) + h;
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
    }
}
