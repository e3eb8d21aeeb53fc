package org.huisu.scenario.phone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.huisu.core.hash.Digests;
import org.huisu.scenario.Layout;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.cloud.AccessKey;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.world.FeatureVectors;
import org.huisu.scenario.world.Seeds;
import org.huisu.scenario.world.World;

/**
 * The seized sales phone as an extraction tool leaves it: {@code data/data/<package>/} with the
 * app's database, its preferences (endpoint, bucket, key) and Glide's image cache holding some of
 * the photos the phone displayed, byte for byte.
 */
public final class PhoneWriter {

    private final World world;
    private final Layout layout;

    public PhoneWriter(World world, Layout layout) {
        this.world = world;
        this.layout = layout;
    }

    /** What was written: rows of the app database and photos in the cache. */
    public record Written(int rows, List<String> cachedKeys, Path database) {
    }

    public Written write(List<SalesApp.Entry> entries) throws IOException, SQLException {
        Path app = layout.phone().resolve("data/data").resolve(SalesApp.PACKAGE);
        Path db = app.resolve("databases/sales_assistant.db");
        Files.createDirectories(db.getParent());
        Files.deleteIfExists(db);
        SalesApp.StaffPhone self = SalesApp.PHONES.get(0);
        long seed = world.scenario().seed();
        Instant lastSync = world.scenario().lastDay().atTime(8, 55).atZone(Scenario.OFFICE_ZONE).toInstant();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE android_metadata (locale TEXT)");
                s.execute("INSERT INTO android_metadata VALUES ('zh_CN')");
                s.execute("CREATE TABLE visit_record (_id INTEGER PRIMARY KEY AUTOINCREMENT, visit_no TEXT NOT NULL,"
                        + " customer_id TEXT, visit_time INTEGER, customer_type INTEGER, broker_id TEXT, broker_name"
                        + " TEXT, broker_phone TEXT, face_url TEXT, face_feature TEXT, sales_user TEXT, opened INTEGER)");
                s.execute("CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_record (visit_no, customer_id,"
                    + " visit_time, customer_type, broker_id, broker_name, broker_phone, face_url, face_feature,"
                    + " sales_user, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SalesApp.Entry e : entries) {
                    var person = e.visit().person();
                    float[] feature = FeatureVectors.of(seed, e.photo().media().capture());
                    ps.setString(1, e.visit().id());
                    ps.setString(2, person.id());
                    ps.setLong(3, e.visit().arrival().atZone(Scenario.OFFICE_ZONE).toInstant().toEpochMilli());
                    ps.setInt(4, person.broker() == null ? 1 : 2);
                    ps.setString(5, person.broker() == null ? null : person.broker().id());
                    ps.setString(6, person.broker() == null ? null : person.broker().name());
                    ps.setString(7, person.broker() == null ? null : person.broker().phone());
                    ps.setString(8, e.url());
                    ps.setString(9, Base64.getEncoder().encodeToString(FeatureVectors.bytes(feature)));
                    ps.setString(10, e.views().isEmpty() ? self.user() : e.views().get(0).phone().user());
                    ps.setInt(11, e.views().stream().anyMatch(v -> v.phone() == self) ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state VALUES (?, ?)")) {
                ps.setString(1, "last_sync");
                ps.setString(2, Long.toString(lastSync.toEpochMilli()));
                ps.execute();
            }
            c.commit();
        }
        Files.setLastModifiedTime(db, FileTime.from(lastSync));
        writePreferences(app, self, lastSync);
        List<String> cached = writeCache(app, entries, self);
        return new Written(entries.size(), cached, db);
    }

    private void writePreferences(Path app, SalesApp.StaffPhone self, Instant lastSync) throws IOException {
        Provider provider = layout.provider();
        AccessKey key = AccessKey.of(provider, world.scenario().seed(), "app");
        Path prefs = app.resolve("shared_prefs").resolve(SalesApp.PACKAGE + "_preferences.xml");
        Files.createDirectories(prefs.getParent());
        Files.writeString(prefs, """
                <?xml version='1.0' encoding='utf-8' standalone='yes' ?>
                <map>
                    <string name="storage_endpoint">https://%s</string>
                    <string name="storage_bucket">%s</string>
                    <string name="storage_region">%s</string>
                    <string name="access_key_id">%s</string>
                    <string name="access_key_secret">%s</string>
                    <string name="login_user">%s</string>
                    <string name="login_name">%s</string>
                    <long name="last_sync" value="%d" />
                    <boolean name="show_face_photo" value="true" />
                </map>
                """.formatted(provider.endpointHost(), provider.bucket(), provider.region(), key.id(), key.secret(),
                self.user(), self.name(), lastSync.toEpochMilli()), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(prefs, FileTime.from(lastSync));
    }

    /**
     * Glide keeps what it displayed in a DiskLruCache: {@code <sha256 of the key>.0} files and a
     * journal. About two in three of the photos this phone opened are still there.
     */
    private List<String> writeCache(Path app, List<SalesApp.Entry> entries, SalesApp.StaffPhone self)
            throws IOException {
        Path cache = app.resolve("cache/image_manager_disk_cache");
        Files.createDirectories(cache);
        Random r = Seeds.stream(world.scenario().seed(), "glide", 0);
        StringBuilder journal = new StringBuilder("libcore.io.DiskLruCache\n1\n1\n1\n\n");
        List<String> cachedKeys = new ArrayList<>();
        Instant last = null;
        for (SalesApp.Entry e : entries) {
            var mine = e.views().stream().filter(v -> v.phone() == self).toList();
            if (mine.isEmpty() || r.nextDouble() > 0.66) {
                continue;
            }
            String name = Digests.sha256(e.url());
            Path file = cache.resolve(name + ".0");
            Files.copy(layout.bucket().resolve(e.photo().key()), file);
            Instant seen = mine.get(0).time().plusMillis(300);
            Files.setLastModifiedTime(file, FileTime.from(seen));
            journal.append("DIRTY ").append(name).append('\n').append("CLEAN ").append(name).append(' ')
                    .append(e.photo().size()).append('\n');
            for (int i = 1; i < mine.size(); i++) {
                journal.append("READ ").append(name).append('\n');
            }
            cachedKeys.add(e.photo().key());
            last = last == null || seen.isAfter(last) ? seen : last;
        }
        Path journalFile = cache.resolve("journal");
        Files.writeString(journalFile, journal, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(journalFile, FileTime.from(last != null ? last
                : world.scenario().firstDay().atStartOfDay(Scenario.OFFICE_ZONE).toInstant()));
        return cachedKeys;
    }
}
