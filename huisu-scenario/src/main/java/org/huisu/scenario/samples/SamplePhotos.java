package org.huisu.scenario.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.huisu.core.HuisuException;

/**
 * The real photos the sample case is made of, installed from Debian packages by
 * {@code scripts/install-samples}: the 100 LFW faces of scikit-image's {@code lfw_subset.npy}
 * (25×25 grey, the first 100 of its 200 images; the other 100 are not faces) and four full-size
 * photos used as camera scenes.
 */
public final class SamplePhotos {

    public static final String LFW = "lfw_subset.npy";
    public static final List<String> SCENES = List.of("astronaut.png", "camera.png", "messi5.jpg", "face_swapped.jpg");
    public static final int FACE_SIZE = 25;
    public static final int FACES = 100;

    private static final Pattern SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+), (\\d+)\\)");

    private final Path folder;
    private final float[][] faces;
    private final List<BufferedImage> scenes;

    private SamplePhotos(Path folder, float[][] faces, List<BufferedImage> scenes) {
        this.folder = folder;
        this.faces = faces;
        this.scenes = scenes;
    }

    /**
     * Where the photos are: {@code -Dhuisu.samples}, else {@code $HUISU_SAMPLES}, else
     * {@code ~/.cache/huisu/samples} (where the installer puts them).
     */
    public static Path location() {
        String property = System.getProperty("huisu.samples");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("HUISU_SAMPLES");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("huisu").resolve("samples");
    }

    /** Loads the photos from {@link #location()}; a missing one is a sentence naming the installer. */
    public static SamplePhotos load() {
        return load(location());
    }

    public static SamplePhotos load(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : allFiles()) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw HuisuException.unreadable(folder + " lacks the sample photos " + String.join(", ", missing)
                    + "; install them with scripts/install-samples (./huisu demo and ./run-tests do it themselves)");
        }
        try {
            List<BufferedImage> scenes = new ArrayList<>();
            for (String name : SCENES) {
                BufferedImage image = ImageIO.read(folder.resolve(name).toFile());
                if (image == null) {
                    throw HuisuException.unreadable(folder.resolve(name) + " is not a readable image; reinstall it"
                            + " with scripts/install-samples");
                }
                scenes.add(asBgr(image));
            }
            return new SamplePhotos(folder, readFaces(folder.resolve(LFW)), List.copyOf(scenes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java2D scales fastest between images of one type; frames are encoded from 3-byte BGR. */
    private static BufferedImage asBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = bgr.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return bgr;
    }

    public static List<String> allFiles() {
        List<String> all = new ArrayList<>(SCENES);
        all.add(0, LFW);
        return all;
    }

    /** Reads the first 100 images of the NumPy array (float64, C order, values 0 to 1). */
    static float[][] readFaces(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw HuisuException.unreadable(npy + " is not a NumPy array file; reinstall it with scripts/install-samples");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? in.getShort(8) & 0xffff : in.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.ISO_8859_1);
        Matcher shape = SHAPE.matcher(header);
        if (!header.contains("'<f8'") || !shape.find() || Integer.parseInt(shape.group(2)) != FACE_SIZE
                || Integer.parseInt(shape.group(1)) < FACES) {
            throw HuisuException.unreadable(npy + " is not the LFW subset (200 × 25 × 25 float64); reinstall it with"
                    + " scripts/install-samples");
        }
        float[][] faces = new float[FACES][FACE_SIZE * FACE_SIZE];
        in.position(dataStart);
        for (int f = 0; f < FACES; f++) {
            for (int i = 0; i < FACE_SIZE * FACE_SIZE; i++) {
                faces[f][i] = (float) in.getDouble();
            }
        }
        return faces;
    }

    public Path folder() {
        return folder;
    }

    /** A face as 25×25 grey levels from 0 to 1, row by row. */
    public float[] face(int index) {
        return faces[index];
    }

    public int faceCount() {
        return faces.length;
    }

    public List<BufferedImage> scenes() {
        return scenes;
    }
}
