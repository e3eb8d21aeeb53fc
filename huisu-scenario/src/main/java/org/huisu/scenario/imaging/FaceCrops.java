package org.huisu.scenario.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import org.huisu.scenario.samples.SamplePhotos;

/**
 * Face crops as a capture camera cuts them: one real LFW face, scaled up to the crop size with a
 * margin, and varied the way real captures vary — scale, position, brightness, contrast, colour
 * cast, mirror, sensor noise.
 */
public final class FaceCrops {

    private static final int[] SIZES = {112, 128, 144, 160};

    private FaceCrops() {
    }

    /** A JPEG crop of the face, different for every random state. */
    public static byte[] render(float[] face, Random random) {
        int size = SIZES[random.nextInt(SIZES.length)];
        double fill = 0.78 + random.nextDouble() * 0.16;
        double brightness = 0.8 + random.nextDouble() * 0.4;
        double contrast = 0.85 + random.nextDouble() * 0.3;
        double[] cast = {0.9 + random.nextDouble() * 0.2, 0.92 + random.nextDouble() * 0.16,
                0.88 + random.nextDouble() * 0.2};
        boolean mirror = random.nextBoolean();
        double faceSize = size * fill;
        double offsetX = (size - faceSize) / 2 + (random.nextDouble() - 0.5) * size * 0.06;
        double offsetY = (size - faceSize) / 2 + (random.nextDouble() - 0.5) * size * 0.06;
        double scale = SamplePhotos.FACE_SIZE / faceSize;
        BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) crop.getRaster().getDataBuffer()).getData();
        // sensor noise from a xorshift seeded by the crop's stream: a Random call per pixel costs more
        int noiseState = random.nextInt() | 1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // outside the face the nearest edge pixels continue, as the background of a real crop
                double fx = (x - offsetX) * scale - 0.5;
                double fy = (y - offsetY) * scale - 0.5;
                if (mirror) {
                    fx = SamplePhotos.FACE_SIZE - 1 - fx;
                }
                double grey = bilinear(face, fx, fy);
                grey = (grey - 0.5) * contrast + 0.5;
                grey *= brightness;
                noiseState ^= noiseState << 13;
                noiseState ^= noiseState >>> 17;
                noiseState ^= noiseState << 5;
                double noise = ((noiseState >>> 8) % 9) - 4;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    rgb = rgb << 8 | clamp(grey * cast[c] * 255 + noise);
                }
                pixels[y * size + x] = rgb;
            }
        }
        return Jpeg.encode(crop, 0.86f + random.nextFloat() * 0.08f);
    }

    static double bilinear(float[] face, double x, double y) {
        int n = SamplePhotos.FACE_SIZE;
        x = Math.max(0, Math.min(n - 1, x));
        y = Math.max(0, Math.min(n - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(n - 1, x0 + 1);
        int y1 = Math.min(n - 1, y0 + 1);
        double ax = x - x0;
        double ay = y - y0;
        double top = face[y0 * n + x0] * (1 - ax) + face[y0 * n + x1] * ax;
        double bottom = face[y1 * n + x0] * (1 - ax) + face[y1 * n + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
