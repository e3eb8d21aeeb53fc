package org.huisu.detect.face;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.huisu.core.model.Category;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Faces in videos (FACE_VIDEO): frames sampled through FFmpeg (JavaCV), by default one a second
 * ({@code huisu analyze --video-fps}), each looked at with the same face finder as photos. One
 * finding per video with faces: the frames sampled and those with faces, the most faces in one
 * frame, when a face is first and last seen, and a JPEG thumbnail of the best frame kept in the
 * object store. A video FFmpeg cannot open or read is a recorded error; the run goes on.
 */
public final class FaceVideoDetector implements Detector {

    /** The system property {@code huisu analyze --video-fps} sets. */
    public static final String FPS_PROPERTY = "huisu.video.fps";

    /** At most this many frames are looked at in one video, whatever its length. */
    static final int MAX_FRAMES = 3600;

    private static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "flv", "3gp",
            "ts", "mpg", "mpeg", "wmv");

    static {
        // what FFmpeg has to say about a damaged video is recorded as an extraction error, not printed
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET);
    }

    private final FaceModels models;

    public FaceVideoDetector() {
        this(FaceModels.location());
    }

    public FaceVideoDetector(Path folder) {
        this.models = FaceModels.in(folder);
    }

    @Override
    public String name() {
        return "face-video";
    }

    @Override
    public String description() {
        return "faces in videos: frames sampled through FFmpeg (--video-fps, default 1 a second) and looked at with"
                + " the photo face finder; first and last time seen, a thumbnail of the best frame";
    }

    @Override
    public boolean accepts(Item item) {
        if (!item.hasContent()) {
            return false;
        }
        String type = item.mediaType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("video/")) {
            return true;
        }
        boolean unknown = type == null || type.equals("application/octet-stream");
        String name = item.name().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return unknown && dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    static double framesPerSecond() {
        String value = System.getProperty(FPS_PROPERTY);
        if (value == null) {
            return 1.0;
        }
        double fps = Double.parseDouble(value);
        return fps > 0 && fps <= 60 ? fps : 1.0;
    }

    @Override
    public void extract(Item item, Emitter out) throws IOException {
        if (!models.present()) {
            out.problem("FACE_MODEL_MISSING", "no face-detection model is installed in " + models.folder()
                    + "; install them with scripts/install-models", item.name());
            return;
        }
        OpenCv.load();
        double fps = framesPerSecond();
        Path file = item.workingCopy();
        Sampled s = new Sampled();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                out.problem("VIDEO_UNREADABLE", "FFmpeg cannot open the video; it was not examined for faces",
                        item.name() + ": " + e.getMessage());
                return;
            }
            s.width = grabber.getImageWidth();
            s.height = grabber.getImageHeight();
            s.duration = grabber.getLengthInTime() / 1e6;
            long step = Math.round(1_000_000 / fps);
            long next = 0;
            while (s.sampled < MAX_FRAMES) {
                Frame frame;
                try {
                    frame = grabber.grabImage();
                } catch (FrameGrabber.Exception e) {
                    out.problem("VIDEO_DAMAGED", "the video could not be read to its end; the frames before the damage"
                            + " were examined", item.name() + ": " + e.getMessage());
                    break;
                }
                if (frame == null) {
                    break;
                }
                if (frame.timestamp < next) {
                    continue;
                }
                next = frame.timestamp + step;
                BufferedImage image = converter.getBufferedImage(frame);
                if (image == null) {
                    continue;
                }
                s.look(frame.timestamp / 1e6, bgr(image), image);
            }
        }
        if (s.sampled == 0) {
            out.problem("VIDEO_UNREADABLE", "no frame of the video could be decoded; it was not examined for faces",
                    item.name());
            return;
        }
        if (s.withFaces == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("framesSampled", s.sampled);
        details.put("framesWithFaces", s.withFaces);
        details.put("mostFacesInOneFrame", s.most);
        details.put("firstSeenSeconds", round(s.first));
        details.put("lastSeenSeconds", round(s.last));
        details.put("bestFrameSeconds", round(s.bestTime));
        details.put("fps", fps);
        details.put("durationSeconds", round(s.duration));
        details.put("width", s.width);
        details.put("height", s.height);
        details.put("model", models.model());
        if (s.bestImage != null) {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(s.bestImage, "jpg", jpeg);
            details.put("thumbnail", out.store(new ByteArrayInputStream(jpeg.toByteArray())));
        }
        out.finding(Category.FACE_VIDEO, s.most, s.bestScore, details);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** What the sampled frames showed. */
    private final class Sampled {
        int sampled;
        int withFaces;
        int most;
        double first = -1;
        double last = -1;
        double bestScore;
        double bestTime;
        BufferedImage bestImage;
        int width;
        int height;
        double duration;

        void look(double time, Mat bgr, BufferedImage image) {
            sampled++;
            List<Face> faces;
            FaceFinder finder = models.borrow();
            try {
                faces = finder.find(bgr);
            } finally {
                models.giveBack(finder);
                bgr.release();
            }
            if (faces.isEmpty()) {
                return;
            }
            withFaces++;
            most = Math.max(most, faces.size());
            if (first < 0) {
                first = time;
            }
            last = time;
            double score = faces.stream().mapToDouble(Face::score).max().orElse(0);
            if (score > bestScore) {
                bestScore = score;
                bestTime = time;
                bestImage = copy(image);
            }
        }
    }

    /** The converter reuses its image between frames: the best one is copied out. */
    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    /** A BGR matrix of the frame's pixels. */
    private static Mat bgr(BufferedImage image) {
        BufferedImage bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : copy(image);
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
        mat.put(0, 0, pixels);
        return mat;
    }
}
