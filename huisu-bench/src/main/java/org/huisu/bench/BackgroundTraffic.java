package org.huisu.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.cloud.AccessLogWriter;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.cloud.Request;

/**
 * What else the sample case's bucket served over its days, as the provider's S3 server access log
 * delivers it (one file an hour, written by the scenario's own {@link AccessLogWriter}): web assets,
 * user uploads and exports of other systems, fetched, stored and listed from thousands of
 * addresses that have nothing to do with the case, and among them a share of downloads and a few
 * uploads of the case's own objects from random addresses, which the linkers must weigh. Every
 * line is a download, an upload or a listing, so each becomes one activity. Seeded: the same
 * arguments give the same bytes.
 */
final class BackgroundTraffic {

    /** An object of the case's bucket, as its inspection listed it. */
    record RealObject(String key, long size) {
    }

    /** What was written: the hourly files, lines (one activity each) and how many name a real object. */
    record Made(List<Path> files, long lines, long bytes, long toRealObjects, Duration took) {
    }

    /** Lines in 1,000 that fetch (or, one in ten, overwrite) one of the case's own objects. */
    static final int REAL_PER_MILLE = 20;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    private static final String HEX = "0123456789ABCDEF";
    private static final int ADDRESSES = 20_000;
    private static final int KEYS_PER_PREFIX = 40_000;
    private static final String[] PREFIXES = {"web/assets/img/", "web/static/js/", "cdn/products/", "uploads/2024/03/",
        "exports/orders/", "tmp/thumbnails/", "mobile/banners/", "reports/weekly/"};
    private static final String[] EXTENSIONS = {".jpg", ".js", ".png", ".bin", ".csv", ".webp", ".jpg", ".pdf"};
    /** First octets of ordinary public addresses (none of the office's, the backup host's or the scanners'). */
    private static final int[] FIRST_OCTETS = {36, 42, 58, 101, 106, 112, 114, 116, 117, 119, 121, 123, 125, 139, 171,
        180, 182, 183, 220, 222, 223};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0"
                + " Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                + " Version/17.3 Mobile/15E148 Safari/604.1",
        "aws-sdk-java/1.12.661 Linux/5.15.0-1053-aws OpenJDK_64-Bit_Server_VM/17.0.10+7 java/17.0.10",
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/s3.cp",
        "okhttp/4.12.0"};
    private static final String ACCOUNT = "arn:aws:iam::739201846615:user/";
    private static final String[] USERS = {"web-deploy", "cdn-origin", "report-job", "mobile-api", "export-svc"};

    private BackgroundTraffic() {
    }

    /**
     * Writes {@code lines} lines spread evenly over the scenario's days into hourly files under
     * {@code folder/logs}, in the provider's file naming, each dated when it was delivered.
     */
    static Made write(Path folder, long lines, List<RealObject> real, LocalDate firstDay, int days, long seed)
            throws IOException {
        long started = System.nanoTime();
        Random random = new Random(seed);
        AccessLogWriter format = new AccessLogWriter(Provider.S3, seed);
        String[] addresses = new String[ADDRESSES];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = FIRST_OCTETS[random.nextInt(FIRST_OCTETS.length)] + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
        Instant from = firstDay.atStartOfDay(Scenario.OFFICE_ZONE).toInstant();
        long periodMillis = Duration.ofDays(days).toMillis();
        Path logs = Files.createDirectories(folder.resolve("logs"));
        List<Path> files = new ArrayList<>();
        Instant hour = null;
        Writer out = null;
        Path file = null;
        long bytes = 0;
        long toReal = 0;
        try {
            for (long i = 0; i < lines; i++) {
                // evenly spaced, so that the times only go forward and each hour's lines are in its file
                Instant time = from.plusMillis((long) ((double) periodMillis * i / lines));
                Instant h = time.truncatedTo(ChronoUnit.HOURS);
                if (!h.equals(hour)) {
                    if (out != null) {
                        close(out, file, hour, random);
                    }
                    hour = h;
                    file = logs.resolve(FILE_TIME.format(h.plus(1, ChronoUnit.HOURS).atZone(ZoneOffset.UTC)) + "-"
                            + hex(random, 16));
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    files.add(file);
                }
                Request r;
                String address = addresses[random.nextInt(addresses.length)];
                if (!real.isEmpty() && random.nextInt(1000) < REAL_PER_MILLE) {
                    RealObject o = real.get(random.nextInt(real.size()));
                    boolean put = random.nextInt(10) == 0;
                    r = new Request(time, address, put ? "PutObject" : "GetObject", o.key(), null, 200, null,
                            o.size(), AGENTS[random.nextInt(AGENTS.length)], null, null,
                            AccessLogWriter.requestId(Provider.S3, random), null);
                    toReal++;
                } else {
                    r = unrelated(random, time, address);
                }
                String line = format.line(r) + "\n";
                out.write(line);
                bytes += line.length();
            }
        } finally {
            if (out != null) {
                close(out, file, hour, random);
            }
        }
        return new Made(List.copyOf(files), lines, bytes, toReal, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Request unrelated(Random random, Instant time, String address) {
        int op = random.nextInt(100);
        boolean signed = random.nextInt(5) < 2;
        String requester = signed ? ACCOUNT + USERS[random.nextInt(USERS.length)] : null;
        String agent = AGENTS[random.nextInt(AGENTS.length)];
        String id = AccessLogWriter.requestId(Provider.S3, random);
        int p = random.nextInt(PREFIXES.length);
        if (op < 8) {
            String prefix = PREFIXES[p].replace("/", "%2F");
            return new Request(time, address, "ListObjects", null, "prefix=" + prefix + "&max-keys=1000", 200, null,
                    0, agent, requester, null, id, null);
        }
        String key = PREFIXES[p] + String.format(Locale.ROOT, "%08x", random.nextInt(KEYS_PER_PREFIX) * 2654435761L
                & 0xffffffffL) + EXTENSIONS[p];
        long size = 1024 + random.nextInt(2 << 20);
        if (op < 30) {
            return new Request(time, address, "PutObject", key, null, 200, null, size, agent, requester, null, id,
                    null);
        }
        int miss = random.nextInt(100);
        int status = miss < 2 ? 404 : miss < 3 ? 403 : 200;
        String error = status == 404 ? "NoSuchKey" : status == 403 ? "AccessDenied" : null;
        return new Request(time, address, "GetObject", key, null, status, error, size, agent, requester, null, id,
                random.nextInt(4) == 0 ? "https://www.example-shop.example/" : null);
    }

    /** Closes an hour's file and dates it as delivered, some minutes after the hour it covers. */
    private static void close(Writer out, Path file, Instant hour, Random random) throws IOException {
        out.close();
        Files.setLastModifiedTime(file, FileTime.from(hour.plus(1, ChronoUnit.HOURS).plusSeconds(300
                + random.nextInt(1800))));
    }

    private static String hex(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(HEX.charAt(random.nextInt(16)));
        }
        return b.toString();
    }
}
