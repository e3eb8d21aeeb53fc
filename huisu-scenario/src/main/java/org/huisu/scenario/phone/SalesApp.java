package org.huisu.scenario.phone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huisu.core.hash.Digests;
import org.huisu.scenario.DayBatch;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.Upload;
import org.huisu.scenario.cloud.AccessKey;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.world.Capture;
import org.huisu.scenario.world.Seeds;
import org.huisu.scenario.world.Visit;
import org.huisu.scenario.world.World;

/**
 * The sales staff's phone app: a visit list synchronised from the office, each visit with the
 * address of its face photo in the bucket, and the staff opening those photos on their phones.
 */
public final class SalesApp {

    public static final String PACKAGE = "com.lakeview.salesassistant";

    /** A sales phone: its user and the mobile addresses it reached the bucket from. */
    public record StaffPhone(String id, String user, String name, List<String> addresses, String userAgent) {
    }

    /** The seized phone and two others whose traffic is in the bucket's logs. */
    public static final List<StaffPhone> PHONES = List.of(
            new StaffPhone("phone-01", "sales_zhao", "赵敏", List.of("223.104.3.17", "223.104.3.88", "223.104.5.203"),
                    "okhttp/4.12.0"),
            new StaffPhone("phone-02", "sales_li", "李强", List.of("117.136.12.54", "117.136.40.9"), "okhttp/4.12.0"),
            new StaffPhone("phone-03", "sales_wang", "王芳", List.of("39.144.17.231"), "okhttp/4.9.3"));

    /** One time a staff member opened a visit's photo. */
    public record View(Instant time, StaffPhone phone, String address) {
    }

    /** A visit as the app lists it, with the photo it shows and who opened it when. */
    public record Entry(Visit visit, Upload photo, String url, String query, List<View> views) {
    }

    private SalesApp() {
    }

    /** Every visit of the uploaded days, its first face photo, and the views of it. */
    public static List<Entry> plan(World world, List<DayBatch> days, Provider provider) {
        long seed = world.scenario().seed();
        AccessKey appKey = AccessKey.of(provider, seed, "app");
        Map<Visit, List<Capture>> byVisit = world.capturesByVisit();
        List<Entry> entries = new ArrayList<>();
        for (DayBatch day : days) {
            if (!day.uploaded()) {
                continue;
            }
            for (Visit v : world.visitsOf(day.day())) {
                Capture first = byVisit.get(v).get(0);
                Upload photo = day.job().photos().stream().filter(u -> u.media().capture() == first).findFirst()
                        .orElseThrow();
                Random r = Seeds.stream(seed, "app-visit", v.index());
                LocalDateTime signedAt = day.job().removed().plusMinutes(10);
                String query = r.nextDouble() < 0.3 ? signature(provider, appKey, photo.key(), signedAt, r) : null;
                String url = provider.objectUrl(photo.key()) + (query == null ? "" : "?" + query);
                List<View> views = new ArrayList<>();
                int count = 1 + r.nextInt(3);
                for (int i = 0; i < count; i++) {
                    LocalDateTime at = day.day().plusDays(1 + r.nextInt(3)).atTime(9, 30)
                            .plusSeconds(r.nextInt(9 * 3600));
                    if (!at.isBefore(world.scenario().lastDay().atTime(18, 0))) {
                        continue;
                    }
                    StaffPhone phone = PHONES.get(r.nextInt(PHONES.size()));
                    views.add(new View(at.atZone(Scenario.OFFICE_ZONE).toInstant(), phone,
                            phone.addresses().get(r.nextInt(phone.addresses().size()))));
                }
                views.sort(Comparator.comparing(View::time));
                entries.add(new Entry(v, photo, url, query, List.copyOf(views)));
            }
        }
        return entries;
    }

    /** A pre-signed read of the key, valid a week, as the app's backend hands them out. */
    private static String signature(Provider provider, AccessKey key, String objectKey, LocalDateTime at, Random r) {
        Instant when = at.atZone(Scenario.OFFICE_ZONE).toInstant();
        if (provider == Provider.OSS) {
            String sig = Digests.sha256(objectKey + r.nextLong()).substring(0, 27);
            return "Expires=" + (when.getEpochSecond() + 7 * 86400) + "&OSSAccessKeyId=" + key.id() + "&Signature="
                    + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sig + "0"))
                    .replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
        }
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(when.atZone(ZoneOffset.UTC));
        return "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + key.id() + "%2F" + date.substring(0, 8) + "%2F"
                + provider.region() + "%2Fs3%2Faws4_request&X-Amz-Date=" + date + "&X-Amz-Expires=604800"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + Digests.sha256(objectKey + r.nextLong());
    }
}
