package org.huisu.scenario.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.huisu.scenario.DayBatch;
import org.huisu.scenario.Layout;
import org.huisu.scenario.Media;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.Upload;
import org.huisu.scenario.cloud.AccessKey;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.cloud.UploadClient;
import org.huisu.scenario.world.Broker;
import org.huisu.scenario.world.Camera;
import org.huisu.scenario.world.Capture;
import org.huisu.scenario.world.FeatureVectors;
import org.huisu.scenario.world.Person;
import org.huisu.scenario.world.Seeds;
import org.huisu.scenario.world.Visit;
import org.huisu.scenario.world.World;

/**
 * The image server as seized: its face-analysis database, capture and upload logs, the cron line
 * and script that upload and delete, the upload client's configuration and its network identity.
 */
public final class ImageServerWriter {

    public static final String HOSTNAME = "img-server-01";
    public static final String LAN_ADDRESS = "192.168.10.20";
    public static final String MAC = "52:54:00:3a:91:0c";
    public static final String DATABASE = "/opt/facecap/data/face_analysis.db";
    public static final String SCRIPT = "/opt/facecap/bin/daily_upload.sh";
    public static final String CRON = "/etc/cron.d/facecap-upload";
    public static final String UPLOAD_LOG = "/var/log/facecap/upload.log";
    public static final String CAPTURE_LOG = "/var/log/facecap/capture.log";

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final World world;
    private final Layout layout;
    private final UploadClient client;
    private final Path root;

    public ImageServerWriter(World world, Layout layout, UploadClient client) {
        this.world = world;
        this.layout = layout;
        this.client = client;
        this.root = layout.server();
    }

    public void write(List<DayBatch> days) throws IOException, SQLException {
        writeDatabase(days);
        writeCaptureLogs(days);
        writeUploadLog(days);
        writeSchedule(days);
        writeClientConfiguration();
        writeNetwork();
        writeHistory(days);
    }

    private Path file(String absolute) throws IOException {
        Path p = root.resolve(absolute.substring(1));
        Files.createDirectories(p.getParent());
        return p;
    }

    private void text(String absolute, String content, LocalDateTime modified) throws IOException {
        Path p = file(absolute);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        touch(p, modified);
    }

    private static void touch(Path p, LocalDateTime modified) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(modified.atZone(Scenario.OFFICE_ZONE).toInstant()));
    }

    private LocalDateTime seizure() {
        return world.scenario().lastDay().atTime(18, 45);
    }

    // ------------------------------------------------------------------ database

    private void writeDatabase(List<DayBatch> days) throws IOException, SQLException {
        Path db = file(DATABASE);
        Files.deleteIfExists(db);
        long seed = world.scenario().seed();
        Map<Person, List<Capture>> byPerson = new LinkedHashMap<>();
        for (Capture c : world.captures()) {
            byPerson.computeIfAbsent(c.visit().person(), p -> new ArrayList<>()).add(c);
        }
        Map<Visit, List<Capture>> byVisit = world.capturesByVisit();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE camera (camera_id TEXT PRIMARY KEY, location TEXT, ip TEXT, mac TEXT,"
                        + " rtsp_url TEXT)");
                s.execute("CREATE TABLE broker (broker_id TEXT PRIMARY KEY, name TEXT, agency TEXT, phone TEXT,"
                        + " id_card TEXT)");
                s.execute("CREATE TABLE person (person_id TEXT PRIMARY KEY, first_seen TEXT, last_seen TEXT,"
                        + " visit_count INTEGER, customer_type TEXT, broker_id TEXT REFERENCES broker(broker_id),"
                        + " template BLOB)");
                s.execute("CREATE TABLE visit (visit_id TEXT PRIMARY KEY, person_id TEXT REFERENCES person(person_id),"
                        + " visit_date TEXT, arrived_at TEXT, left_at TEXT, customer_type TEXT, broker_id TEXT,"
                        + " commission_status TEXT)");
                s.execute("CREATE TABLE face_capture (id INTEGER PRIMARY KEY, capture_id TEXT UNIQUE, camera_id TEXT,"
                        + " captured_at TEXT, image_path TEXT, quality REAL, person_id TEXT, match_score REAL,"
                        + " feature BLOB)");
                s.execute("CREATE INDEX face_capture_person ON face_capture(person_id)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO camera VALUES (?, ?, ?, ?, ?)")) {
                for (Camera cam : world.cameras()) {
                    ps.setString(1, cam.id());
                    ps.setString(2, cam.place());
                    ps.setString(3, cam.address());
                    ps.setString(4, cam.mac());
                    ps.setString(5, "rtsp://admin:******@" + cam.address() + ":554/Streaming/Channels/101");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO broker VALUES (?, ?, ?, ?, ?)")) {
                for (Broker b : world.brokers()) {
                    ps.setString(1, b.id());
                    ps.setString(2, b.name());
                    ps.setString(3, b.agency());
                    ps.setString(4, b.phone());
                    ps.setString(5, b.idNumber());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Person, List<Capture>> e : byPerson.entrySet()) {
                    Person p = e.getKey();
                    List<Capture> seen = e.getValue();
                    ps.setString(1, p.id());
                    ps.setString(2, SECONDS.format(seen.get(0).time()));
                    ps.setString(3, SECONDS.format(seen.get(seen.size() - 1).time()));
                    ps.setLong(4, seen.stream().map(Capture::visit).distinct().count());
                    ps.setString(5, p.customerType());
                    ps.setString(6, p.broker() == null ? null : p.broker().id());
                    ps.setBytes(7, FeatureVectors.bytes(FeatureVectors.base(seed, p)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Visit v : world.visits()) {
                    List<Capture> seen = byVisit.get(v);
                    ps.setString(1, v.id());
                    ps.setString(2, v.person().id());
                    ps.setString(3, v.arrival().toLocalDate().toString());
                    ps.setString(4, SECONDS.format(v.arrival()));
                    ps.setString(5, SECONDS.format(seen.get(seen.size() - 1).time()));
                    ps.setString(6, v.person().customerType());
                    ps.setString(7, v.person().broker() == null ? null : v.person().broker().id());
                    ps.setString(8, v.person().broker() == null ? null
                            : world.uploaded(v.arrival().toLocalDate()) ? "SETTLED" : "PENDING");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO face_capture (capture_id, camera_id,"
                    + " captured_at, image_path, quality, person_id, match_score, feature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Capture cap : world.captures()) {
                    float[] vector = FeatureVectors.of(seed, cap);
                    ps.setString(1, cap.id());
                    ps.setString(2, cap.camera().id());
                    ps.setString(3, LOG_TIME.format(cap.time()));
                    ps.setString(4, "/data/capture/" + cap.relativePath());
                    ps.setDouble(5, Math.round(cap.quality() * 1000) / 1000.0);
                    ps.setString(6, cap.visit().person().id());
                    ps.setDouble(7, Math.round(FeatureVectors.cosine(vector,
                            FeatureVectors.base(seed, cap.visit().person())) * 1000) / 1000.0);
                    ps.setBytes(8, FeatureVectors.bytes(vector));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        touch(db, seizure().minusMinutes(3));
    }

    // ------------------------------------------------------------------ logs

    /** One capture log a day, rotated the Debian way: .log, .log.1, then .log.N.gz. */
    private void writeCaptureLogs(List<DayBatch> days) throws IOException {
        List<DayBatch> newestFirst = new ArrayList<>(days);
        newestFirst.sort(Comparator.comparing(DayBatch::day).reversed());
        for (int age = 0; age < newestFirst.size(); age++) {
            DayBatch day = newestFirst.get(age);
            StringBuilder log = new StringBuilder();
            List<Media> ordered = new ArrayList<>(day.media());
            ordered.sort(Comparator.comparing(Media::written));
            for (Media m : ordered) {
                String at = LOG_TIME.format(m.written());
                String path = "/data/capture/" + m.relative();
                switch (m.kind()) {
                    case CROP -> {
                        Capture c = m.capture();
                        int track = 5000 + c.visit().index();
                        log.append(at).append(" INFO  [capture] ").append(c.camera().id())
                                .append(" face captured id=").append(c.id()).append(" track=").append(track)
                                .append(" quality=").append(String.format("%.3f", c.quality())).append(" file=")
                                .append(path).append('\n');
                        Person p = c.visit().person();
                        log.append(LOG_TIME.format(m.written().plusNanos(180_000_000L))).append(" INFO  [match] id=")
                                .append(c.id()).append(" person=").append(p.id()).append(" type=")
                                .append(p.customerType()).append(p.broker() == null ? "" : " broker=" + p.broker().id())
                                .append('\n');
                    }
                    case SCENE -> log.append(at).append(" INFO  [scene] visit=").append(m.visit().id())
                            .append(" saved ").append(path).append('\n');
                    case CLIP -> log.append(at).append(" INFO  [clip] visit=").append(m.visit().id())
                            .append(" saved ").append(path).append(" (").append(m.size()).append(" bytes)\n");
                }
            }
            LocalDateTime end = day.day().atTime(23, 59, 59);
            if (age == 0) {
                text(CAPTURE_LOG, log.toString(), ordered.get(ordered.size() - 1).written());
            } else if (age == 1) {
                text(CAPTURE_LOG + ".1", log.toString(), end);
            } else {
                Path p = file(CAPTURE_LOG + "." + age + ".gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                    out.write(log.toString().getBytes(StandardCharsets.UTF_8));
                }
                touch(p, end);
            }
        }
    }

    /** What the nightly script printed: its own timestamped lines, as the cron line appends them. */
    private void writeUploadLog(List<DayBatch> days) throws IOException {
        Provider provider = layout.provider();
        StringBuilder log = new StringBuilder();
        LocalDateTime last = null;
        for (DayBatch day : days) {
            if (!day.uploaded()) {
                continue;
            }
            DayBatch.Job job = day.job();
            String dayText = day.day().format(DateTimeFormatter.BASIC_ISO_DATE);
            long images = day.media().stream().filter(m -> m.kind() == Media.Kind.CROP).count();
            log.append(stamp(job.started())).append(" daily upload of ").append(dayText).append(" started: ")
                    .append(images).append(" images\n");
            log.append(stamp(job.packed())).append(" packed ").append(job.archive().localPath()).append(" (")
                    .append(job.archive().size()).append(" bytes)\n");
            log.append(uploadLine(provider, job.archive()));
            for (Upload u : job.photos()) {
                log.append(uploadLine(provider, u));
            }
            String source = "/data/capture/" + dayText;
            log.append(stamp(job.removed())).append(" removed ").append(source).append(" and ")
                    .append(job.archive().localPath()).append('\n');
            last = job.removed();
        }
        text(UPLOAD_LOG, log.toString(), last == null ? seizure() : last);
    }

    private static String uploadLine(Provider provider, Upload u) {
        return stamp(u.time()) + " uploaded " + u.localPath() + " -> " + provider.uri(u.key()) + "\n";
    }

    private static String stamp(LocalDateTime t) {
        return "[" + SECONDS.format(t) + "]";
    }

    // ------------------------------------------------------------------ schedule and script

    private void writeSchedule(List<DayBatch> days) throws IOException {
        LocalDateTime installed = world.scenario().firstDay().minusDays(20).atTime(16, 12, 7);
        text("/etc/crontab", """
                # /etc/crontab: system-wide crontab
                SHELL=/bin/sh
                PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

                # m h dom mon dow user\tcommand
                17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly
                25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }
                47 6\t* * 7\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }
                52 6\t1 * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.monthly; }
                """, installed.minusDays(200));
        text(CRON, "# nightly: pack yesterday's captures, upload them, free the disk\n"
                + "MAILTO=\"\"\n"
                + "30 2 * * * facecap " + SCRIPT + " >> " + UPLOAD_LOG + " 2>&1\n", installed);
        Provider provider = layout.provider();
        String script = """
                #!/bin/bash
                # Daily upload of face captures to cloud storage, then local clean-up.
                set -u
                BUCKET=%s
                DAY=$(date -d yesterday +%%Y%%m%%d)
                DAYPATH=$(date -d yesterday +%%Y/%%m/%%d)
                SRC=/data/capture/$DAY
                ARCHIVE=/data/archive/faces-$DAY.tar.gz

                log() { echo "[$(date '+%%F %%T')] $*"; }

                [ -d "$SRC" ] || { log "nothing to upload for $DAY"; exit 0; }
                log "daily upload of $DAY started: $(find "$SRC" -path '*/cam*/*.jpg' | wc -l) images"
                mkdir -p /data/archive
                tar czf "$ARCHIVE" -C /data/capture "$DAY"
                log "packed $ARCHIVE ($(stat -c %%s "$ARCHIVE") bytes)"
                %s && log "uploaded $ARCHIVE -> %s://$BUCKET/archives/$DAYPATH/$(basename "$ARCHIVE")"
                find "$SRC" -path '*/cam*/*.jpg' | sort | while read -r f; do
                  %s && log "uploaded $f -> %s://$BUCKET/faces/$DAYPATH/$(basename "$f")"
                done
                rm -rf "$SRC" "$ARCHIVE"
                log "removed $SRC and $ARCHIVE"
                """.formatted(provider.bucket(), client.copyLine(provider, "$ARCHIVE", "archives/$DAYPATH/"),
                provider == Provider.OSS ? "oss" : "s3", client.copyLine(provider, "$f", "faces/$DAYPATH/"),
                provider == Provider.OSS ? "oss" : "s3");
        Path p = file(SCRIPT);
        Files.writeString(p, script, StandardCharsets.UTF_8);
        touch(p, installed.plusMinutes(3));
        text("/opt/facecap/conf/facecap.yaml", cameraConfig(), installed.minusDays(2));
    }

    private String cameraConfig() {
        StringBuilder b = new StringBuilder("# face capture service\ncapture_root: /data/capture\n"
                + "database: " + DATABASE + "\nmatch_threshold: 0.62\ncameras:\n");
        for (Camera c : world.cameras()) {
            b.append("  - id: ").append(c.id()).append("\n    location: ").append(c.place())
                    .append("\n    url: rtsp://admin:Lakeview@2023@").append(c.address())
                    .append(":554/Streaming/Channels/101\n");
        }
        return b.toString();
    }

    private void writeClientConfiguration() throws IOException {
        AccessKey key = AccessKey.of(layout.provider(), world.scenario().seed(), "uploader");
        LocalDateTime configured = world.scenario().firstDay().minusDays(20).atTime(15, 40, 2);
        for (Map.Entry<String, String> e : client.configuration(layout.provider(), key.id(), key.secret()).entrySet()) {
            text("/home/facecap/" + e.getKey(), e.getValue(), configured);
        }
    }

    // ------------------------------------------------------------------ identity

    private void writeNetwork() throws IOException {
        LocalDateTime installed = world.scenario().firstDay().minusDays(45).atTime(11, 2, 44);
        text("/etc/hostname", HOSTNAME + "\n", installed);
        text("/etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\t" + HOSTNAME + "\n" + LAN_ADDRESS + "\t" + HOSTNAME
                + ".lakeview.local " + HOSTNAME + "\n\n::1\tlocalhost ip6-localhost ip6-loopback\n", installed);
        text("/etc/network/interfaces", """
                # This file describes the network interfaces available on your system
                source /etc/network/interfaces.d/*

                auto lo
                iface lo inet loopback

                # office LAN
                auto eno1
                iface eno1 inet static
                    hwaddress ether %s
                    address %s/24
                    gateway 192.168.10.1
                    dns-nameservers 192.168.10.1 223.5.5.5
                """.formatted(MAC, LAN_ADDRESS), installed);
    }

    private void writeHistory(List<DayBatch> days) throws IOException {
        Random r = Seeds.stream(world.scenario().seed(), "history", 0);
        Provider provider = layout.provider();
        String list = switch (client) {
            case AWS_CLI -> "aws s3 ls s3://" + provider.bucket() + "/faces/ --recursive | tail";
            case OSSUTIL -> "ossutil ls oss://" + provider.bucket() + "/faces/ | tail";
            case MINIO_MC -> "mc ls --recursive office/" + provider.bucket() + "/faces/ | tail";
        };
        String history = String.join("\n",
                "cd /opt/facecap", "vi conf/facecap.yaml", "systemctl restart facecap", "df -h /data",
                "ls /data/capture", "bash -x " + SCRIPT, list, "tail -n 50 " + UPLOAD_LOG,
                "sqlite3 " + DATABASE + " 'select count(*) from face_capture'",
                "du -sh /data/capture/*", "crontab -l", "cat " + CRON) + "\n";
        text("/home/facecap/.bash_history", history,
                world.scenario().lastDay().atTime(9, 12).plusSeconds(r.nextInt(600)));
    }
}
