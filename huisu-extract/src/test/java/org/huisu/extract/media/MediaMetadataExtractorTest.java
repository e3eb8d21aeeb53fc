package org.huisu.extract.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.huisu.scenario.imaging.Clips;
import org.huisu.scenario.imaging.FaceCrops;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaMetadataExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void aPhotoSaysItsSizeCameraTimeAndPlace() throws IOException {
        byte[] jpeg = withExif(FaceCrops.render(SamplePhotos.load().face(4), new Random(1)), "HIKVISION",
                "DS-2CD7A26G0", "2024:03:15 10:23:45", 30.2741, 120.1551);
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("capture/cam01_000001.jpg", jpeg);
        tree.file("capture/clip.mp4", Clips.render(SamplePhotos.load().scenes().get(0), new Random(2), 2));

        try (Extraction x = Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new MediaMetadataExtractor())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> media = (Map<String, Object>) x.at("/capture/cam01_000001.jpg").attributes().get("media");
            assertThat(media).containsEntry("make", "HIKVISION").containsEntry("model", "DS-2CD7A26G0")
                    .containsEntry("takenLocal", "2024-03-15T10:23:45.000000000");
            assertThat((Double) media.get("latitude")).isCloseTo(30.2741, org.assertj.core.data.Offset.offset(1e-3));
            assertThat((Double) media.get("longitude")).isCloseTo(120.1551, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(((Number) media.get("width")).intValue()).isBetween(112, 160);

            assertThat(x.at("/capture/clip.mp4").mediaType()).isEqualTo("video/mp4");
            @SuppressWarnings("unchecked")
            Map<String, Object> video = (Map<String, Object>) x.at("/capture/clip.mp4").attributes().get("media");
            assertThat(((Number) video.get("width")).intValue()).isEqualTo(320);
            assertThat(((Number) video.get("height")).intValue()).isEqualTo(240);
            assertThat(video).containsKey("duration");
            assertThat(x.errors()).allSatisfy(e -> {
                assertThat(e.locator()).isEqualTo("/capture/clip.mp4");
                assertThat(e.code()).isEqualTo("MEDIA_TAG_ERROR");
            });
        }
    }

    /** Inserts a minimal EXIF segment (IFD0 make and model, Exif time taken, GPS) after SOI. */
    static byte[] withExif(byte[] jpeg, String make, String model, String taken, double lat, double lon) {
        byte[] tiff = new Tiff().build(make, model, taken, lat, lon);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiff.length;
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A big-endian TIFF block with three IFDs, laid out by hand. */
    static final class Tiff {
        private final ByteBuffer b = ByteBuffer.allocate(1024);

        byte[] build(String make, String model, String taken, double lat, double lon) {
            b.put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
            // IFD0 at 8: 4 entries; Exif IFD at 62; GPS IFD at 80; data area from 150
            int ifd0 = 8;
            int exif = ifd0 + 2 + 4 * 12 + 4;
            int gps = exif + 2 + 12 + 4;
            int data = gps + 2 + 4 * 12 + 4;
            byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
            byte[] modelBytes = (model + "\0").getBytes(StandardCharsets.US_ASCII);
            byte[] takenBytes = (taken + "\0").getBytes(StandardCharsets.US_ASCII);
            int makeAt = data;
            int modelAt = makeAt + makeBytes.length;
            int takenAt = modelAt + modelBytes.length;
            int latAt = takenAt + takenBytes.length;
            int lonAt = latAt + 24;
            b.position(ifd0);
            b.putShort((short) 4);
            entry(0x010f, 2, makeBytes.length, makeAt);
            entry(0x0110, 2, modelBytes.length, modelAt);
            entry(0x8769, 4, 1, exif);
            entry(0x8825, 4, 1, gps);
            b.putInt(0);
            b.position(exif);
            b.putShort((short) 1);
            entry(0x9003, 2, takenBytes.length, takenAt);
            b.putInt(0);
            b.position(gps);
            b.putShort((short) 4);
            b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
            entry(0x0002, 5, 3, latAt);
            b.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
            entry(0x0004, 5, 3, lonAt);
            b.putInt(0);
            b.position(makeAt);
            b.put(makeBytes).put(modelBytes).put(takenBytes);
            rational(lat);
            rational(lon);
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        }

        private void entry(int tag, int type, int count, int value) {
            b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
        }

        private void rational(double degrees) {
            int d = (int) degrees;
            double minutes = (degrees - d) * 60;
            int m = (int) minutes;
            int s = (int) Math.round((minutes - m) * 60 * 1000);
            b.putInt(d).putInt(1).putInt(m).putInt(1).putInt(s).putInt(1000);
        }
    }
}
