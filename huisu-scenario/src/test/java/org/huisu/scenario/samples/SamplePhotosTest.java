package org.huisu.scenario.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplePhotosTest {

    @Test
    void theLfwSubsetGivesAHundredFacesOfTwentyFiveSquarePixels() {
        SamplePhotos photos = SamplePhotos.load();
        assertThat(photos.faceCount()).isEqualTo(100);
        float[] face = photos.face(0);
        assertThat(face).hasSize(625);
        float min = 1;
        float max = 0;
        for (float v : face) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(0f);
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
        assertThat(photos.face(0)).isNotEqualTo(photos.face(1));
    }

    @Test
    void theFourScenesAreFullSizeColourPhotos() {
        SamplePhotos photos = SamplePhotos.load();
        assertThat(photos.scenes()).hasSize(4).allSatisfy(s -> assertThat(s.getWidth()).isGreaterThanOrEqualTo(320));
    }
}
