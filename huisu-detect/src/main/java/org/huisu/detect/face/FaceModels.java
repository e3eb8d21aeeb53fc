package org.huisu.detect.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Where the face models are and the finders made of them: the BlazeFace pair when both TFLite
 * files are there (as {@code scripts/install-models} puts them), else the Haar cascade, from the
 * same folder or from Debian's {@code opencv-data}, else none. Finders are pooled, one per thread
 * at work, since an OpenCV network is not to be shared between threads.
 */
final class FaceModels {

    static final String HAAR = "haarcascade_frontalface_alt2.xml";
    private static final List<Path> SYSTEM_HAAR = List.of(
            Path.of("/usr/share/opencv4/haarcascades", HAAR),
            Path.of("/usr/share/opencv/haarcascades", HAAR));

    private final Path folder;
    private final Supplier<FaceFinder> factory;
    private final String model;
    private final ConcurrentLinkedQueue<FaceFinder> idle = new ConcurrentLinkedQueue<>();

    private FaceModels(Path folder, Supplier<FaceFinder> factory, String model) {
        this.folder = folder;
        this.factory = factory;
        this.model = model;
    }

    /**
     * The models folder: {@code -Dhuisu.models}, else {@code $HUISU_MODELS}, else
     * {@code ~/.cache/huisu/models} (or under {@code $XDG_CACHE_HOME}), where the installer puts them.
     */
    static Path location() {
        String property = System.getProperty("huisu.models");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("HUISU_MODELS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("huisu").resolve("models");
    }

    /** What {@code folder} offers; nothing is loaded until a finder is first needed. */
    static FaceModels in(Path folder) {
        if (Files.isRegularFile(folder.resolve(BlazeFace.SHORT_RANGE)) && Files.isRegularFile(folder.resolve(BlazeFace.FULL_RANGE))) {
            return new FaceModels(folder, () -> new BlazeFaceFinder(folder), BlazeFaceFinder.MODEL);
        }
        Optional<Path> haar = haar(folder);
        if (haar.isPresent()) {
            return new FaceModels(folder, () -> new HaarFaceFinder(haar.get()), HaarFaceFinder.MODEL);
        }
        return new FaceModels(folder, null, null);
    }

    private static Optional<Path> haar(Path folder) {
        if (Files.isRegularFile(folder.resolve(HAAR))) {
            return Optional.of(folder.resolve(HAAR));
        }
        return SYSTEM_HAAR.stream().filter(Files::isRegularFile).findFirst();
    }

    Path folder() {
        return folder;
    }

    boolean present() {
        return factory != null;
    }

    /** {@code blazeface-short+full} or {@code haar (models absent)}; null when there is no model. */
    String model() {
        return model;
    }

    FaceFinder borrow() {
        FaceFinder finder = idle.poll();
        if (finder == null) {
            OpenCv.load();
            finder = factory.get();
        }
        return finder;
    }

    void giveBack(FaceFinder finder) {
        idle.add(finder);
    }
}
