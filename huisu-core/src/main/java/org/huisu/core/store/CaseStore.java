package org.huisu.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.huisu.core.Json;
import org.huisu.core.Timestamps;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Category;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Finding;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.NodeType;
import org.huisu.core.model.Ownership;
import org.huisu.core.model.Phase;
import org.huisu.core.model.Relation;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;

/**
 * The case's single results store over JDBC: SQLite in the case folder by default, PostgreSQL
 * for a team. The schema comes from Flyway migrations. One connection; not for concurrent use by
 * several threads.
 */
public final class CaseStore implements AutoCloseable {

    // JUL loggers are held weakly by their manager: keep this one so its level sticks
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    /** The newest migration's version; opening a store at this version skips Flyway. */
    static final int SCHEMA_VERSION = 3;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private CaseStore(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Opens the SQLite store of a case folder, upgrading its schema.
     *
     * @param create whether an empty database may be given the schema; when false, a database
     *     that is not a case's is refused untouched
     */
    public static CaseStore openSqlite(Path database, boolean create) {
        return open("jdbc:sqlite:" + database, null, null, create);
    }

    /** Opens a store by JDBC URL, creating (if allowed) or upgrading its schema. */
    public static CaseStore open(String jdbcUrl, String user, String password, boolean create) {
        SqlDialect dialect = SqlDialect.forUrl(jdbcUrl);
        int version = create ? 0 : requireCaseSchema(jdbcUrl, user, password);
        if (version < SCHEMA_VERSION) {
            // Flyway takes most of a second to start: only when the schema needs it
            migrate(jdbcUrl, user, password, dialect);
        }
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, user, password);
            if (dialect == SqlDialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = FULL");
                    s.execute("PRAGMA busy_timeout = 30000");
                    // 64 MiB of page cache: indexes over hashes take random pages on every insert
                    s.execute("PRAGMA cache_size = -65536");
                }
            }
            return new CaseStore(c, dialect);
        } catch (SQLException e) {
            throw new StoreException("cannot open the case database " + jdbcUrl, e);
        }
    }

    /**
     * Refuses, without changing it, a database that Huisu did not make; returns its schema version.
     */
    private static int requireCaseSchema(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            boolean history = false;
            boolean info = false;
            try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    history |= name.equalsIgnoreCase("schema_history");
                    info |= name.equalsIgnoreCase("case_info");
                }
            }
            if (!history || !info) {
                throw new NotACaseDatabaseException(url + " holds no Huisu case");
            }
            int version = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM schema_history WHERE success = TRUE")) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (v != null && v.matches("\\d+")) {
                        version = Math.max(version, Integer.parseInt(v));
                    }
                }
            }
            return version;
        } catch (SQLException e) {
            throw new NotACaseDatabaseException(url + " cannot be read as a database (" + e.getMessage() + ")");
        }
    }

    /** The database exists but is not a Huisu case database. */
    public static final class NotACaseDatabaseException extends RuntimeException {
        NotACaseDatabaseException(String message) {
            super(message);
        }
    }

    private static void migrate(String url, String user, String password, SqlDialect dialect) {
        Flyway.configure(CaseStore.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:org/huisu/core/store/migration")
                .placeholders(Map.of("id_pk", dialect.idPrimaryKey()))
                .table("schema_history")
                .load()
                .migrate();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- transactions

    /** Work against the store that may fail with SQL errors. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs the work in one transaction: all of it is stored, or none of it.
     */
    public <T> T inTransaction(Work<T> work) throws Exception {
        boolean outer = connection.getAutoCommit();
        if (!outer) {
            return work.run();
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (Exception | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                if (rollback != e) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone; the next use reports it
            }
        }
    }

    // ---------------------------------------------------------------- case information

    public Optional<String> info(String name) {
        return query("SELECT value FROM case_info WHERE name = ?", rs -> rs.getString(1), name)
                .stream().findFirst();
    }

    public void putInfo(String name, String value) {
        int updated = update("UPDATE case_info SET value = ? WHERE name = ?", value, name);
        if (updated == 0) {
            update("INSERT INTO case_info (name, value) VALUES (?, ?)", name, value);
        }
    }

    // ---------------------------------------------------------------- sources

    public Source insertSource(Source s) {
        long id = insertReturningId("INSERT INTO sources (label, kind, locator, examiner, acquired, utc_offset,"
                        + " items, bytes, errors, hash_algorithms, manifest_sha256, copied, attributes)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.label(), s.kind().name(), s.locator(), s.examiner(), Timestamps.format(s.acquired()),
                s.utcOffset(), s.items(), s.bytes(), s.errors(), HashAlgorithm.labels(s.hashAlgorithms()),
                s.manifestSha256(), s.copied(), Json.writeMapOrNull(s.attributes()));
        return new Source(id, s.label(), s.kind(), s.locator(), s.examiner(), s.acquired(), s.utcOffset(),
                s.items(), s.bytes(), s.errors(), s.hashAlgorithms(), s.manifestSha256(), s.copied(),
                s.attributes());
    }

    /** Records the final counts and the manifest hash that seals the source. */
    public void sealSource(long id, long items, long bytes, long errors, String manifestSha256,
            Map<String, Object> attributes) {
        update("UPDATE sources SET items = ?, bytes = ?, errors = ?, manifest_sha256 = ?, attributes = ?"
                + " WHERE id = ?", items, bytes, errors, manifestSha256, Json.writeMapOrNull(attributes), id);
    }

    private static final String SOURCE_COLUMNS = "id, label, kind, locator, examiner, acquired, utc_offset,"
            + " items, bytes, errors, hash_algorithms, manifest_sha256, copied, attributes";

    public List<Source> sources() {
        return query("SELECT " + SOURCE_COLUMNS + " FROM sources ORDER BY id", CaseStore::source);
    }

    public Optional<Source> source(long id) {
        return query("SELECT " + SOURCE_COLUMNS + " FROM sources WHERE id = ?", CaseStore::source, id)
                .stream().findFirst();
    }

    public Optional<Source> sourceByLabel(String label) {
        return query("SELECT " + SOURCE_COLUMNS + " FROM sources WHERE label = ?", CaseStore::source, label)
                .stream().findFirst();
    }

    public List<Source> sourcesWithManifest(String manifestSha256) {
        return query("SELECT " + SOURCE_COLUMNS + " FROM sources WHERE manifest_sha256 = ? ORDER BY id",
                CaseStore::source, manifestSha256);
    }

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getLong(1), rs.getString(2), SourceKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), Timestamps.parse(rs.getString(6)), rs.getString(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), HashAlgorithm.parseList(rs.getString(11)), rs.getString(12),
                rs.getBoolean(13), Json.readMap(rs.getString(14)));
    }

    // ---------------------------------------------------------------- artifacts

    private static final String INSERT_ARTIFACT = "INSERT INTO artifacts (source_id, parent_id, kind, locator,"
            + " name, size, sha256, md5, sha1, media_type, modified, changed, accessed, created, owner, owner_group,"
            + " mode, link_target, stored, attributes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Stores one artifact and returns its id. */
    public long insertArtifact(Artifact a) {
        return insertReturningId(INSERT_ARTIFACT, artifactValues(a));
    }

    /**
     * Stores artifacts whose ids nobody needs yet, in one batch: the way to store many (acquisition
     * stores every file so).
     */
    public void insertArtifacts(List<Artifact> artifacts) {
        if (artifacts.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = prepared(INSERT_ARTIFACT);
            for (Artifact a : artifacts) {
                bind(ps, artifactValues(a));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("case database insert failed", e);
        }
    }

    private static Object[] artifactValues(Artifact a) {
        Hashes h = a.hashes() == null ? Hashes.NONE : a.hashes();
        FileTimes t = a.times() == null ? FileTimes.NONE : a.times();
        Ownership o = a.ownership() == null ? Ownership.NONE : a.ownership();
        return new Object[] {a.sourceId(), a.parentId(), a.kind().name(), a.locator(), a.name(), a.size(),
                h.sha256(), h.md5(), h.sha1(), a.mediaType(), Timestamps.format(t.modified()),
                Timestamps.format(t.changed()), Timestamps.format(t.accessed()), Timestamps.format(t.created()),
                o.owner(), o.group(), o.mode(), a.linkTarget(), a.stored(), Json.writeMapOrNull(a.attributes())};
    }

    public Optional<Long> artifactId(long sourceId, String locator) {
        return query("SELECT id FROM artifacts WHERE source_id = ? AND locator = ?", rs -> rs.getLong(1),
                sourceId, locator).stream().findFirst();
    }

    private static final String ARTIFACT_COLUMNS = "id, source_id, parent_id, kind, locator, name, size,"
            + " sha256, md5, sha1, media_type, modified, changed, accessed, created, owner, owner_group, mode,"
            + " link_target, stored, attributes";

    public Optional<Artifact> artifact(long id) {
        return query("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE id = ?", CaseStore::artifact, id)
                .stream().findFirst();
    }

    public List<Artifact> artifactsWithSha256(String sha256) {
        return query("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE sha256 = ? ORDER BY id",
                CaseStore::artifact, sha256);
    }

    /** Streams a source's artifacts in code-point order of their locators, without holding them all. */
    public void forEachArtifact(long sourceId, Consumer<Artifact> action) {
        stream("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE source_id = ? ORDER BY "
                + dialect.orderByBytes("locator"), CaseStore::artifact, action, sourceId);
    }

    /** The columns of a manifest line, as stored: nothing parsed, nothing formatted again. */
    public record ManifestRow(String kind, String sha256, Long size, String modified, String locator,
            String linkTarget) {
    }

    /** Streams a source's manifest rows in code-point order of their locators. */
    public void forEachManifestRow(long sourceId, Consumer<ManifestRow> action) {
        stream("SELECT kind, sha256, size, modified, locator, link_target FROM artifacts WHERE source_id = ?"
                        + " ORDER BY " + dialect.orderByBytes("locator"),
                rs -> new ManifestRow(rs.getString(1), rs.getString(2), nullableLong(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), action, sourceId);
    }

    public long countArtifacts(long sourceId) {
        return query("SELECT COUNT(*) FROM artifacts WHERE source_id = ?", rs -> rs.getLong(1), sourceId).get(0);
    }

    private static Artifact artifact(ResultSet rs) throws SQLException {
        return artifactAt(rs, 1);
    }

    /** An artifact read from {@link #ARTIFACT_COLUMNS} starting at column {@code c}. */
    private static Artifact artifactAt(ResultSet rs, int c) throws SQLException {
        return new Artifact(rs.getLong(c), rs.getLong(c + 1), nullableLong(rs, c + 2),
                ArtifactKind.valueOf(rs.getString(c + 3)), rs.getString(c + 4), rs.getString(c + 5),
                nullableLong(rs, c + 6), new Hashes(rs.getString(c + 7), rs.getString(c + 8), rs.getString(c + 9)),
                rs.getString(c + 10),
                new FileTimes(Timestamps.parse(rs.getString(c + 11)), Timestamps.parse(rs.getString(c + 12)),
                        Timestamps.parse(rs.getString(c + 13)), Timestamps.parse(rs.getString(c + 14))),
                new Ownership(rs.getString(c + 15), rs.getString(c + 16), rs.getString(c + 17)),
                rs.getString(c + 18), rs.getBoolean(c + 19), Json.readMap(rs.getString(c + 20)));
    }

    // ---------------------------------------------------------------- custody and errors

    public void insertCustody(Custody c) {
        insertReturningId("INSERT INTO custody (source_id, event, examiner, os_user, machine, tool, at_time,"
                        + " utc_offset, locator, manifest_sha256, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.sourceId(), c.event(), c.examiner(), c.osUser(), c.machine(), c.tool(),
                Timestamps.format(c.time()), c.utcOffset(), c.locator(), c.manifestSha256(),
                Json.writeMapOrNull(c.details()));
    }

    public List<Custody> custody(long sourceId) {
        return query("SELECT id, source_id, event, examiner, os_user, machine, tool, at_time, utc_offset,"
                        + " locator, manifest_sha256, details FROM custody WHERE source_id = ? ORDER BY id",
                rs -> new Custody(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Timestamps.parse(rs.getString(8)), rs.getString(9),
                        rs.getString(10), rs.getString(11), Json.readMap(rs.getString(12))), sourceId);
    }

    public void insertError(ExtractionError e) {
        insertReturningId("INSERT INTO extraction_errors (source_id, artifact_id, locator, phase, plugin, code,"
                        + " message, occurred, occurrences, examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.sourceId(), e.artifactId(), e.locator(), e.phase().name(), e.plugin(), e.code(), e.message(),
                Timestamps.format(e.occurred()), e.occurrences(),
                e.examples().isEmpty() ? null : Json.write(e.examples()));
    }

    public List<ExtractionError> errors(long sourceId) {
        return errors(sourceId, Integer.MAX_VALUE);
    }

    /** The first {@code limit} errors of a source, in the order they were met. */
    public List<ExtractionError> errors(long sourceId, int limit) {
        return query("SELECT id, source_id, artifact_id, locator, phase, plugin, code, message, occurred,"
                        + " occurrences, examples FROM extraction_errors WHERE source_id = ? ORDER BY id LIMIT " + limit,
                CaseStore::extractionError, sourceId);
    }

    private static ExtractionError extractionError(ResultSet rs) throws SQLException {
        return new ExtractionError(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4),
                Phase.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                Timestamps.parse(rs.getString(9)), rs.getLong(10), Json.readStrings(rs.getString(11)));
    }

    // ---------------------------------------------------------------- findings

    public long insertFinding(Finding f) {
        return insertReturningId("INSERT INTO findings (artifact_id, category, count, confidence, detector, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", f.artifactId(), f.category().name(), f.count(),
                f.confidence(), f.detector(), Json.writeMapOrNull(f.details()));
    }

    public List<Finding> findings(Category category) {
        String where = category == null ? "" : " WHERE category = ?";
        Object[] args = category == null ? new Object[0] : new Object[] {category.name()};
        return query("SELECT id, artifact_id, category, count, confidence, detector, details FROM findings"
                        + where + " ORDER BY id",
                rs -> new Finding(rs.getLong(1), rs.getLong(2), Category.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getDouble(5), rs.getString(6), Json.readMap(rs.getString(7))), args);
    }

    /** A finding with the artifact it was found in and that artifact's source label. */
    public record FindingRow(Finding finding, Artifact artifact, String sourceLabel) {
    }

    /**
     * Streams the findings (of one category, or all when null) with their artifacts, by category,
     * then source and locator.
     */
    public void forEachFinding(Category category, Consumer<FindingRow> action) {
        String columns = "f.id, f.artifact_id, f.category, f.count, f.confidence, f.detector, f.details, s.label, "
                + "a." + ARTIFACT_COLUMNS.replace(", ", ", a.");
        String where = category == null ? "" : " WHERE f.category = ?";
        Object[] args = category == null ? new Object[0] : new Object[] {category.name()};
        stream("SELECT " + columns + " FROM findings f JOIN artifacts a ON a.id = f.artifact_id"
                        + " JOIN sources s ON s.id = a.source_id" + where
                        + " ORDER BY f.category, a.source_id, " + dialect.orderByBytes("a.locator") + ", f.id",
                rs -> new FindingRow(new Finding(rs.getLong(1), rs.getLong(2), Category.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getDouble(5), rs.getString(6), Json.readMap(rs.getString(7))),
                        artifactAt(rs, 9), rs.getString(8)), action, args);
    }

    // ---------------------------------------------------------------- actors

    /** Stores an actor, or adds the addresses to the actor of the same kind and name. */
    public long upsertActor(Actor a) {
        List<Map.Entry<Long, String>> found = query("SELECT id, attributes FROM actors WHERE kind = ? AND name = ?",
                rs -> Map.entry(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2)), a.kind().name(),
                a.name());
        long id;
        if (found.isEmpty()) {
            id = insertReturningId("INSERT INTO actors (kind, name, attributes) VALUES (?, ?, ?)",
                    a.kind().name(), a.name(), Json.writeMapOrNull(a.attributes()));
        } else {
            id = found.get(0).getKey();
            if (a.attributes() != null && !a.attributes().isEmpty()) {
                Map<String, Object> before = Json.readMap(found.get(0).getValue());
                Map<String, Object> merged = mergeAttributes(before, a.attributes());
                if (!merged.equals(before)) {
                    update("UPDATE actors SET attributes = ? WHERE id = ?", Json.writeMapOrNull(merged), id);
                }
            }
        }
        for (String address : a.addresses()) {
            if (query("SELECT 1 FROM actor_addresses WHERE actor_id = ? AND address = ?", rs -> 1, id, address)
                    .isEmpty()) {
                update("INSERT INTO actor_addresses (actor_id, address) VALUES (?, ?)", id, address);
            }
        }
        return id;
    }

    /**
     * What is known of an actor after more evidence: values it did not have are added, lists are
     * joined without repeats, values it had are kept (the first evidence stands).
     */
    static Map<String, Object> mergeAttributes(Map<String, Object> before, Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(before == null ? Map.of() : before);
        for (Map.Entry<String, Object> e : more.entrySet()) {
            Object old = merged.get(e.getKey());
            if (old == null) {
                merged.put(e.getKey(), e.getValue());
            } else if (old instanceof List<?> a && e.getValue() instanceof List<?> b) {
                List<Object> joined = new ArrayList<>(a);
                for (Object x : b) {
                    if (!joined.contains(x)) {
                        joined.add(x);
                    }
                }
                merged.put(e.getKey(), joined);
            }
        }
        return merged;
    }

    public List<Actor> actors() {
        return query("SELECT id, kind, name, attributes FROM actors ORDER BY id", rs -> new Actor(rs.getLong(1),
                ActorKind.valueOf(rs.getString(2)), rs.getString(3), addresses(rs.getLong(1)),
                Json.readMap(rs.getString(4))));
    }

    /** Each address of the actor with the artifact it was read from (null where none was recorded). */
    public Map<String, Long> addressEvidence(long actorId) {
        Map<String, Long> evidence = new java.util.TreeMap<>();
        query("SELECT address, evidence_id FROM actor_addresses WHERE actor_id = ?",
                rs -> evidence.put(rs.getString(1), nullableLong(rs, 2)), actorId);
        return evidence;
    }

    private List<String> addresses(long actorId) {
        return query("SELECT address FROM actor_addresses WHERE actor_id = ? ORDER BY address",
                rs -> rs.getString(1), actorId);
    }

    // ---------------------------------------------------------------- activities

    public long insertActivity(Activity a) {
        return insertReturningId("INSERT INTO activities (kind, stage, started, ended, actor_id, evidence_id,"
                        + " extractor, subject, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.kind().name(), a.stage() == null ? null : a.stage().name(), Timestamps.format(a.started()),
                Timestamps.format(a.ended()), a.actorId(), a.evidenceArtifactId(), a.extractor(), a.subject(),
                Json.writeMapOrNull(a.attributes()));
    }

    public List<Activity> activities(ActivityKind kind) {
        String where = kind == null ? "" : " WHERE kind = ?";
        Object[] args = kind == null ? new Object[0] : new Object[] {kind.name()};
        return query("SELECT " + ACTIVITY_COLUMNS
                        + " FROM activities" + where + " ORDER BY started, id", CaseStore::activity, args);
    }

    /** Streams every activity in id order, without holding them all. */
    public void forEachActivity(Consumer<Activity> action) {
        stream("SELECT " + ACTIVITY_COLUMNS
                + " FROM activities ORDER BY id", CaseStore::activity, action);
    }

    /** As above, with only the named attributes read (the rest is never parsed). */
    public void forEachActivity(Set<String> attributes, Consumer<Activity> action) {
        stream("SELECT " + ACTIVITY_COLUMNS + " FROM activities ORDER BY id",
                rs -> activity(rs, text -> Json.readFields(text, attributes)), action);
    }

    /** An activity with where it was read and who did it, as a timeline shows it. */
    public record TimelineRow(Activity activity, String source, String locator, String sha256, String actor) {
    }

    /** Streams the activities that have a time, in time order, with their evidence and actor. */
    public void forEachTimelineRow(Consumer<TimelineRow> action) {
        stream("SELECT a.id, a.kind, a.stage, a.started, a.ended, a.actor_id, a.evidence_id, a.extractor, a.subject,"
                + " a.attributes, s.label, f.locator, f.sha256, p.name FROM activities a"
                + " LEFT JOIN artifacts f ON f.id = a.evidence_id LEFT JOIN sources s ON s.id = f.source_id"
                + " LEFT JOIN actors p ON p.id = a.actor_id WHERE a.started IS NOT NULL ORDER BY a.started, a.id",
                rs -> new TimelineRow(activity(rs), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14)), action);
    }

    /** The activities that acted on this subject (a key's URI, a path), in time order. */
    public List<Activity> activitiesWithSubject(String subject) {
        return query("SELECT " + ACTIVITY_COLUMNS
                + " FROM activities WHERE subject = ? ORDER BY started, id", CaseStore::activity, subject);
    }

    public Optional<Activity> activity(long id) {
        return query("SELECT " + ACTIVITY_COLUMNS
                + " FROM activities WHERE id = ?", CaseStore::activity, id).stream().findFirst();
    }

    private static final String ACTIVITY_COLUMNS = "id, kind, stage, started, ended, actor_id, evidence_id, extractor,"
            + " subject, attributes";

    private static Activity activity(ResultSet rs) throws SQLException {
        return activity(rs, Json::readMap);
    }

    /** The activity of a row selected as {@link #ACTIVITY_COLUMNS}, its attributes read as {@code attributes} says. */
    private static Activity activity(ResultSet rs, java.util.function.Function<String, Map<String, Object>> attributes)
            throws SQLException {
        return new Activity(rs.getLong(1), ActivityKind.valueOf(rs.getString(2)),
                rs.getString(3) == null ? null : Stage.valueOf(rs.getString(3)),
                Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5)), nullableLong(rs, 6),
                nullableLong(rs, 7), rs.getString(8), rs.getString(9), attributes.apply(rs.getString(10)));
    }

    /** Streams every artifact of the case in id order (of the given kinds, or all when none given). */
    public void forEachArtifact(Set<ArtifactKind> kinds, Consumer<Artifact> action) {
        String where = kinds.isEmpty() ? "" : " WHERE kind IN (" + String.join(", ",
                java.util.Collections.nCopies(kinds.size(), "?")) + ")";
        stream("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts" + where + " ORDER BY id", CaseStore::artifact,
                action, kinds.stream().map(Enum::name).sorted().toArray());
    }

    public Optional<Actor> actor(long id) {
        return query("SELECT id, kind, name, attributes FROM actors WHERE id = ?", rs -> new Actor(rs.getLong(1),
                ActorKind.valueOf(rs.getString(2)), rs.getString(3), addresses(rs.getLong(1)),
                Json.readMap(rs.getString(4))), id).stream().findFirst();
    }

    /** What one extractor found of one kind in a source: how many, and the first and last time. */
    public record ActivityCount(String extractor, ActivityKind kind, Stage stage, long count, Instant first,
            Instant last) {
    }

    /** The activities read from a source's artifacts, counted by extractor and kind. */
    public List<ActivityCount> activityCounts(long sourceId) {
        return query("SELECT a.extractor, a.kind, a.stage, count(*), min(a.started), max(a.started) FROM activities a"
                        + " JOIN artifacts f ON f.id = a.evidence_id WHERE f.source_id = ?"
                        + " GROUP BY a.extractor, a.kind, a.stage ORDER BY a.extractor, a.kind, a.stage",
                rs -> new ActivityCount(rs.getString(1), ActivityKind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Stage.valueOf(rs.getString(3)), rs.getLong(4),
                        Timestamps.parse(rs.getString(5)), Timestamps.parse(rs.getString(6))), sourceId);
    }

    /** A source's artifacts counted by kind (files, members, rows…), in the kinds' order. */
    public Map<ArtifactKind, Long> artifactCounts(long sourceId) {
        Map<ArtifactKind, Long> counts = new java.util.EnumMap<>(ArtifactKind.class);
        query("SELECT kind, count(*) FROM artifacts WHERE source_id = ? GROUP BY kind",
                rs -> counts.put(ArtifactKind.valueOf(rs.getString(1)), rs.getLong(2)), sourceId);
        return counts;
    }

    // ---------------------------------------------------------------- relations

    public long insertRelation(Relation r) {
        long id = insertReturningId("INSERT INTO relations (kind, from_type, from_id, to_type, to_id, linker,"
                        + " confidence, explanation, explanation_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.kind().name(), r.from().type().name(), r.from().id(), r.to().type().name(), r.to().id(),
                r.linker(), r.confidence(), r.explanation(), r.explanationZh());
        for (Long artifactId : r.evidence()) {
            update("INSERT INTO relation_evidence (relation_id, artifact_id) VALUES (?, ?)", id, artifactId);
        }
        return id;
    }

    /**
     * Stores relations whose ids the caller chose (the correlation step numbers them from
     * {@code maxId("relations")}), with their evidence, in one batch.
     */
    public void insertRelations(List<Relation> relations) {
        if (relations.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = prepared("INSERT INTO relations (id, kind, from_type, from_id, to_type, to_id,"
                    + " linker, confidence, explanation, explanation_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement evidence = prepared("INSERT INTO relation_evidence (relation_id, artifact_id)"
                    + " VALUES (?, ?)");
            for (Relation r : relations) {
                bind(ps, r.id(), r.kind().name(), r.from().type().name(), r.from().id(), r.to().type().name(),
                        r.to().id(), r.linker(), r.confidence(), r.explanation(), r.explanationZh());
                ps.addBatch();
                for (Long artifactId : new java.util.LinkedHashSet<>(r.evidence())) {
                    bind(evidence, r.id(), artifactId);
                    evidence.addBatch();
                }
            }
            ps.executeBatch();
            evidence.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("case database insert failed", e);
        }
    }

    /** Removes what a linker made before, so that correlating again gives the same graph, not two. */
    public void deleteRelations(String linker) {
        update("DELETE FROM relation_evidence WHERE relation_id IN (SELECT id FROM relations WHERE linker = ?)",
                linker);
        update("DELETE FROM relations WHERE linker = ?", linker);
    }

    /** How many relations each linker made. */
    public Map<String, Long> relationCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        query("SELECT linker, count(*) FROM relations GROUP BY linker", rs -> counts.put(rs.getString(1),
                rs.getLong(2)));
        return counts;
    }

    /** Relations that start or end at the node, each with the artifacts it rests on. */
    public List<Relation> relationsOf(NodeRef node) {
        return relationsAt(node).stream().map(r -> new Relation(r.id(), r.kind(), r.from(), r.to(), r.linker(),
                r.confidence(), r.explanation(), relationEvidence(r.id()), r.explanationZh())).toList();
    }

    /** As {@link #relationsOf}, without each relation's evidence list (one query, for graph walks). */
    public List<Relation> relationsAt(NodeRef node) {
        return query("SELECT id, kind, from_type, from_id, to_type, to_id, linker, confidence, explanation,"
                        + " explanation_zh FROM relations WHERE (from_type = ? AND from_id = ?) OR (to_type = ? AND"
                        + " to_id = ?) ORDER BY id",
                rs -> new Relation(rs.getLong(1), RelationKind.valueOf(rs.getString(2)),
                        new NodeRef(NodeType.valueOf(rs.getString(3)), rs.getLong(4)),
                        new NodeRef(NodeType.valueOf(rs.getString(5)), rs.getLong(6)), rs.getString(7),
                        rs.getDouble(8), rs.getString(9), List.of(), rs.getString(10)),
                node.type().name(), node.id(), node.type().name(), node.id());
    }

    private List<Long> relationEvidence(long relationId) {
        return query("SELECT artifact_id FROM relation_evidence WHERE relation_id = ? ORDER BY artifact_id",
                rs -> rs.getLong(1), relationId);
    }

    // ---------------------------------------------------------------- extraction (analyze)

    /** The largest id in use in a table of generated ids, 0 when empty. */
    public long maxId(String table) {
        if (!table.matches("artifacts|activities|actors|relations|findings")) {
            throw new IllegalArgumentException("no such table " + table);
        }
        return query("SELECT COALESCE(MAX(id), 0) FROM " + table, rs -> rs.getLong(1)).get(0);
    }

    private static final String INSERT_EXTRACTED = "INSERT INTO artifacts (id, source_id, parent_id, kind, locator,"
            + " name, size, sha256, md5, sha1, media_type, modified, changed, accessed, created, owner, owner_group,"
            + " mode, link_target, stored, attributes, origin_id, extractor)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Stores artifacts an extractor found in {@code originId}, with the ids it gave them. */
    public void insertExtractedArtifacts(List<Artifact> artifacts, long originId, String extractor) {
        if (artifacts.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = prepared(INSERT_EXTRACTED);
            for (Artifact a : artifacts) {
                Object[] values = artifactValues(a);
                Object[] all = new Object[values.length + 3];
                all[0] = a.id();
                System.arraycopy(values, 0, all, 1, values.length);
                all[values.length + 1] = originId;
                all[values.length + 2] = extractor;
                bind(ps, all);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("case database insert failed", e);
        }
    }

    /** Stores activities an extractor found in {@code originId}, with the ids it gave them. */
    public void insertExtractedActivities(List<Activity> activities, long originId) {
        if (activities.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = prepared("INSERT INTO activities (id, kind, stage, started, ended, actor_id,"
                    + " evidence_id, extractor, subject, attributes, origin_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (Activity a : activities) {
                bind(ps, a.id(), a.kind().name(), a.stage() == null ? null : a.stage().name(),
                        Timestamps.format(a.started()), Timestamps.format(a.ended()), a.actorId(),
                        a.evidenceArtifactId(), a.extractor(), a.subject(), Json.writeMapOrNull(a.attributes()),
                        originId);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("case database insert failed", e);
        }
    }

    /** Sets an artifact's media type (when given) and merges attributes into its own. */
    public void describeArtifact(long id, String mediaType, Map<String, Object> attributes) {
        Map<String, Object> merged = new HashMap<>(artifact(id).map(Artifact::attributes).orElse(Map.of()));
        if (attributes != null) {
            merged.putAll(attributes);
        }
        if (mediaType != null) {
            update("UPDATE artifacts SET media_type = ?, attributes = ? WHERE id = ?", mediaType,
                    Json.writeMapOrNull(merged), id);
        } else {
            update("UPDATE artifacts SET attributes = ? WHERE id = ?", Json.writeMapOrNull(merged), id);
        }
    }

    /** Where an extractor stands with an artifact. */
    public record ProcessingState(long artifactId, String plugin, int version, String state) {
    }

    public List<ProcessingState> processing(long fromId, long toId) {
        return query("SELECT artifact_id, plugin, version, state FROM processing WHERE artifact_id BETWEEN ? AND ?",
                rs -> new ProcessingState(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), fromId, toId);
    }

    public List<ProcessingState> processingIn(String state) {
        return query("SELECT artifact_id, plugin, version, state FROM processing WHERE state = ?",
                rs -> new ProcessingState(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), state);
    }

    public void markProcessing(long artifactId, String plugin, int version, String state) {
        int updated = update("UPDATE processing SET version = ?, state = ?, finished = ? WHERE artifact_id = ?"
                + " AND plugin = ?", version, state, Timestamps.format(Instant.now()), artifactId, plugin);
        if (updated == 0) {
            update("INSERT INTO processing (artifact_id, plugin, version, state, finished) VALUES (?, ?, ?, ?, ?)",
                    artifactId, plugin, version, state, Timestamps.format(Instant.now()));
        }
    }

    /**
     * Removes everything {@code extractor} wrote for {@code originId} — its child artifacts with all
     * that was found in them in turn, its activities, its findings, its errors — so that it can run
     * again.
     */
    public void deleteOutputs(long originId, String extractor) {
        for (long child : query("SELECT id FROM artifacts WHERE origin_id = ? AND extractor = ?", rs -> rs.getLong(1),
                originId, extractor)) {
            deleteArtifactAndDescendants(child);
        }
        for (long activity : query("SELECT id FROM activities WHERE origin_id = ? AND extractor = ?",
                rs -> rs.getLong(1), originId, extractor)) {
            deleteActivity(activity);
        }
        update("DELETE FROM findings WHERE artifact_id = ? AND detector = ?", originId, extractor);
        update("DELETE FROM extraction_errors WHERE artifact_id = ? AND plugin = ?", originId, extractor);
        update("DELETE FROM processing WHERE artifact_id = ? AND plugin = ?", originId, extractor);
    }

    private void deleteArtifactAndDescendants(long id) {
        for (long child : query("SELECT id FROM artifacts WHERE origin_id = ? OR parent_id = ?", rs -> rs.getLong(1),
                id, id)) {
            deleteArtifactAndDescendants(child);
        }
        for (long activity : query("SELECT id FROM activities WHERE origin_id = ? OR evidence_id = ?",
                rs -> rs.getLong(1), id, id)) {
            deleteActivity(activity);
        }
        deleteRelationsOf("ARTIFACT", id);
        update("DELETE FROM relation_evidence WHERE artifact_id = ?", id);
        update("DELETE FROM findings WHERE artifact_id = ?", id);
        update("UPDATE actor_addresses SET evidence_id = NULL WHERE evidence_id = ?", id);
        update("DELETE FROM extraction_errors WHERE artifact_id = ?", id);
        update("DELETE FROM processing WHERE artifact_id = ?", id);
        update("DELETE FROM artifacts WHERE id = ?", id);
    }

    private void deleteActivity(long id) {
        deleteRelationsOf("ACTIVITY", id);
        update("DELETE FROM activities WHERE id = ?", id);
    }

    private void deleteRelationsOf(String type, long id) {
        for (long relation : query("SELECT id FROM relations WHERE (from_type = ? AND from_id = ?)"
                + " OR (to_type = ? AND to_id = ?)", rs -> rs.getLong(1), type, id, type, id)) {
            update("DELETE FROM relation_evidence WHERE relation_id = ?", relation);
            update("DELETE FROM relations WHERE id = ?", relation);
        }
    }

    /** Artifacts of every source with an id above {@code afterId}, in id order. */
    public List<Artifact> artifactsAfter(long afterId, int limit) {
        return query("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE id > ? ORDER BY id LIMIT " + limit,
                CaseStore::artifact, afterId);
    }

    /** The origin of each of the artifacts: the artifact it was extracted from, if any. */
    public Map<Long, Long> origins(long fromId, long toId) {
        Map<Long, Long> origins = new HashMap<>();
        for (long[] pair : query("SELECT id, origin_id FROM artifacts WHERE id BETWEEN ? AND ? AND origin_id IS NOT NULL",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, fromId, toId)) {
            origins.put(pair[0], pair[1]);
        }
        return origins;
    }

    public List<Artifact> children(long parentId) {
        return query("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE parent_id = ? ORDER BY "
                + dialect.orderByBytes("locator"), CaseStore::artifact, parentId);
    }

    public Optional<Artifact> artifactAt(long sourceId, String locator) {
        return query("SELECT " + ARTIFACT_COLUMNS + " FROM artifacts WHERE source_id = ? AND locator = ?",
                CaseStore::artifact, sourceId, locator).stream().findFirst();
    }

    /** Upserts the actor and ties the addresses to the artifact they were found in. */
    public long upsertActor(Actor a, Long evidenceId) {
        long id = upsertActor(a);
        if (evidenceId != null) {
            for (String address : a.addresses()) {
                update("UPDATE actor_addresses SET evidence_id = ? WHERE actor_id = ? AND address = ?"
                        + " AND evidence_id IS NULL", evidenceId, id, address);
            }
        }
        return id;
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try {
            PreparedStatement ps = prepared(sql);
            bind(ps, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("case database query failed", e);
        }
    }

    /** Hands rows to the action as they are read, without holding them all. */
    private <T> void stream(String sql, RowMapper<T> mapper, Consumer<T> action, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("case database query failed", e);
        }
    }

    private int update(String sql, Object... args) {
        try {
            PreparedStatement ps = prepared(sql);
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("case database update failed", e);
        }
    }

    private long insertReturningId(String sql, Object... args) {
        try {
            PreparedStatement ps = prepared(sql + " RETURNING id");
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("case database insert failed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (v instanceof Instant t) {
                ps.setString(i + 1, Timestamps.format(t));
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the case database", e);
        }
    }
}
