package org.huisu.scenario.cloud;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.huisu.scenario.imaging.Jpeg;

/**
 * What else the bucket holds, real of its kind though unrelated to the case: a property
 * website's pictures (floor plans and banners: shapes, no people) and another system's nightly
 * database dumps, gzipped.
 */
final class MarketingPictures {

    private MarketingPictures() {
    }

    static byte[] render(String key, Random random) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 480, 320,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, 480, 320);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 6; i++) {
            g.drawRect(30 + random.nextInt(300), 30 + random.nextInt(200), 40 + random.nextInt(120),
                    30 + random.nextInt(80));
        }
        g.dispose();
        if (key.endsWith(".png")) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Jpeg.encode(image, 0.85f);
    }

    static byte[] sqlDump(LocalDate day, Random random) {
        StringBuilder sql = new StringBuilder("-- CRM dump " + day + "\nCREATE TABLE lead (id INTEGER, source TEXT,"
                + " created TEXT);\n");
        int rows = 200 + random.nextInt(400);
        for (int i = 0; i < rows; i++) {
            sql.append("INSERT INTO lead VALUES (").append(i).append(", 'web', '").append(day).append("');\n");
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(sql.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
