package org.huisu.cloud;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The only way Huisu talks to an object store: an S3 client (SigV4, virtual-hosted or path-style)
 * that can list and read and nothing else. The operations it offers are reads; beneath them an
 * interceptor refuses to send any request whose method is not GET or HEAD, so that no later change
 * can make an inspection write to the evidence. It counts the requests it sent by method, retries
 * included, for the custody record.
 */
public final class ReadOnlyS3 implements AutoCloseable {

    private static final Set<SdkHttpMethod> READS = Set.of(SdkHttpMethod.GET, SdkHttpMethod.HEAD);

    /** Where to connect and how. {@code endpoint} null means AWS's own endpoint for the region. */
    public record Endpoint(URI endpoint, String region, boolean pathStyle, int connections, int attempts) {

        public String display() {
            return endpoint != null ? endpoint.toString() : "AWS S3 (" + region + ")";
        }
    }

    private final S3Client client;
    private final Endpoint endpoint;
    private final S3Credentials credentials;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();

    public ReadOnlyS3(Endpoint endpoint, S3Credentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        StandardRetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(endpoint.attempts())
                // throttled by the provider: back off and try again, however often it happens
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .build();
        var builder = S3Client.builder()
                .region(Region.of(endpoint.region()))
                .forcePathStyle(endpoint.pathStyle())
                .credentialsProvider(StaticCredentialsProvider.create(credentials.sdk()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(endpoint.connections())
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(retries).addExecutionInterceptor(new Guard()));
        if (endpoint.endpoint() != null) {
            builder.endpointOverride(endpoint.endpoint());
        }
        this.client = builder.build();
    }

    /** Refuses every method but GET and HEAD, and counts what goes out. */
    private final class Guard implements ExecutionInterceptor {

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.incrementAndGet();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            if (!READS.contains(request.method())) {
                throw new IllegalStateException("refused to send " + request.method() + " " + request.encodedPath()
                        + ": cloud inspection only reads");
            }
            sent.computeIfAbsent(request.method().name(), m -> new AtomicLong()).incrementAndGet();
        }
    }

    /** The requests sent so far, by HTTP method, retries included. */
    public Map<String, Long> requestsSent() {
        Map<String, Long> counts = new TreeMap<>();
        sent.forEach((method, n) -> counts.put(method, n.get()));
        return counts;
    }

    /** Sent requests beyond one per operation: the retries. */
    public long retries() {
        return Math.max(0, requestsSent().values().stream().mapToLong(Long::longValue).sum() - operations.get());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public S3Credentials credentials() {
        return credentials;
    }

    // ------------------------------------------------------------------ the reads

    /** HEAD on the bucket: that it is there and that the key may read it. */
    public void checkBucket(String bucket) {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
            throw translate(e, bucket, null);
        }
    }

    /**
     * One page of the current objects under a prefix: after the continuation token when there is
     * one, else after the key {@code startAfter} (null for the first page).
     */
    public ListObjectsV2Response listObjects(String bucket, String prefix, String token, String startAfter) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).fetchOwner(true)
                .encodingType(EncodingType.URL);
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        if (token != null) {
            request.continuationToken(token);
        } else if (startAfter != null) {
            request.startAfter(startAfter);
        }
        try {
            return client.listObjectsV2(request.build());
        } catch (RuntimeException e) {
            throw translate(e, bucket, null);
        }
    }

    /** One page of every version and delete marker under a prefix. */
    public ListObjectVersionsResponse listVersions(String bucket, String prefix, String keyMarker,
            String versionMarker) {
        ListObjectVersionsRequest.Builder request = ListObjectVersionsRequest.builder().bucket(bucket)
                .encodingType(EncodingType.URL);
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        if (keyMarker != null) {
            request.keyMarker(keyMarker);
        }
        if (versionMarker != null) {
            request.versionIdMarker(versionMarker);
        }
        return client.listObjectVersions(request.build());
    }

    /** An object's bytes (one version of it, when {@code versionId} is given). */
    public ResponseInputStream<GetObjectResponse> get(String bucket, String key, String versionId) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null) {
            request.versionId(versionId);
        }
        return client.getObject(request.build());
    }

    /** A bucket-level read (a setting), for {@link BucketSettings}. */
    <T> T read(java.util.function.Function<S3Client, T> call) {
        return call.apply(client);
    }

    // ------------------------------------------------------------------ what went wrong, in one sentence

    /** True when the error says the endpoint could not be reached at all. */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof org.apache.http.conn.ConnectTimeoutException
                    || t instanceof org.apache.http.conn.HttpHostConnectException
                    || t instanceof org.apache.http.NoHttpResponseException) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The error code S3 gave, or null. */
    public static String errorCode(Throwable e) {
        return e instanceof S3Exception s && s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
    }

    public static int status(Throwable e) {
        return e instanceof S3Exception s ? s.statusCode() : 0;
    }

    /** A failure of a bucket-level call as the examiner's one sentence, exit status 3. */
    RuntimeException translate(RuntimeException e, String bucket, String key) {
        if (e instanceof HuisuException) {
            return e;
        }
        String code = errorCode(e);
        int status = status(e);
        String where = endpoint.display();
        UnknownHostException unknown = cause(e, UnknownHostException.class);
        if (unknown != null) {
            return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                    CloudMessages.text(endpoint.pathStyle() ? "error.unknownHost" : "error.unknownHostVirtual",
                            unknown.getMessage(), where), e);
        }
        if (unreachable(e)) {
            return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                    CloudMessages.text("error.unreachable", where, rootMessage(e)), e);
        }
        if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)
                || "AccessDenied".equals(code) || "InvalidToken".equals(code) || "ExpiredToken".equals(code)
                || status == 403) {
            return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                    CloudMessages.text("error.denied", credentials.keyId(), "s3://" + bucket + "/", where,
                            code != null ? code : "403"), e);
        }
        if ("NoSuchBucket".equals(code) || status == 404 && key == null) {
            return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                    CloudMessages.text("error.noBucket", bucket, where), e);
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                    CloudMessages.text("error.wrongRegion", bucket, where, endpoint.region()), e);
        }
        return new HuisuException(ExitStatus.UNREADABLE_INPUT,
                CloudMessages.text("error.other", "s3://" + bucket + "/" + (key == null ? "" : key), where,
                        rootMessage(e)), e);
    }

    static String rootMessage(Throwable e) {
        if (e instanceof S3Exception s) {
            String code = errorCode(e);
            return "HTTP " + s.statusCode() + (code != null ? " " + code : "");
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (e instanceof SdkClientException && t == e) {
            return message;
        }
        return t.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    @Override
    public void close() {
        client.close();
    }
}
