package org.huisu.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * A shop's SQLite database with ordinary floating-point data and no feature vector: prices, costs
 * and weights, store coordinates, a GPS track (coordinates, speed, heading) — REAL columns — and the
 * same kinds of numbers kept as arrays: a route as a JSON array of 256 coordinates and a year's daily
 * prices as a BLOB of 512 float32 values. What the vector detectors must not take for embeddings.
 */
final class FloatColumnsDatabase {

    static final String NAME = "shop.db";
    static final int PRODUCTS = 5_000;
    static final int STORES = 2_000;
    static final int TRACK_POINTS = 20_000;
    static final int ROUTES = 500;
    static final int PRICE_SERIES = 500;

    private FloatColumnsDatabase() {
    }

    static Path write(Path folder, long seed) throws SQLException, java.io.IOException {
        Files.createDirectories(folder);
        Path db = folder.resolve(NAME);
        Files.deleteIfExists(db);
        Random random = new Random(seed);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT, price REAL, cost REAL,"
                        + " weight_kg REAL)");
                s.execute("CREATE TABLE store (id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL)");
                s.execute("CREATE TABLE gps_point (id INTEGER PRIMARY KEY, device TEXT, latitude REAL, longitude REAL,"
                        + " speed_kmh REAL, heading REAL, accuracy_m REAL)");
                s.execute("CREATE TABLE route (id INTEGER PRIMARY KEY, name TEXT, polyline TEXT)");
                s.execute("CREATE TABLE price_history (product_id INTEGER PRIMARY KEY, daily_close BLOB)");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO product VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= PRODUCTS; i++) {
                    double price = Math.round(Math.exp(random.nextDouble() * 7.6) * 100) / 100.0;   // 1 to 2,000 yuan
                    p.setInt(1, i);
                    p.setString(2, "product " + i);
                    p.setDouble(3, price);
                    p.setDouble(4, Math.round(price * (0.4 + random.nextDouble() * 0.4) * 100) / 100.0);
                    p.setDouble(5, Math.round((0.05 + random.nextDouble() * 20) * 1000) / 1000.0);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO store VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= STORES; i++) {
                    p.setInt(1, i);
                    p.setString(2, "store " + i);
                    p.setDouble(3, 18 + random.nextDouble() * 35);     // China, south to north
                    p.setDouble(4, 73 + random.nextDouble() * 62);     // and west to east
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gps_point VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                double lat = 31.2304;
                double lon = 121.4737;
                for (int i = 1; i <= TRACK_POINTS; i++) {
                    double heading = random.nextDouble() * 360;
                    double speed = random.nextDouble() * 80;
                    lat += Math.cos(Math.toRadians(heading)) * speed * 1e-5;
                    lon += Math.sin(Math.toRadians(heading)) * speed * 1e-5;
                    p.setInt(1, i);
                    p.setString(2, "van-" + (i % 12));
                    p.setDouble(3, lat);
                    p.setDouble(4, lon);
                    p.setDouble(5, Math.round(speed * 10) / 10.0);
                    p.setDouble(6, Math.round(heading * 10) / 10.0);
                    p.setDouble(7, Math.round((3 + random.nextDouble() * 20) * 10) / 10.0);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO route VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROUTES; i++) {
                    StringBuilder json = new StringBuilder("[");
                    double lat = 22 + random.nextDouble() * 10;
                    double lon = 110 + random.nextDouble() * 10;
                    for (int k = 0; k < 128; k++) {
                        lat += (random.nextDouble() - 0.5) * 0.01;
                        lon += (random.nextDouble() - 0.5) * 0.01;
                        json.append(k == 0 ? "" : ",").append(String.format("%.6f,%.6f", lat, lon));
                    }
                    p.setInt(1, i);
                    p.setString(2, "route " + i);
                    p.setString(3, json.append(']').toString());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO price_history VALUES (?, ?)")) {
                for (int i = 1; i <= PRICE_SERIES; i++) {
                    ByteBuffer closes = ByteBuffer.allocate(512 * 4).order(ByteOrder.LITTLE_ENDIAN);
                    double price = 5 + random.nextDouble() * 500;
                    for (int d = 0; d < 512; d++) {
                        price *= 1 + random.nextGaussian() * 0.01;
                        closes.putFloat((float) price);
                    }
                    p.setInt(1, i);
                    p.setBytes(2, closes.array());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        return db;
    }
}
