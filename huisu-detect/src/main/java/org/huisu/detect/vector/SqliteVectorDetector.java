package org.huisu.detect.vector;

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
import java.util.Map;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.sqlite.SqliteExtractor;

/**
 * Face feature vectors in SQLite databases: every BLOB and text column is judged from its first
 * rows ({@link EmbeddingJudge}: float32, float16, float64 or int8 BLOBs, numpy BLOBs, base64, hex,
 * JSON arrays, number lists), and a column of vectors is then read whole, counted and clustered
 * into persons. One FACE_FEATURE finding on the database, listing each column of vectors with its
 * own layout, count and persons (a database may keep several, such as captures and per-person
 * templates, which mean different things). Runs on the database rather than on the sqlite
 * extractor's row artifacts, which keep only the telling rows and no vector values.
 */
public final class SqliteVectorDetector implements Detector {

    /** Rows of each table looked at to judge its columns. */
    static final int PROBE_ROWS = 500;

    @Override
    public String name() {
        return "sqlite-feature-vectors";
    }

    @Override
    public String description() {
        return "face feature vectors in SQLite BLOB and text columns (float32/16/64, int8, base64, JSON), counted and"
                + " clustered into persons";
    }

    @Override
    public boolean accepts(Item item) {
        return SqliteExtractor.isDatabase(item);
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        Path copy = item.workingCopy("-wal", "-journal");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            Map<Map<String, Object>, VectorColumn> found = new LinkedHashMap<>();
            for (String table : tables(c)) {
                for (Map.Entry<String, EmbeddingJudge.Verdict> e : judge(c, table).entrySet()) {
                    Map<String, Object> place = new LinkedHashMap<>();
                    place.put("table", table);
                    place.put("column", e.getKey());
                    found.put(place, read(c, table, e.getKey(), e.getValue()));
                }
            }
            VectorColumn.report(out, found);
        } catch (SQLException e) {
            throw new IOException("not a SQLite database that can be read (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The columns of {@code table} whose first rows are feature vectors, with how to read them. */
    private static Map<String, EmbeddingJudge.Verdict> judge(Connection c, String table) throws SQLException {
        Map<String, EmbeddingJudge> judges = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table) + " LIMIT " + PROBE_ROWS)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = value(rs, i);
                    if (value != null) {
                        judges.computeIfAbsent(meta.getColumnName(i), k -> new EmbeddingJudge()).add(value);
                    }
                }
            }
        }
        Map<String, EmbeddingJudge.Verdict> verdicts = new LinkedHashMap<>();
        judges.forEach((column, judge) -> judge.verdict().ifPresent(v -> verdicts.put(column, v)));
        return verdicts;
    }

    private static VectorColumn read(Connection c, String table, String column, EmbeddingJudge.Verdict verdict)
            throws SQLException {
        VectorColumn vectors = new VectorColumn(verdict);
        boolean rowid = hasRowid(c, table);
        String sql = "SELECT " + (rowid ? "rowid, " : "") + quote(column) + " FROM " + quote(table);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
                Object value = value(rs, rowid ? 2 : 1);
                if (value != null) {
                    vectors.add(value, rowid ? rs.getLong(1) : n);
                }
            }
        }
        return vectors;
    }

    /** A BLOB or a non-empty text value; numbers and NULLs are no vectors. */
    private static Object value(ResultSet rs, int i) throws SQLException {
        Object value = rs.getObject(i);
        if (value instanceof byte[] b) {
            return b.length == 0 ? null : b;
        }
        if (value instanceof String s) {
            return s.isBlank() ? null : s;
        }
        return null;
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

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
