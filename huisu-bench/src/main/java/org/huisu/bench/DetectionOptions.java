package org.huisu.bench;

import java.nio.file.Path;
import java.util.Set;

/** The detection benchmark's options; the defaults are the sets and the machine the targets are set at. */
record DetectionOptions(int speedImages, int runs, int threads, Path python, Path cascade, Path script, Path models,
        int records, Path work, boolean keep, long seed) {

    static final String USAGE = """
            usage: DetectionBenchmark [options]
              --speed-images N  512 x 512 JPEG photos in the speed set (default 300)
              --runs N          timed runs over the speed set of each tool, after one untimed check run over
                                every image; the median is reported (default 3)
              --threads N       huisu's analysis threads and the Haar script's processes (default 2, the
                                machine the target is set at)
              --python PATH     the Python with Debian's python3-opencv (default /usr/bin/python3)
              --cascade PATH    the Haar cascade (default /usr/share/opencv4/haarcascades/
                                haarcascade_frontalface_default.xml, from the Debian package opencv-data)
              --script PATH     the Haar script (default huisu-bench/src/main/python/haar_faces.py)
              --models DIR      huisu's face models (default: -Dhuisu.models, $HUISU_MODELS or
                                ~/.cache/huisu/models, where scripts/install-models puts them)
              --records N       face records of the generated case whose vectors are looked for (default 240)
              --work DIR        where the images, cases and databases go (default: a new temp folder)
              --keep            leave them in place at the end
              --seed N          seed of the speed set, the generated case, the float database and the identity
                                numbers (default 1)
              --help            show this
            """;

    static final Path DEBIAN_CASCADE = Path.of("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");

    private static final Set<String> TAKES_VALUE = Set.of("--speed-images", "--runs", "--threads", "--python",
            "--cascade", "--script", "--models", "--records", "--work", "--seed");

    /** Reads the arguments; null means --help was asked for. */
    static DetectionOptions parse(String[] args) {
        int speedImages = 300;
        int runs = 3;
        int threads = 2;
        Path python = Path.of("/usr/bin/python3");
        Path cascade = DEBIAN_CASCADE;
        Path script = Path.of("huisu-bench/src/main/python/haar_faces.py");
        Path models = null;
        int records = 240;
        Path work = null;
        boolean keep = false;
        long seed = 1;
        OptionValues.Arguments given = OptionValues.read(args, Set.of("--keep"), TAKES_VALUE);
        if (given == null) {
            return null;
        }
        keep = given.flag("--keep");
        for (var option : given.values().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--speed-images" -> speedImages = OptionValues.positive(name, value);
                case "--runs" -> runs = OptionValues.positive(name, value);
                case "--threads" -> threads = OptionValues.positive(name, value);
                case "--python" -> python = Path.of(value);
                case "--cascade" -> cascade = Path.of(value);
                case "--script" -> script = Path.of(value);
                case "--models" -> models = Path.of(value);
                case "--records" -> records = OptionValues.positive(name, value);
                case "--work" -> work = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (records < 16) {
            throw new IllegalArgumentException("--records " + records + ": the generated case needs at least 16");
        }
        return new DetectionOptions(speedImages, runs, threads, python, cascade, script, models, records, work, keep,
                seed);
    }
}
