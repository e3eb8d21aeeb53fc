package org.huisu.scenario.cloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.huisu.scenario.world.Seeds;

/**
 * The bucket's access logs, as its provider delivers them: one file per hour of traffic, in the
 * AWS S3 server-access-log format (UTC) or the Alibaba OSS logging format (+08:00).
 */
public final class AccessLogWriter {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    private static final ZoneId OSS_ZONE = ZoneOffset.ofHours(8);
    private static final String HEX = "0123456789ABCDEF";

    private final Provider provider;
    private final long seed;
    private final String bucketOwner;

    public AccessLogWriter(Provider provider, long seed) {
        this.provider = provider;
        this.seed = seed;
        Random r = Seeds.stream(seed, "bucket-owner", 0);
        this.bucketOwner = hex(r, 64).toLowerCase(Locale.ROOT);
    }

    /** Writes every request into hourly files under {@code folder}; returns the files written. */
    public List<Path> write(Path folder, List<Request> requests) throws IOException {
        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparing(Request::time));
        ZoneId zone = provider == Provider.OSS ? OSS_ZONE : ZoneOffset.UTC;
        TreeMap<Instant, StringBuilder> hours = new TreeMap<>();
        for (Request r : sorted) {
            Instant hour = r.time().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            hours.computeIfAbsent(hour, h -> new StringBuilder()).append(line(r)).append('\n');
        }
        List<Path> files = new ArrayList<>();
        Random names = Seeds.stream(seed, "log-names", 0);
        for (Map.Entry<Instant, StringBuilder> hour : hours.entrySet()) {
            // delivered some minutes after the hour it covers
            Instant delivered = hour.getKey().plus(1, ChronoUnit.HOURS).plusSeconds(300 + names.nextInt(1800));
            String stamp = FILE_TIME.format(delivered.atZone(zone));
            Path file = provider == Provider.OSS
                    ? folder.resolve("access-log").resolve(provider.bucket() + stamp + "-" + hex(names, 4).toLowerCase(Locale.ROOT))
                    : folder.resolve("logs").resolve(stamp + "-" + hex(names, 16));
            Files.createDirectories(file.getParent());
            Files.writeString(file, hour.getValue(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(delivered));
            files.add(file);
        }
        return files;
    }

    public String line(Request r) {
        return provider == Provider.OSS ? ossLine(r) : s3Line(r);
    }

    private String s3Line(Request r) {
        String time = LOG_TIME.format(r.time().atZone(ZoneOffset.UTC));
        String key = r.key() == null ? "-" : Provider.encodeKey(r.key());
        String uri = r.method() + " /" + (r.key() == null ? "" : Provider.encodeKey(r.key()))
                + (r.query() == null ? "" : "?" + r.query()) + " HTTP/1.1";
        String operation = switch (r.operation()) {
            case "PutObject" -> "REST.PUT.OBJECT";
            case "HeadObject" -> "REST.HEAD.OBJECT";
            case "ListObjects" -> "REST.GET.BUCKET";
            default -> "REST.GET.OBJECT";
        };
        boolean put = r.operation().equals("PutObject");
        Random hostId = Seeds.stream(seed, "host-id", r.requestId().hashCode());
        return bucketOwner + " " + provider.bucket() + " [" + time + "] " + r.remoteAddress() + " "
                + (r.requester() == null ? "-" : r.requester()) + " " + r.requestId() + " " + operation + " " + key
                + " \"" + uri + "\" " + r.status() + " " + dash(r.errorCode()) + " "
                + (put ? "-" : Long.toString(r.bytesSent())) + " "
                + (r.objectSize() > 0 ? Long.toString(r.objectSize()) : "-") + " " + (20 + Math.abs(r.requestId().hashCode()) % 400)
                + " " + (put ? "-" : Long.toString(8 + Math.abs(r.requestId().hashCode()) % 90)) + " \""
                + dash(r.referer()) + "\" \"" + r.userAgent() + "\" - " + base64(hostId, 76) + " SigV4"
                + " ECDHE-RSA-AES128-GCM-SHA256 " + (r.query() != null && r.query().contains("X-Amz-Signature")
                        ? "QueryString" : "AuthHeader") + " " + provider.bucket() + "." + provider.endpointHost()
                + " TLSv1.2 - -";
    }

    private String ossLine(Request r) {
        String time = LOG_TIME.format(r.time().atZone(OSS_ZONE));
        String uri = "/" + (r.key() == null ? "" : Provider.encodeKey(r.key()))
                + (r.query() == null ? "" : "?" + r.query());
        boolean put = r.operation().equals("PutObject");
        long requestLength = put ? r.objectSize() + 412 : 387;
        String owner = "1473" + bucketOwner.substring(0, 12).replaceAll("[a-f]", "7");
        return r.remoteAddress() + " - - [" + time + "] \"" + r.method() + " " + uri + " HTTP/1.1\" " + r.status() + " "
                + r.bytesSent() + " " + (25 + Math.abs(r.requestId().hashCode()) % 300) + " \"" + dash(r.referer())
                + "\" \"" + r.userAgent() + "\" \"" + provider.bucket() + "." + provider.endpointHost() + "\" \""
                + r.requestId() + "\" \"true\" \"" + (r.requester() == null ? "-" : r.requester()) + "\" \""
                + r.operation() + "\" \"" + provider.bucket() + "\" \""
                + (r.key() == null ? "-" : Provider.encodeKey(r.key())) + "\" "
                + (r.objectSize() > 0 ? Long.toString(r.objectSize()) : "-") + " "
                + (5 + Math.abs(r.requestId().hashCode()) % 80) + " \"" + dash(r.errorCode()) + "\" " + requestLength
                + " \"" + owner + "\" " + (put ? Long.toString(r.objectSize()) : "-") + " \"-\" \"standard\" \"-\" \"-\" \""
                + (r.accessKeyId() == null ? "-" : r.accessKeyId()) + "\"";
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** A request id in the provider's shape. */
    public static String requestId(Provider provider, Random random) {
        return hex(random, provider == Provider.OSS ? 24 : 16);
    }

    static String hex(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(HEX.charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    private static String base64(Random random, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n - 1; i++) {
            b.append(alphabet.charAt(random.nextInt(64)));
        }
        return b.append('=').toString();
    }

}
