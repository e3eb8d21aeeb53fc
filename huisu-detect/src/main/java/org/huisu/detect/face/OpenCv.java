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
