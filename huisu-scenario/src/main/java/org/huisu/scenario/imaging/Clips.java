package org.huisu.scenario.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Short clips as the capture system keeps them: a few seconds of a camera slowly closing in on a
 * scene with a face, H.264 in MP4 (the ordinary video of such systems), through FFmpeg.
 */
public final class Clips {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final int FPS = 8;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private Clips() {
    }

    /** An MP4 of {@code seconds} seconds; the same random state gives the same frames. */
    public static byte[] render(BufferedImage scene, Random random, int seconds) {
        double zoomFrom = 1.0 + random.nextDouble() * 0.1;
        double zoomTo = zoomFrom + 0.15 + random.nextDouble() * 0.2;
        double cx = 0.4 + random.nextDouble() * 0.2;
        double cy = 0.35 + random.nextDouble() * 0.2;
        boolean mirror = random.nextBoolean();
        double brightness = 0.85 + random.nextDouble() * 0.3;
        int frames = seconds * FPS;
        Path file;
        try {
            // to a file, not a stream: an ordinary MP4 goes back to write its index at the end
            file = Files.createTempFile("huisu-clip-", ".mp4");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(300_000);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                double zoom = zoomFrom + (zoomTo - zoomFrom) * i / Math.max(1, frames - 1);
                BufferedImage frame = SceneFrames.view(scene, WIDTH, HEIGHT, zoom, cx, cy, mirror, brightness, false);
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        } catch (IOException e) {
            throw new IllegalStateException("FFmpeg could not encode a clip: " + e.getMessage(), e);
        }
        // read only once the recorder is closed: FFmpeg flushes the file's last bytes when released
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the clip for
            }
        }
    }
}
