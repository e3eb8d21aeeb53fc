package org.huisu.detect.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The first TFLite import in a JVM fills OpenCV's operator table; analysis threads that load the
 * models at the same moment once aborted the JVM or failed with "Unsupported operator type RELU".
 * The race only exists in a fresh JVM, so each round is a new one, all its threads importing at once.
 */
class ModelImportRaceTest {

    private static final int ROUNDS = 20;
    private static final int THREADS = 4;

    @Test
    void modelsImportedByManyThreadsAtOnceInAFreshJvmAllLoad() throws Exception {
        Path models = FaceImageDetectorTest.installedModels();
        for (int round = 0; round < ROUNDS; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dhuisu.models=" + models,
                    ModelImportRaceTest.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("round %d did not end", round).isTrue();
            assertThat(child.exitValue()).as("round %d exit; output:%n%s", round, output).isZero();
            assertThat(output).as("round %d", round).isEqualTo(THREADS + " models loaded\n");
        }
    }

    /** One round: {@value #THREADS} threads released together, each importing the same model. */
    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path folder = FaceModels.location();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    BlazeFace.shortRange(folder);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        System.out.print(THREADS + " models loaded\n");
        System.out.flush();
    }
}
