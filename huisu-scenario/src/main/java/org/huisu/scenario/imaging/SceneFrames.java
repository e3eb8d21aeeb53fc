package org.huisu.scenario.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * Whole camera views: one of the full-size sample photos, framed as a camera sees the lobby —
 * a window of the photo (zoom, pan, mirror) with the camera's exposure.
 */
public final class SceneFrames {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private SceneFrames() {
    }

    /**
     * A view of the scene: zoom 1 shows it whole; larger zooms close in around (cx, cy), 0 to 1.
     * {@code smooth} interpolates bilinearly (stills); video frames take the nearest pixel, several
     * times faster, and the encoder smooths them anyway.
     */
    public static BufferedImage view(BufferedImage scene, int width, int height, double zoom, double cx, double cy,
            boolean mirror, double brightness, boolean smooth) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        double base = Math.max((double) width / scene.getWidth(), (double) height / scene.getHeight());
        double scale = base * zoom;
        double visibleW = width / scale;
        double visibleH = height / scale;
        double left = Math.max(0, Math.min(scene.getWidth() - visibleW, cx * scene.getWidth() - visibleW / 2));
        double top = Math.max(0, Math.min(scene.getHeight() - visibleH, cy * scene.getHeight() - visibleH / 2));
        AffineTransform t = new AffineTransform();
        if (mirror) {
            t.translate(width, 0);
            t.scale(-1, 1);
        }
        t.scale(scale, scale);
        t.translate(-left, -top);
        g.drawImage(scene, t, null);
        g.dispose();
        if (brightness != 1.0) {
            byte[] exposure = new byte[256];
            for (int v = 0; v < 256; v++) {
                exposure[v] = (byte) FaceCrops.clamp(v * brightness);
            }
            byte[] samples = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < samples.length; i++) {
                samples[i] = exposure[samples[i] & 0xff];
            }
        }
        return out;
    }

    /** A still of the lobby as the capture system saves it beside the crops. */
    public static byte[] render(BufferedImage scene, Random random) {
        BufferedImage frame = view(scene, WIDTH, HEIGHT, 1.0 + random.nextDouble() * 0.3,
                0.4 + random.nextDouble() * 0.2, 0.4 + random.nextDouble() * 0.2, random.nextInt(4) == 0,
                0.85 + random.nextDouble() * 0.3, true);
        return Jpeg.encode(frame, 0.85f);
    }
}
