package org.huisu.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.huisu.core.progress.Progress;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.samples.SamplePhotos;

/**
 * Small generated worlds, made once per test run and shared by the tests that only read them
 * (generating takes seconds; the tests that need a fresh one make their own).
 */
public final class GeneratedWorlds {

    private static final Map<String, ScenarioGenerator.Result> MADE = new HashMap<>();

    private GeneratedWorlds() {
    }

    /** 240 face records over 4 days, uploaded to S3 (seed 7) or OSS (seed 8). */
    public static synchronized ScenarioGenerator.Result small(Provider provider) {
        return MADE.computeIfAbsent(provider.cliName(), p -> {
            try {
                Path root = Files.createTempDirectory("huisu-scenario-" + p + "-");
                Scenario s = new Scenario(provider == Provider.S3 ? 7 : 8, 240, 4, provider,
                        java.time.LocalDate.of(2024, 3, 12));
                return new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, 2).generate(s, root.resolve("world"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
