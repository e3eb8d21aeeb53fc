package org.huisu.detect.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huisu.core.model.Category;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.opencv.core.Mat;

/**
 * Faces in photos (FACE_IMAGE): MediaPipe BlazeFace, short and full range, run by OpenCV's DNN
 * module on JPEG, PNG, BMP, WebP and the first frame of GIF; OpenCV's Haar cascade when the models
 * are not installed, which the finding says. One finding per image with faces: how many, the best
 * score, the boxes, and whether the image is a face crop or a scene.
 */
public final class FaceImageDetector implements Detector {

    /** Pictures above this are refused before decoding: 100 megapixels is 300 MB of pixels. */
    static final long MAX_PIXELS = 100_000_000L;
    /** An image file larger than this is not read into memory. */
    static final int MAX_BYTES = 256 * 1024 * 1024;
    /** One face whose box covers this share of the picture makes it a crop rather than a scene. */
    static final double CROP_SHARE = 0.2;

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/pjpeg", "image/png", "image/bmp",
            "image/x-bmp", "image/x-ms-bmp", "image/webp", "image/gif");
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "jfif", "png", "bmp", "webp", "gif");

    private final FaceModels models;

    /** The models from {@code -Dhuisu.models}, {@code $HUISU_MODELS} or {@code ~/.cache/huisu/models}. */
    public FaceImageDetector() {
        this(FaceModels.location());
    }

    /** The models in {@code folder}. */
    public FaceImageDetector(Path folder) {
        this.models = FaceModels.in(folder);
    }

    @Override
    public String name() {
        return "blazeface";
    }

    @Override
    public String description() {
        return "faces in JPEG, PNG, BMP, WebP and GIF images (MediaPipe BlazeFace short and full range through"
                + " OpenCV; Haar cascade when the models are absent)";
    }

    /**
     * Images by their detected type; a file named as an image whose content Tika could not tell
     * (empty, damaged) is taken too, so that what is wrong with it is recorded.
     */
    @Override
    public boolean accepts(Item item) {
        if (!item.hasContent()) {
            return false;
        }
        String type = item.mediaType();
        if (type != null && TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            return true;
        }
        boolean unknown = type == null || type.equals("application/octet-stream");
        return unknown && EXTENSIONS.contains(extension(item.name()));
    }

    @Override
    public void extract(Item item, Emitter out) throws IOException {
        byte[] bytes;
        try (InputStream in = item.open()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length == 0) {
            out.problem("IMAGE_EMPTY", "the image file is 0 bytes; there is nothing to look for faces in", item.name());
            return;
        }
        if (bytes.length > MAX_BYTES) {
            out.problem("IMAGE_TOO_LARGE", "the image file is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB; it was not examined for faces", item.name());
            return;
        }
        Optional<ImageHeader> read = ImageHeader.read(bytes);
        if (read.isEmpty() || read.get().width() <= 0 || read.get().height() <= 0) {
            out.problem("IMAGE_UNREADABLE", "the file is not a JPEG, PNG, BMP, WebP or GIF image whose header can be"
                    + " read; it was not examined for faces", item.name() + " (" + bytes.length + " bytes)");
            return;
        }
        ImageHeader header = read.get();
        if (header.pixels() > MAX_PIXELS) {
            out.problem("IMAGE_TOO_LARGE", "the image says it is " + header.width() + " × " + header.height()
                    + " pixels, above the limit of " + MAX_PIXELS / 1_000_000 + " megapixels; it was not decoded",
                    item.name());
            return;
        }
        if (!header.complete()) {
            out.problem("IMAGE_TRUNCATED", "the " + header.format() + " image is cut short; what could be decoded of it"
                    + " was examined", item.name() + " (" + bytes.length + " bytes)");
        }
        if (header.format() == ImageHeader.Format.GIF && header.frames() > 1) {
            out.problem("IMAGE_ANIMATED", "only the first frame of the animated GIF was examined for faces",
                    item.name() + " (" + header.frames() + " frames)");
        }
        if (!models.present()) {
            out.problem("FACE_MODEL_MISSING", "no face-detection model is installed in " + models.folder()
                    + "; install them with scripts/install-models", item.name());
            return;
        }
        OpenCv.load();
        ImageDecoder.Decoded decoded;
        try {
            // BlazeFace sees at most 192 pixels: a JPEG larger than that is decoded reduced, cheaply
            decoded = ImageDecoder.decode(bytes, header, BlazeFaceFinder.MODEL.equals(models.model())
                    ? BlazeFaceFinder.DECODE_SIDE : Integer.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            out.problem("IMAGE_UNREADABLE", "the " + header.format() + " image could not be decoded; it was not"
                    + " examined for faces", item.name() + ": " + e.getMessage());
            return;
        }
        Mat bgr = decoded.bgr();
        try {
            if (bgr.empty()) {
                out.problem("IMAGE_UNREADABLE", "the " + header.format() + " image could not be decoded; it was not"
                        + " examined for faces", item.name());
                return;
            }
            List<Face> faces = find(bgr);
            if (faces.isEmpty()) {
                return;
            }
            int r = decoded.reduction();
            int width = bgr.cols() * r;
            int height = bgr.rows() * r;
            List<List<Number>> boxes = new ArrayList<>();
            for (Face f : faces) {
                boxes.add(new Face(f.x() * r, f.y() * r, f.width() * r, f.height() * r, f.score()).asList());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("boxes", boxes);
            details.put("kind", kind(faces, bgr.cols(), bgr.rows()));
            details.put("width", width);
            details.put("height", height);
            details.put("model", models.model());
            out.finding(Category.FACE_IMAGE, faces.size(), faces.get(0).score(), details);
        } finally {
            bgr.release();
        }
    }

    private List<Face> find(Mat bgr) {
        FaceFinder finder = models.borrow();
        try {
            return finder.find(bgr);
        } finally {
            models.giveBack(finder);
        }
    }

    /** A crop is one face filling a good part of the picture, as a capture system cuts it; anything else a scene. */
    static String kind(List<Face> faces, int width, int height) {
        return isCrop(faces, width, height) ? "crop" : "scene";
    }

    static boolean isCrop(List<Face> faces, int width, int height) {
        return faces.size() == 1 && faces.get(0).area() >= CROP_SHARE * width * height;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
