package org.huisu.detect.face;

/**
 * Loads OpenCV's native library from the openpnp jar, once per JVM, and keeps each call to one
 * thread: analysis already runs one item per core, and OpenCV's own threads on top of that only
 * contend (measured: a third fewer images a second on two cores).
 */
final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    /**
     * Reads a TFLite model, one import at a time in the JVM: OpenCV 4.9's importer fills a static
     * table of operators on first use without a lock, so two threads importing at once saw a half
     * filled table ("Unsupported operator type RELU") or corrupted the heap (the JVM aborted).
     */
    static synchronized org.opencv.dnn.Net importTfLite(java.nio.file.Path model) {
        load();
        return org.opencv.dnn.Dnn.readNetFromTFLite(model.toString());
    }

    static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    org.opencv.core.Core.setNumThreads(1);
                    loaded = true;
                }
            }
        }
    }
}
