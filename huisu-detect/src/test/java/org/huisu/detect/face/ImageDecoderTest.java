package org.huisu.detect.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

    /** chelsea.png carries a colour profile libpng complains about on standard error. */
    @Test
    void aPngLosesItsColourProfileAndNotAPixel() throws Exception {
        OpenCv.load();
        byte[] png = Files.readAllBytes(SamplePhotos.load().folder().resolve("chelsea.png"));
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("iCCP");

        byte[] stripped = ImageDecoder.withoutColourProfile(png);

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("iCCP");
        Mat a = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_COLOR);
        Mat b = Imgcodecs.imdecode(new MatOfByte(stripped), Imgcodecs.IMREAD_COLOR);
        assertThat(b.size()).isEqualTo(a.size());
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        assertThat(Core.sumElems(diff).val).containsOnly(0.0);
        // a PNG without a profile, and bytes that are no PNG at all, are left as they are
        assertThat(ImageDecoder.withoutColourProfile(stripped)).isSameAs(stripped);
        byte[] junk = {1, 2, 3};
        assertThat(ImageDecoder.withoutColourProfile(junk)).isSameAs(junk);
    }
}
