package org.huisu.detect.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.huisu.core.model.Category;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Finding;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.huisu.scenario.imaging.Clips;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faces in real H.264 clips (FFmpeg, openh264), sampled a frame a second or as asked. */
class FaceVideoDetectorTest {

    @TempDir
    Path tmp;

    static Path models;
    static SamplePhotos samples;

    @BeforeAll
    static void setUp() {
        models = FaceImageDetectorTest.installedModels();
        samples = SamplePhotos.load();
    }

    @AfterEach
    void resetFps() {
        System.clearProperty(FaceVideoDetector.FPS_PROPERTY);
    }

    private byte[] clip(String scene, int seconds) throws IOException {
        BufferedImage image = ImageIO.read(samples.folder().resolve(scene).toFile());
        return Clips.render(image, new Random(3), seconds);
    }

    private Extraction analyse(EvidenceTree tree) {
        return Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new FaceVideoDetector(models));
    }

    private static Map<String, Finding> findings(Extraction x) {
        Map<Long, String> locators = x.all().stream().collect(Collectors.toMap(a -> a.id(), a -> a.locator()));
        return x.theCase().store().findings(Category.FACE_VIDEO).stream()
                .collect(Collectors.toMap(f -> locators.get(f.artifactId()), f -> f));
    }

    @Test
    void aClipWithAFaceIsAFaceVideoWithWhenTheFaceIsSeenAndAThumbnail() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("clips/lobby.mp4", clip("astronaut.png", 4));
        try (Extraction x = analyse(tree)) {
            assertThat(x.errors()).isEmpty();
            Finding f = findings(x).get("/clips/lobby.mp4");
            assertThat(f).isNotNull();
            assertThat(f.detector()).isEqualTo("face-video");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.confidence()).isGreaterThan(0.7);
            // one frame a second of a four-second clip
            assertThat(f.details()).containsEntry("framesSampled", 4).containsEntry("width", Clips.WIDTH)
                    .containsEntry("height", Clips.HEIGHT);
            assertThat((Integer) f.details().get("framesWithFaces")).isBetween(3, 4);
            assertThat(((Number) f.details().get("firstSeenSeconds")).doubleValue()).isLessThan(1.1);
            assertThat(((Number) f.details().get("lastSeenSeconds")).doubleValue()).isGreaterThan(2.0);
            String thumbnail = (String) f.details().get("thumbnail");
            BufferedImage best = ImageIO.read(x.theCase().objects().path(thumbnail).toFile());
            assertThat(best.getWidth()).isEqualTo(Clips.WIDTH);
        }
    }

    @Test
    void moreFramesASecondWhenAsked() throws IOException {
        System.setProperty(FaceVideoDetector.FPS_PROPERTY, "4");
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("clips/lobby.mp4", clip("astronaut.png", 2));
        try (Extraction x = analyse(tree)) {
            assertThat(findings(x).get("/clips/lobby.mp4").details()).containsEntry("framesSampled", 8);
        }
    }

    @Test
    void aBrokenVideoIsAnErrorAndTheOtherVideosAreStillExamined() throws IOException {
        byte[] good = clip("astronaut.png", 2);
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("clips/good.mp4", good);
        // the first third of a clip: no index, no frames; then bytes that are no video at all
        tree.file("clips/cut.mp4", Arrays.copyOf(good, good.length / 3));
        byte[] noise = new byte[50_000];
        new Random(1).nextBytes(noise);
        tree.file("clips/noise.mp4", noise);
        try (Extraction x = analyse(tree)) {
            assertThat(findings(x)).containsOnlyKeys("/clips/good.mp4");
            List<ExtractionError> errors = x.errors();
            assertThat(errors).extracting(ExtractionError::locator).contains("/clips/cut.mp4");
            assertThat(errors).filteredOn(e -> e.locator().equals("/clips/cut.mp4"))
                    .allSatisfy(e -> assertThat(e.code()).startsWith("VIDEO_"));
        }
    }
}
