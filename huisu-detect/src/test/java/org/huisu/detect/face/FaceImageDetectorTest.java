package org.huisu.detect.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.huisu.core.model.Category;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Finding;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.huisu.scenario.imaging.FaceCrops;
import org.huisu.scenario.samples.SamplePhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class FaceImageDetectorTest {

    /** The astronaut's face, as the models box it in astronaut.png (512 × 512). */
    private static final double[] ASTRONAUT_FACE = {176, 75, 100, 100};

    @TempDir
    Path tmp;

    static Path models;
    static SamplePhotos samples;

    @BeforeAll
    static void setUp() {
        models = installedModels();
        samples = SamplePhotos.load();
        OpenCv.load();
    }

    /** The models as scripts/install-models leaves them; a test without them fails and says how to get them. */
    static Path installedModels() {
        Path folder = FaceModels.location();
        for (String name : List.of(BlazeFace.SHORT_RANGE, BlazeFace.FULL_RANGE, FaceModels.HAAR)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                fail(folder + " lacks the face-detection model " + name + "; install the models with"
                        + " scripts/install-models (./huisu and ./run-tests do it themselves)");
            }
        }
        return folder;
    }

    @Test
    void everyFaceOfTheSamplePhotosIsFound() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        for (String name : SamplePhotos.SCENES) {
            tree.file("photos/" + name, Files.readAllBytes(samples.folder().resolve(name)));
        }
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(x.errors()).isEmpty();
            Map<String, Finding> found = findings(x);
            assertThat(found).containsOnlyKeys("/photos/astronaut.png", "/photos/camera.png", "/photos/messi5.jpg",
                    "/photos/face_swapped.jpg");
            Finding astronaut = found.get("/photos/astronaut.png");
            assertThat(astronaut.count()).isEqualTo(1);
            assertThat(astronaut.detector()).isEqualTo("blazeface");
            assertThat(astronaut.confidence()).isGreaterThan(0.9);
            assertThat(astronaut.details()).containsEntry("kind", "scene").containsEntry("width", 512)
                    .containsEntry("height", 512).containsEntry("model", "blazeface-short+full");
            assertNear(boxes(astronaut).get(0), ASTRONAUT_FACE, 15);
            // the cameraman, his face half turned; Messi among the players of messi5.jpg
            assertThat(found.get("/photos/camera.png").count()).isEqualTo(1);
            assertNear(boxes(found.get("/photos/camera.png")).get(0), new double[] {192, 123, 77, 77}, 20);
            assertThat(found.get("/photos/messi5.jpg").count()).isEqualTo(1);
            assertNear(boxes(found.get("/photos/messi5.jpg")).get(0), new double[] {221, 92, 33, 33}, 10);
            assertThat(found.get("/photos/face_swapped.jpg").count()).isEqualTo(1);
        }
    }

    @Test
    void aFaceCropAsACaptureSystemCutsItIsACrop() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            tree.file("faces/cam01_" + i + ".jpg", FaceCrops.render(samples.face(i * 9), random));
        }
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            Map<String, Finding> found = findings(x);
            assertThat(found).hasSize(10);
            assertThat(found.values()).allSatisfy(f -> {
                assertThat(f.count()).isEqualTo(1);
                assertThat(f.details()).containsEntry("kind", "crop");
            });
        }
    }

    /**
     * scikit-image's LFW subset: 100 faces of 25 × 25, then 100 pictures that are not faces, each
     * scaled up to 128 pixels as a capture system would keep them.
     */
    @Test
    void theLfwFacesAreFoundAndItsNonFacesAreNot() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        float[][] images = lfwSubset(samples.folder().resolve(SamplePhotos.LFW));
        for (int i = 0; i < images.length; i++) {
            tree.file((i < 100 ? "faces/" : "other/") + i + ".png", png(lfwImage(images[i], 128)));
        }
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            Map<String, Finding> found = findings(x);
            long faces = found.keySet().stream().filter(l -> l.startsWith("/faces/")).count();
            long others = found.keySet().stream().filter(l -> l.startsWith("/other/")).count();
            assertThat(faces / 100.0).as("recall").isGreaterThanOrEqualTo(0.95);
            assertThat(faces / (double) (faces + others)).as("precision").isGreaterThanOrEqualTo(0.97);
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void aPhotoKeptInADatabaseBlobIsExaminedAsAFileOfItsOwn() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("evidence/app")).resolve("visits.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, seen TEXT, snapshot BLOB, note BLOB)");
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO visit VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, 7);
                insert.setString(2, "2024-03-15 10:02:11");
                insert.setBytes(3, Files.readAllBytes(samples.folder().resolve("messi5.jpg")));
                insert.setBytes(4, new byte[] {1, 2, 3, 4, 5});
                insert.execute();
            }
        }
        try (Extraction x = Extraction.of(tmp.resolve("evidence"), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new org.huisu.extract.sqlite.SqliteExtractor(), new FaceImageDetector(models))) {
            Map<String, Finding> found = findings(x);
            assertThat(found).containsOnlyKeys("/app/visits.db#visit/7/snapshot");
            assertThat(found.get("/app/visits.db#visit/7/snapshot").count()).isEqualTo(1);
        }
    }

    @Test
    void aPhotoWithoutAFaceHasNoFinding() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        // the astronaut's suit and the flag, below her face; the tripod and the grass below the cameraman's
        tree.file("suit.png", png(crop("astronaut.png", 0, 220, 512, 292)));
        tree.file("grass.png", png(crop("camera.png", 0, 300, 512, 212)));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(findings(x)).isEmpty();
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void theFaceIsFoundInJpegPngBmpWebpAndGif() throws IOException {
        Mat astronaut = Imgcodecs.imread(samples.folder().resolve("astronaut.png").toString());
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        for (String ext : List.of("jpg", "png", "bmp", "webp")) {
            tree.file("astronaut." + ext, encode(astronaut, "." + ext));
        }
        tree.file("astronaut.gif", gif(ImageIO.read(samples.folder().resolve("astronaut.png").toFile())));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            Map<String, Finding> found = findings(x);
            assertThat(found).containsOnlyKeys("/astronaut.jpg", "/astronaut.png", "/astronaut.bmp", "/astronaut.webp",
                    "/astronaut.gif");
            assertThat(found.values()).allSatisfy(f -> {
                assertThat(f.count()).isEqualTo(1);
                assertNear(boxes(f).get(0), ASTRONAUT_FACE, 20);
            });
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void aJpegTurnedByItsExifOrientationIsExaminedAsItIsShown() throws IOException {
        // stored lying on its side, with EXIF orientation 6: "turn 90° clockwise to show"
        Mat astronaut = Imgcodecs.imread(samples.folder().resolve("astronaut.png").toString());
        Mat stored = new Mat();
        Core.rotate(astronaut, stored, Core.ROTATE_90_COUNTERCLOCKWISE);
        Mat wide = new Mat();
        Imgproc.resize(stored, wide, new Size(512, 400));   // not square, so that a turn shows in width and height
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("turned.jpg", withOrientation(encode(wide, ".jpg"), 6));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            Finding f = findings(x).get("/turned.jpg");
            assertThat(f).isNotNull();
            assertThat(f.details()).containsEntry("width", 400).containsEntry("height", 512);
            // upright again: the face near the top, as in astronaut.png scaled to 400 wide
            List<Number> box = boxes(f).get(0);
            assertThat(box.get(1).doubleValue()).isLessThan(150);
            assertThat(box.get(0).doubleValue()).isBetween(100.0, 200.0);
        }
    }

    @Test
    void aTruncatedJpegIsSaidToBeCutShortAndTheRunGoesOn() throws IOException {
        byte[] jpeg = Files.readAllBytes(samples.folder().resolve("messi5.jpg"));
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 3 / 5));
        tree.file("whole.png", Files.readAllBytes(samples.folder().resolve("astronaut.png")));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(codes(x.errorsAt("/cut.jpg"))).containsExactly("IMAGE_TRUNCATED");
            assertThat(x.errorsAt("/cut.jpg").get(0).message()).contains("cut short");
            assertThat(findings(x)).containsKey("/whole.png");
        }
    }

    @Test
    void anEmptyImageFileIsRecordedAsEmpty() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("empty.jpg", new byte[0]);
        tree.file("whole.png", Files.readAllBytes(samples.folder().resolve("astronaut.png")));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(codes(x.errorsAt("/empty.jpg"))).containsExactly("IMAGE_EMPTY");
            assertThat(x.errorsAt("/empty.jpg").get(0).message()).contains("0 bytes");
            assertThat(findings(x)).containsOnlyKeys("/whole.png");
        }
    }

    @Test
    void aPngClaiming30000By30000PixelsIsRefusedBeforeDecoding() throws IOException {
        // a real PNG of one row, its header then made to claim 30,000 × 30,000 (900 megapixels)
        byte[] png = encode(Mat.zeros(1, 1, org.opencv.core.CvType.CV_8UC3), ".png");
        ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN).putInt(16, 30_000).putInt(20, 30_000);
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("huge.png", png);
        tree.file("whole.png", Files.readAllBytes(samples.folder().resolve("astronaut.png")));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(codes(x.errorsAt("/huge.png"))).containsExactly("IMAGE_TOO_LARGE");
            assertThat(x.errorsAt("/huge.png").get(0).message()).contains("30000 × 30000").contains("not decoded");
            assertThat(findings(x)).containsOnlyKeys("/whole.png");
        }
    }

    @Test
    void aCmykJpegIsReadInItsColours() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("print.jpg", cmykJpeg(ImageIO.read(samples.folder().resolve("astronaut.png").toFile())));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            assertThat(x.errors()).isEmpty();
            Finding f = findings(x).get("/print.jpg");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.confidence()).isGreaterThan(0.9);   // read inverted, the face scores far lower
            assertNear(boxes(f).get(0), ASTRONAUT_FACE, 20);
        }
    }

    @Test
    void anAnimatedGifIsExaminedByItsFirstFrameAndSaysSo() throws IOException {
        BufferedImage astronaut = ImageIO.read(samples.folder().resolve("astronaut.png").toFile());
        BufferedImage blank = new BufferedImage(512, 512, BufferedImage.TYPE_3BYTE_BGR);
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("moving.gif", gif(astronaut, blank, blank));
        try (Extraction x = analyse(tree, new FaceImageDetector(models))) {
            List<ExtractionError> errors = x.errorsAt("/moving.gif");
            assertThat(codes(errors)).containsExactly("IMAGE_ANIMATED");
            assertThat(errors.get(0).examples()).anySatisfy(e -> assertThat(e).contains("3 frames"));
            assertThat(findings(x).get("/moving.gif").count()).isEqualTo(1);
        }
    }

    @Test
    void withoutTheModelsTheHaarCascadeFindsTheFacesAndSaysSo() throws IOException {
        Path haarOnly = Files.createDirectories(tmp.resolve("models"));
        Files.copy(models.resolve(FaceModels.HAAR), haarOnly.resolve(FaceModels.HAAR));
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("astronaut.png", Files.readAllBytes(samples.folder().resolve("astronaut.png")));
        try (Extraction x = analyse(tree, new FaceImageDetector(haarOnly))) {
            Finding f = findings(x).get("/astronaut.png");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.details()).containsEntry("model", "haar (models absent)");
            assertNear(boxes(f).get(0), ASTRONAUT_FACE, 20);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Extraction analyse(EvidenceTree tree, FaceImageDetector detector) {
        return Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), detector);
    }

    /** The FACE_IMAGE findings by the locator of their artifact. */
    private static Map<String, Finding> findings(Extraction x) {
        Map<Long, String> locators = x.all().stream().collect(Collectors.toMap(a -> a.id(), a -> a.locator()));
        return x.theCase().store().findings(Category.FACE_IMAGE).stream()
                .collect(Collectors.toMap(f -> locators.get(f.artifactId()), f -> f));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> boxes(Finding f) {
        return (List<List<Number>>) f.details().get("boxes");
    }

    private static List<String> codes(List<ExtractionError> errors) {
        return errors.stream().map(ExtractionError::code).toList();
    }

    private static void assertNear(List<Number> box, double[] expected, double tolerance) {
        for (int i = 0; i < 4; i++) {
            assertThat(box.get(i).doubleValue()).as("box " + box + " against " + Arrays.toString(expected))
                    .isBetween(expected[i] - tolerance, expected[i] + tolerance);
        }
    }

    private Mat crop(String sample, int x, int y, int w, int h) {
        Mat whole = Imgcodecs.imread(samples.folder().resolve(sample).toString());
        return whole.submat(y, y + h, x, x + w).clone();
    }

    private static byte[] encode(Mat image, String ext) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(ext, image, out, ext.equals(".webp") ? new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, 90)
                : new MatOfInt());
        return out.toArray();
    }

    private static byte[] png(Mat image) {
        return encode(image, ".png");
    }

    /** All 200 images of lfw_subset.npy (float64, C order, values 0 to 1). */
    private static float[][] lfwSubset(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = in.getShort(8) & 0xFFFF;
        in.position(10 + headerLength);
        int size = SamplePhotos.FACE_SIZE * SamplePhotos.FACE_SIZE;
        float[][] images = new float[(bytes.length - 10 - headerLength) / 8 / size][size];
        for (float[] image : images) {
            for (int i = 0; i < size; i++) {
                image[i] = (float) in.getDouble();
            }
        }
        assertThat(images).hasNumberOfRows(200);
        return images;
    }

    private static Mat lfwImage(float[] values, int size) {
        Mat grey = new Mat(SamplePhotos.FACE_SIZE, SamplePhotos.FACE_SIZE, org.opencv.core.CvType.CV_8UC1);
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, values[i])) * 255);
        }
        grey.put(0, 0, pixels);
        Mat up = new Mat();
        Imgproc.resize(grey, up, new Size(size, size), 0, 0, Imgproc.INTER_LINEAR);
        Mat bgr = new Mat();
        Imgproc.cvtColor(up, bgr, Imgproc.COLOR_GRAY2BGR);
        return bgr;
    }

    /** A GIF of the frames given, one after the other (ImageIO's writer, a sequence when more than one). */
    private static byte[] gif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(frame, 0, 0, null);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb),
                        null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "50");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(rgb, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A CMYK JPEG as Photoshop writes it (Adobe's inverted CMYK), from an RGB picture. */
    private static byte[] cmykJpeg(BufferedImage rgb) throws IOException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[] cmyk = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                int k = 255 - Math.max(r, Math.max(g, b));
                int scale = 255 - k;
                cmyk[0] = 255 - (scale == 0 ? 0 : (scale - r) * 255 / scale);
                cmyk[1] = 255 - (scale == 0 ? 0 : (scale - g) * 255 / scale);
                cmyk[2] = 255 - (scale == 0 ? 0 : (scale - b) * 255 / scale);
                cmyk[3] = 255 - k;
                raster.setPixel(x, y, cmyk);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = out.toByteArray();
        assertThat(ImageHeader.read(jpeg)).hasValueSatisfying(header -> assertThat(header.components()).isEqualTo(4));
        return jpeg;
    }

    /** Inserts an EXIF segment holding only IFD0's Orientation tag after the JPEG's SOI. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);                                    // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, one value
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                              // no next IFD
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
