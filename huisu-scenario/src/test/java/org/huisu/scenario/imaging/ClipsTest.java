package org.huisu.scenario.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.Test;

class ClipsTest {

    @Test
    void aClipIsH264VideoThatFfmpegDecodesFrameByFrame() throws Exception {
        SamplePhotos photos = SamplePhotos.load();
        byte[] mp4 = Clips.render(photos.scenes().get(2), new Random(1), 2);

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(mp4))) {
            grabber.start();
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(grabber.getImageWidth()).isEqualTo(Clips.WIDTH);
            assertThat(grabber.getImageHeight()).isEqualTo(Clips.HEIGHT);
            assertThat(frames).isEqualTo(2 * Clips.FPS);
            grabber.stop();
        }
    }

    @Test
    void theSameRandomStateGivesTheSameBytes() {
        SamplePhotos photos = SamplePhotos.load();
        assertThat(Clips.render(photos.scenes().get(0), new Random(5), 1))
                .isEqualTo(Clips.render(photos.scenes().get(0), new Random(5), 1));
        assertThat(FaceCrops.render(photos.face(3), new Random(5))).isEqualTo(FaceCrops.render(photos.face(3),
                new Random(5)));
    }
}
