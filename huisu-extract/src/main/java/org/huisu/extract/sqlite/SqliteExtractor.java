package org.huisu.extract.sqlite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;

/**
 * Reads SQLite databases, Android apps' among them, from a working copy (with the write-ahead log
 * or rollback journal found beside it, so that SQLite replays what they hold): the schema is
 * recorded on the database's artifact; every table is streamed, and the rows that hold a URL, a
 * BLOB, an identifier or a file name become row artifacts ({@code db#table/rowid}) with their
 * columns, BLOBs kept in the object store.
 */
public final class SqliteExtractor implements Extractor {

    static final Set<String> TYPES = Set.of("application/x-sqlite3", "application/vnd.sqlite3");
    private static final Pattern URL = Pattern.compile("(?i)^(https?|s3|oss|cos|gs|ftp)://\\S+");
    private static final Pattern FILE = Pattern.compile("(?i).*[/\\\\][^/\\\\]+\\.[a-z0-9]{2,5}$|.*\\.(jpe?g|png|bmp|gif|"
            + "webp|mp4|avi|mov|mkv|h264|npy|bin|feat|db|zip|tar|gz|7z)$");
    private static final Pattern ID_NUMBER = Pattern.compile(".*(?<!\\d)\\d{17}[\\dXx](?![\\dXx]).*");
    private static final Pattern MOBILE = Pattern.compile(".*(?<!\\d)1[3-9]\\d{9}(?!\\d).*");
    private static final Pattern TELLING_COLUMN = Pattern.compile("(?i).*(url|uri|path|file|image|photo|pic|face|"
            + "feature|vector|embedding|id_?card|phone|mobile|avatar).*");
    private static final int MAX_TEXT = 65_536;

    @Override
    public String name() {
        return "sqlite";
    }

    /** 2: photos and videos kept in BLOBs are children of their row, typed and examined like files. */
    @Override
    public int version() {
        return 2;
    }

    @Override
    public String description() {
        return "schema and telling rows (URLs, BLOBs, identifiers, file names) of SQLite databases, with their"
                + " write-ahead log or journal";
    }

    @Override
    public boolean accepts(Item item) {
        return isDatabase(item);
    }

    /** A SQLite database by its detected type; its write-ahead log, journal and shared memory are not. */
    public static boolean isDatabase(Item item) {
        String n = item.name();
        return item.hasContent() && item.mediaType() != null && TYPES.contains(item.mediaType())
                && !n.endsWith("-wal") && !n.endsWith("-journal") && !n.endsWith("-shm");
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        boolean wal = item.sibling(item.name() + "-wal").isPresent();
        boolean journal = item.sibling(item.name() + "-journal").isPresent();
        Path copy = item.workingCopy("-wal", "-journal");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (String[] t : tables(c)) {
                String table = t[0];
                List<String> columns = columns(c, table);
                long rows = rows(item, c, table, columns, out);
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("name", table);
                described.put("columns", columns);
                described.put("rows", rows);
                described.put("sql", t[1]);
                tables.add(described);
            }
            Map<String, Object> sqlite = new LinkedHashMap<>();
            sqlite.put("tables", tables);
            sqlite.put("writeAheadLog", wal);
            sqlite.put("rollbackJournal", journal);
            sqlite.put("userVersion", scalar(c, "PRAGMA user_version"));
            out.describe(null, Map.of("sqlite", sqlite));
        } catch (SQLException e) {
            throw new IOException("not a SQLite database that can be read (" + e.getMessage() + ")", e);
        }
    }

    private static List<String[]> tables(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return tables;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return columns;
    }

    private static Object scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    /** Streams the table; returns how many rows it has. */
    private long rows(Item item, Connection c, String table, List<String> columns, Emitter out)
            throws SQLException, IOException {
        boolean rowid = hasRowid(c, table);
        String sql = rowid ? "SELECT rowid AS \"__huisu_rowid\", * FROM " + quote(table) : "SELECT * FROM " + quote(table);
        long count = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int first = rowid ? 2 : 1;
            while (rs.next()) {
                count++;
                long id = rowid ? rs.getLong(1) : count;
                Map<String, Object> values = new LinkedHashMap<>();
                Map<String, byte[]> media = new LinkedHashMap<>();
                boolean telling = false;
                for (int i = first; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        if (bytes.length > 0) {
                            String sha256 = out.store(new ByteArrayInputStream(bytes));
                            values.put(column, Map.of("blob", sha256, "size", bytes.length));
                            telling = true;
                            if (MediaMagic.isMedia(bytes)) {
                                media.put(column, bytes);
                            }
                        } else {
                            values.put(column, Map.of("blob", "", "size", 0));
                        }
                    } else if (value instanceof String text) {
                        values.put(column, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
                        telling |= telling(column, text);
                    } else {
                        values.put(column, value);
                        telling |= value != null && TELLING_COLUMN.matcher(column).matches()
                                && MOBILE.matcher(value.toString()).matches();
                    }
                }
                if (telling) {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    attributes.put("table", table);
                    attributes.put("rowid", id);
                    attributes.put("columns", values);
                    String rowLocator = item.locator() + "#" + table + "/" + id;
                    long rowId = out.child(new Artifact(null, 0, null, ArtifactKind.DB_ROW, rowLocator, table + "#" + id,
                            null, Hashes.NONE, null, FileTimes.NONE, Ownership.NONE, null, false, attributes), null);
                    // a photo or video kept in a BLOB is a file of its own: typed and looked at like any other
                    for (Map.Entry<String, byte[]> m : media.entrySet()) {
                        out.child(new Artifact(null, 0, rowId, ArtifactKind.FILE, rowLocator + "/" + m.getKey(),
                                table + "#" + id + "." + m.getKey(), null, Hashes.NONE, null, FileTimes.NONE,
                                Ownership.NONE, null, false, Map.of("blobOf", Map.of("table", table, "rowid", id,
                                "column", m.getKey()))), new ByteArrayInputStream(m.getValue()));
                    }
                }
            }
        }
        return count;
    }

    /** WITHOUT ROWID tables have none: their rows are numbered as read. */
    private static boolean hasRowid(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rowid FROM " + quote(table)
                + " LIMIT 1")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean telling(String column, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return false;
        }
        if (URL.matcher(t).matches()) {
            return true;
        }
        if (t.length() < 512 && (FILE.matcher(t).matches() || ID_NUMBER.matcher(t).matches()
                || MOBILE.matcher(t).matches())) {
            return true;
        }
        return TELLING_COLUMN.matcher(column.toLowerCase(Locale.ROOT)).matches() && t.length() >= 8;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
