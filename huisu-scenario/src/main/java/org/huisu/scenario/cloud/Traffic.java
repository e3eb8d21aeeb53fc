package org.huisu.scenario.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huisu.scenario.DayBatch;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.Upload;
import org.huisu.scenario.phone.SalesApp;
import org.huisu.scenario.world.Seeds;
import org.huisu.scenario.world.World;

/**
 * Every request the bucket served over the period: the office's nightly uploads, the sales
 * phones opening photos, and what does not belong to the case — another system's nightly backup,
 * a marketing site's pictures, scanners being refused.
 */
public final class Traffic {

    /** The sales office's public address, as its router's WAN side holds it. */
    public static final String OFFICE_WAN = "203.0.113.7";
    /** Another office's backup job, writing elsewhere in the same bucket. */
    public static final String BACKUP_HOST = "198.51.100.23";
    static final List<String> MARKETING = List.of("marketing/banner-spring.jpg", "marketing/floorplan-A.png",
            "marketing/floorplan-B.png", "marketing/site-map.jpg");
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1";

    private final World world;
    private final Provider provider;
    private final UploadClient client;
    private final Random random;

    public Traffic(World world, Provider provider, UploadClient client) {
        this.world = world;
        this.provider = provider;
        this.client = client;
        this.random = Seeds.stream(world.scenario().seed(), "traffic", 0);
    }

    /** The requests; also writes the unrelated objects (backups, marketing pictures) into the bucket. */
    public List<Request> plan(List<DayBatch> days, List<SalesApp.Entry> app, Path bucket) throws IOException {
        List<Request> requests = new ArrayList<>();
        AccessKey uploader = AccessKey.of(provider, world.scenario().seed(), "uploader");
        AccessKey appKey = AccessKey.of(provider, world.scenario().seed(), "app");
        String account = provider == Provider.OSS ? "1473869251046639" : "arn:aws:iam::481516234200:user/";
        for (DayBatch day : days) {
            if (!day.uploaded()) {
                continue;
            }
            for (Upload u : allOf(day.job())) {
                requests.add(new Request(instant(u.time()), OFFICE_WAN, "PutObject", u.key(), null, 200, null,
                        u.size(), client.userAgent(), requester(account, "facecap-upload"), uploader.id(), id(), null));
            }
            if (random.nextInt(3) == 0) {
                requests.add(new Request(instant(day.job().removed().plusMinutes(7)), OFFICE_WAN, "ListObjects", null,
                        "prefix=faces%2F&max-keys=1000", 200, null, 0, client.userAgent(),
                        requester(account, "facecap-upload"), uploader.id(), id(), null));
            }
        }
        for (SalesApp.Entry e : app) {
            for (SalesApp.View v : e.views()) {
                boolean signed = e.query() != null;
                requests.add(new Request(v.time(), v.address(), "GetObject", e.photo().key(), e.query(), 200, null,
                        e.photo().size(), v.phone().userAgent(), signed ? requester(account, "sales-app") : null,
                        signed ? appKey.id() : null, id(), null));
            }
        }
        requests.addAll(unrelated(bucket, account));
        return requests;
    }

    private static List<Upload> allOf(DayBatch.Job job) {
        List<Upload> all = new ArrayList<>();
        all.add(job.archive());
        all.addAll(job.photos());
        return all;
    }

    private List<Request> unrelated(Path bucket, String account) throws IOException {
        List<Request> out = new ArrayList<>();
        Scenario s = world.scenario();
        long[] marketingSizes = new long[MARKETING.size()];
        for (int i = 0; i < MARKETING.size(); i++) {
            byte[] picture = MarketingPictures.render(MARKETING.get(i), random);
            marketingSizes[i] = picture.length;
            write(bucket.resolve(MARKETING.get(i)), picture, s.firstDay().minusDays(30).atTime(10, 15));
        }
        for (LocalDate day = s.firstDay(); !day.isAfter(s.lastDay()); day = day.plusDays(1)) {
            LocalDateTime backupAt = day.atTime(4, 10).plusSeconds(random.nextInt(300));
            byte[] dump = MarketingPictures.sqlDump(day, random);
            String key = "backup/crm-" + day.toString().replace("-", "") + ".sql.gz";
            write(bucket.resolve(key), dump, backupAt);
            out.add(new Request(instant(backupAt), BACKUP_HOST, "PutObject", key, null, 200, null, dump.length,
                    "aws-cli/1.22.34 Python/3.10.12 Linux/5.15.0-1053-aws botocore/1.23.34",
                    requester(account, "crm-backup"), "AKIAXBACKUPROLE7QZ2M", id(), null));
            int views = 8 + random.nextInt(20);
            for (int i = 0; i < views; i++) {
                int which = random.nextInt(MARKETING.size());
                out.add(new Request(instant(day.atTime(8, 0).plusSeconds(random.nextInt(14 * 3600))), publicAddress(),
                        "GetObject", MARKETING.get(which), null, 200, null, marketingSizes[which], BROWSER, null,
                        null, id(), "https://www.lakeview-residence.example/"));
            }
            int scans = random.nextInt(4);
            for (int i = 0; i < scans; i++) {
                String probe = random.nextBoolean() ? ".env" : "wp-login.php";
                out.add(new Request(instant(day.atTime(0, 0).plusSeconds(random.nextInt(86_400))), "45.148."
                        + random.nextInt(256) + "." + random.nextInt(256), "GetObject", probe, null, 403,
                        "AccessDenied", 0, "python-requests/2.31.0", null, null, id(), null));
            }
        }
        return out;
    }

    private String publicAddress() {
        int[] firsts = {36, 42, 58, 101, 112, 120, 183, 218};
        return firsts[random.nextInt(firsts.length)] + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    private String requester(String account, String user) {
        return provider == Provider.OSS ? account : account + user;
    }

    private String id() {
        return AccessLogWriter.requestId(provider, random);
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(Scenario.OFFICE_ZONE).toInstant();
    }

    private static void write(Path file, byte[] bytes, LocalDateTime time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(instant(time)));
    }
}
