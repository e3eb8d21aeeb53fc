package org.huisu.scenario;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.scenario.cloud.AccessKey;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.cloud.Request;
import org.huisu.scenario.cloud.Traffic;
import org.huisu.scenario.cloud.UploadClient;
import org.huisu.scenario.phone.PhoneWriter;
import org.huisu.scenario.phone.SalesApp;
import org.huisu.scenario.router.RouterWriter;
import org.huisu.scenario.server.ImageServerWriter;
import org.huisu.scenario.world.Camera;
import org.huisu.scenario.world.Capture;
import org.huisu.scenario.world.World;

/**
 * What really happened in a generated case — the chain, its actors and addresses, the counts, every
 * upload and deletion — written as {@code truth.json}. Tests compare Huisu's findings with it;
 * Huisu's analysis never reads it.
 */
public final class Truth {

    private final Map<String, Object> json;
    private final Map<String, Long> counts;

    private Truth(Map<String, Object> json, Map<String, Long> counts) {
        this.json = json;
        this.counts = counts;
    }

    public Map<String, Object> json() {
        return json;
    }

    /** The counts block: faceImagesCaptured, faceImagesUploaded, faceImagesDeleted… */
    public Map<String, Long> counts() {
        return counts;
    }

    static Truth of(World world, Layout layout, UploadClient client, List<DayBatch> days, List<SalesApp.Entry> app,
            PhoneWriter.Written phone, List<Request> requests) {
        Scenario s = world.scenario();
        Provider provider = layout.provider();
        List<Media> all = days.stream().flatMap(d -> d.media().stream()).toList();
        List<Media> crops = all.stream().filter(m -> m.kind() == Media.Kind.CROP).toList();
        List<DayBatch> uploaded = days.stream().filter(DayBatch::uploaded).toList();
        List<Upload> photoUploads = uploaded.stream().flatMap(d -> d.job().photos().stream()).toList();
        List<Upload> archiveUploads = uploaded.stream().map(d -> d.job().archive()).toList();
        Set<String> unique = new HashSet<>();
        crops.forEach(m -> unique.add(m.sha256()));
        List<Request> related = requests.stream().filter(r -> r.key() == null || r.key().startsWith("faces/")
                || r.key().startsWith("archives/")).filter(r -> !r.remoteAddress().startsWith("45.")).toList();

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("faceImagesCaptured", (long) crops.size());
        counts.put("faceImagesUploaded", (long) photoUploads.size());
        counts.put("faceImagesDeleted", uploaded.stream().flatMap(d -> d.media().stream())
                .filter(m -> m.kind() == Media.Kind.CROP).count());
        counts.put("faceImagesOnServer", days.stream().filter(d -> !d.uploaded()).flatMap(d -> d.media().stream())
                .filter(m -> m.kind() == Media.Kind.CROP).count());
        counts.put("uniqueFaceImages", (long) unique.size());
        counts.put("sceneFrames", all.stream().filter(m -> m.kind() == Media.Kind.SCENE).count());
        counts.put("clips", all.stream().filter(m -> m.kind() == Media.Kind.CLIP).count());
        counts.put("clipsDeleted", uploaded.stream().flatMap(d -> d.media().stream())
                .filter(m -> m.kind() == Media.Kind.CLIP).count());
        counts.put("archivesUploaded", (long) archiveUploads.size());
        counts.put("featureVectors", (long) world.captures().size());
        counts.put("personTemplates", world.captures().stream().map(c -> c.visit().person()).distinct().count());
        counts.put("persons", world.captures().stream().map(c -> c.visit().person()).distinct().count());
        counts.put("visits", (long) world.visits().size());
        counts.put("brokers", (long) world.brokers().size());
        counts.put("appRecords", (long) phone.rows());
        counts.put("phoneCachedPhotos", (long) phone.cachedKeys().size());
        counts.put("photoViews", app.stream().mapToLong(e -> e.views().size()).sum());
        counts.put("requestsOfTheChain", (long) related.size());
        counts.put("requestsUnrelated", (long) (requests.size() - related.size()));

        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("seed", s.seed());
        scenario.put("records", s.records());
        scenario.put("days", s.days());
        scenario.put("provider", provider.cliName());
        scenario.put("uploadClient", client.program());
        scenario.put("firstDay", s.firstDay().toString());
        scenario.put("lastDay", s.lastDay().toString());
        scenario.put("timeZone", Scenario.OFFICE_ZONE.getId());
        json.put("scenario", scenario);
        json.put("layout", Map.of("server", rel(layout, layout.server()), "phone", rel(layout, layout.phone()),
                "router", rel(layout, layout.router()), "bucketLogs", rel(layout, layout.bucketLogs()),
                "bucket", rel(layout, layout.bucket())));
        json.put("bucket", Map.of("name", provider.bucket(), "endpoint", provider.endpointHost(), "region",
                provider.region(), "relatedPrefixes", List.of("faces/", "archives/"),
                "unrelatedPrefixes", List.of("backup/", "marketing/")));
        json.put("actors", actors(world, layout, client));
        json.put("chain", chain(world, layout, client, crops, uploaded, photoUploads, archiveUploads, app));
        json.put("counts", counts);
        List<Map<String, Object>> uploads = new ArrayList<>();
        for (DayBatch d : uploaded) {
            uploads.add(upload(d.job().archive(), "archive"));
            for (Upload u : d.job().photos()) {
                uploads.add(upload(u, "faceImage"));
            }
        }
        json.put("uploads", uploads);
        List<String> deleted = new ArrayList<>();
        for (DayBatch d : uploaded) {
            for (Media m : d.media()) {
                deleted.add(DayRenderer.CAPTURE_ROOT + "/" + m.relative());
            }
            deleted.add(d.job().archive().localPath());
        }
        json.put("deleted", deleted);
        json.put("phone", Map.of("package", SalesApp.PACKAGE, "user", SalesApp.PHONES.get(0).user(),
                "cachedKeys", phone.cachedKeys()));
        return new Truth(json, counts);
    }

    private static String rel(Layout layout, java.nio.file.Path p) {
        return layout.root().relativize(p).toString();
    }

    private static Map<String, Object> upload(Upload u, String what) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", what);
        m.put("key", u.key());
        m.put("localPath", u.localPath());
        m.put("time", time(u.time()));
        m.put("size", u.size());
        m.put("sha256", u.sha256());
        return m;
    }

    private static List<Map<String, Object>> actors(World world, Layout layout, UploadClient client) {
        List<Map<String, Object>> actors = new ArrayList<>();
        actors.add(actor("host", ImageServerWriter.HOSTNAME, List.of(ImageServerWriter.LAN_ADDRESS,
                ImageServerWriter.MAC), "image server: captures, analyses, packs, uploads and deletes"));
        actors.add(actor("host", RouterWriter.HOSTNAME, List.of(RouterWriter.LAN_ADDRESS, Traffic.OFFICE_WAN),
                "office router: the public address the uploads come from"));
        for (Camera c : world.cameras()) {
            actors.add(actor("camera", c.id(), List.of(c.address(), c.mac()), "face-capture camera at " + c.place()));
        }
        actors.add(actor("job", "facecap-upload", List.of(), "cron 30 2 * * * running "
                + ImageServerWriter.SCRIPT + " with " + client.program()));
        actors.add(actor("access-key", AccessKey.of(layout.provider(), world.scenario().seed(), "uploader").id(),
                List.of(), "the key the nightly job uploads with"));
        for (SalesApp.StaffPhone p : SalesApp.PHONES) {
            actors.add(actor("app-user", p.user(), p.addresses(), "sales staff " + p.name() + " on " + p.id()));
        }
        return actors;
    }

    private static Map<String, Object> actor(String kind, String name, List<String> addresses, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        m.put("addresses", addresses);
        m.put("role", role);
        return m;
    }

    private static List<Map<String, Object>> chain(World world, Layout layout, UploadClient client, List<Media> crops,
            List<DayBatch> uploaded, List<Upload> photoUploads, List<Upload> archiveUploads, List<SalesApp.Entry> app) {
        String server = ImageServerWriter.HOSTNAME;
        Provider provider = layout.provider();
        List<Capture> captures = world.captures();
        LocalDateTime firstCapture = captures.get(0).time();
        LocalDateTime lastCapture = captures.get(captures.size() - 1).time();
        List<String> cameraNames = world.cameras().stream().map(Camera::id).toList();
        List<Map<String, Object>> chain = new ArrayList<>();
        chain.add(stage("COLLECT", "CAPTURE", concat(cameraNames, server), List.of(server + ":/data/capture"),
                firstCapture, lastCapture, crops.size()));
        chain.add(stage("ANALYZE", "EXTRACT_FACES", List.of(server), List.of(server + ":" + ImageServerWriter.DATABASE),
                firstCapture, lastCapture, captures.size()));
        chain.add(stage("IDENTIFY", "MATCH", List.of(server), List.of(server + ":" + ImageServerWriter.DATABASE),
                firstCapture, lastCapture, captures.stream().map(c -> c.visit().person()).distinct().count()));
        List<SalesApp.View> views = app.stream().flatMap(e -> e.views().stream()).toList();
        chain.add(stage("USE", "VIEW", SalesApp.PHONES.stream().map(SalesApp.StaffPhone::user).toList(),
                List.of(Layout.PHONE + ":/data/data/" + SalesApp.PACKAGE), views.isEmpty() ? null
                        : LocalDateTime.ofInstant(views.stream().map(SalesApp.View::time).min(Instant::compareTo)
                                .orElseThrow(), Scenario.OFFICE_ZONE),
                views.isEmpty() ? null : LocalDateTime.ofInstant(views.stream().map(SalesApp.View::time)
                        .max(Instant::compareTo).orElseThrow(), Scenario.OFFICE_ZONE), views.size()));
        LocalDateTime firstUpload = archiveUploads.get(0).time();
        LocalDateTime lastUpload = photoUploads.get(photoUploads.size() - 1).time();
        chain.add(stage("TRANSMIT", "UPLOAD", List.of(server, RouterWriter.HOSTNAME, "facecap-upload"),
                List.of(server + ":/data/capture", provider.uri("faces/"), provider.uri("archives/")), firstUpload,
                lastUpload, photoUploads.size()));
        chain.add(stage("STORE", "STORE", List.of(provider.bucket()),
                List.of(provider.uri("faces/"), provider.uri("archives/")), firstUpload, lastUpload,
                photoUploads.size() + archiveUploads.size()));
        LocalDateTime firstRemoval = uploaded.get(0).job().removed();
        LocalDateTime lastRemoval = uploaded.get(uploaded.size() - 1).job().removed();
        chain.add(stage("DELETE", "DELETE", List.of(server, "facecap-upload"), List.of(server + ":/data/capture"),
                firstRemoval, lastRemoval, uploaded.stream().flatMap(d -> d.media().stream())
                        .filter(m -> m.kind() == Media.Kind.CROP).count()));
        return chain;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    private static Map<String, Object> stage(String stage, String activity, List<String> actors, List<String> locations,
            LocalDateTime from, LocalDateTime to, long records) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stage);
        m.put("activity", activity);
        m.put("actors", actors);
        m.put("locations", locations);
        m.put("from", from == null ? null : time(from));
        m.put("to", to == null ? null : time(to));
        m.put("records", records);
        return m;
    }

    private static String time(LocalDateTime t) {
        OffsetDateTime o = t.atZone(Scenario.OFFICE_ZONE).toOffsetDateTime();
        return o.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString();
    }
}
