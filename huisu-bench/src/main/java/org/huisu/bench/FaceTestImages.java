package org.huisu.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.huisu.scenario.imaging.Jpeg;
import org.huisu.scenario.imaging.SceneFrames;

/**
 * The images both face detectors are run on, written into one folder: {@code lfw/} (the 200 images
 * of scikit-image's {@code lfw_subset.npy}, 100 faces then 100 non-faces, scaled up from 25 to 128
 * pixels as a capture system keeps them), {@code photos/} (the full photos as installed, with the
 * faces each holds) and {@code speed/} (512 × 512 JPEG photos cut from the full photos, half of them
 * with LFW faces pasted into a scene without one).
 */
final class FaceTestImages {

    static final int LFW_SIZE = 128;
    static final int LFW_SIDE = 25;
    static final int LFW_FACES = 100;
    static final int SPEED_SIZE = 512;

    /**
     * The faces in each full photo, counted by looking at them. messi5.jpg: Messi; the spectators in
     * the stands behind him are blurred and a few pixels wide, and are not counted. face_swapped.jpg:
     * one man (another's face swapped onto him). facereg.jpg: four portraits in a 2 × 2 grid, with
     * the landmark dots of OpenCV's face-recognition tutorial drawn on them. camera.png: the
     * cameraman, face half turned. The last four have no face (a cat, a cup, a baboon, fruit).
     */
    static final Map<String, Integer> PHOTOS = photos();

    private static Map<String, Integer> photos() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("astronaut.png", 1);
        m.put("camera.png", 1);
        m.put("messi5.jpg", 1);
        m.put("face_swapped.jpg", 1);
        m.put("facereg.jpg", 4);
        m.put("chelsea.png", 0);
        m.put("coffee.png", 0);
        m.put("baboon.jpg", 0);
        m.put("fruits.jpg", 0);
        return m;
    }

    private static final List<String> WITHOUT_FACE = List.of("chelsea.png", "coffee.png", "baboon.jpg", "fruits.jpg");
    private static final Pattern SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+), (\\d+)\\)");

    /** The folder, and the speed set's files relative to it, in order. */
    record Made(Path root, List<String> lfw, List<String> photos, List<String> speed) {

        List<String> all() {
            List<String> all = new ArrayList<>(lfw);
            all.addAll(photos);
            all.addAll(speed);
            return all;
        }
    }

    private FaceTestImages() {
    }

    /** Whether an LFW file of the set is one of the 100 faces (the others are the 100 non-faces). */
    static boolean isLfwFace(String relative) {
        return relative.startsWith("lfw/face-");
    }

    static Made make(Path samples, Path root, int speedImages, long seed) throws IOException {
        List<String> missing = PHOTOS.keySet().stream().filter(n -> !Files.isRegularFile(samples.resolve(n))).toList();
        if (!Files.isRegularFile(samples.resolve("lfw_subset.npy")) || !missing.isEmpty()) {
            throw new BenchmarkFailure(samples + " lacks lfw_subset.npy or the photos " + missing + "; install them"
                    + " with scripts/install-samples");
        }
        float[][] lfw = readLfw(samples.resolve("lfw_subset.npy"));
        Files.createDirectories(root.resolve("lfw"));
        Files.createDirectories(root.resolve("photos"));
        Files.createDirectories(root.resolve("speed"));
        List<String> lfwFiles = new ArrayList<>();
        for (int i = 0; i < lfw.length; i++) {
            String name = String.format("lfw/%s-%03d.png", i < LFW_FACES ? "face" : "other", i);
            ImageIO.write(scaled(grey(lfw[i]), LFW_SIZE), "png", root.resolve(name).toFile());
            lfwFiles.add(name);
        }
        List<String> photoFiles = new ArrayList<>();
        Map<String, BufferedImage> decoded = new LinkedHashMap<>();
        for (String name : PHOTOS.keySet()) {
            Files.copy(samples.resolve(name), root.resolve("photos").resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
            photoFiles.add("photos/" + name);
            BufferedImage image = ImageIO.read(samples.resolve(name).toFile());
            if (image == null) {
                throw new BenchmarkFailure(samples.resolve(name) + " is not a readable image; reinstall it with"
                        + " scripts/install-samples");
            }
            decoded.put(name, image);
        }
        List<String> speedFiles = new ArrayList<>();
        Random random = new Random(seed);
        List<String> names = List.copyOf(PHOTOS.keySet());
        for (int i = 0; i < speedImages; i++) {
            String name = String.format("speed/photo-%04d.jpg", i);
            BufferedImage frame;
            if (i % 2 == 0) {
                // a window of a full photo, as a camera frames it
                frame = SceneFrames.view(decoded.get(names.get(i / 2 % names.size())), SPEED_SIZE, SPEED_SIZE,
                        1 + random.nextDouble() * 0.6, 0.3 + random.nextDouble() * 0.4, 0.3 + random.nextDouble() * 0.4,
                        random.nextBoolean(), 0.85 + random.nextDouble() * 0.3, true);
            } else {
                frame = SceneFrames.view(decoded.get(WITHOUT_FACE.get(i / 2 % WITHOUT_FACE.size())), SPEED_SIZE,
                        SPEED_SIZE, 1 + random.nextDouble() * 0.3, 0.5, 0.5, random.nextBoolean(), 1.0, true);
                pasteFaces(frame, lfw, random);
            }
            Files.write(root.resolve(name), Jpeg.encode(frame, 0.9f));
            speedFiles.add(name);
        }
        return new Made(root, lfwFiles, photoFiles, speedFiles);
    }

    /** One or two LFW faces, 80 to 200 pixels wide, at places that do not overlap. */
    private static void pasteFaces(BufferedImage frame, float[][] lfw, Random random) {
        int faces = 1 + random.nextInt(2);
        Graphics2D g = frame.createGraphics();
        for (int f = 0; f < faces; f++) {
            int size = 80 + random.nextInt(121);
            int half = SPEED_SIZE / faces;
            int x = f * half + random.nextInt(Math.max(1, half - size));
            int y = random.nextInt(SPEED_SIZE - size);
            g.drawImage(scaled(grey(lfw[random.nextInt(LFW_FACES)]), size), x, y, null);
        }
        g.dispose();
    }

    private static BufferedImage grey(float[] values) {
        BufferedImage image = new BufferedImage(LFW_SIDE, LFW_SIDE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, values[i])) * 255);
        }
        return image;
    }

    /** Scaled up bilinearly into a BGR square, as photos are stored. */
    private static BufferedImage scaled(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /**
     * All 200 images of the NumPy array (float64, C order, values 0 to 1). {@code SamplePhotos}
     * reads only the first 100, the faces; the benchmark needs the non-faces too.
     */
    static float[][] readLfw(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new BenchmarkFailure(npy + " is not a NumPy array file; reinstall it with scripts/install-samples");
        }
        boolean v1 = bytes[6] == 1;
        int headerLength = v1 ? in.getShort(8) & 0xffff : in.getInt(8);
        int start = (v1 ? 10 : 12) + headerLength;
        String header = new String(bytes, v1 ? 10 : 12, headerLength, StandardCharsets.ISO_8859_1);
        Matcher shape = SHAPE.matcher(header);
        if (!header.contains("'<f8'") || !shape.find() || Integer.parseInt(shape.group(1)) != 2 * LFW_FACES
                || Integer.parseInt(shape.group(2)) != LFW_SIDE || Integer.parseInt(shape.group(3)) != LFW_SIDE) {
            throw new BenchmarkFailure(npy + " is not the LFW subset (200 × 25 × 25 float64); reinstall it with"
                    + " scripts/install-samples");
        }
        in.position(start);
        float[][] images = new float[2 * LFW_FACES][LFW_SIDE * LFW_SIDE];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) in.getDouble();
            }
        }
        return images;
    }
}
