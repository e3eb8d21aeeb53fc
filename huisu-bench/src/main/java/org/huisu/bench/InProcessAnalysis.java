package org.huisu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Category;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Finding;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.pipeline.Analysis;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.progress.Progress;
import org.huisu.extract.filetype.FileTypeExtractor;

/**
 * A folder of evidence acquired into a new case and analysed in this JVM as {@code huisu analyze}
 * does it: first the file types (untimed), then the detectors alone, timed — wall time and the
 * process's CPU time — with whatever they read from the evidence, decode and write to the case.
 */
final class InProcessAnalysis {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A finding and where it stands: the artifact's locator ({@code /lfw/face-000.png}) and name. */
    record Located(String locator, String name, Finding finding) {
    }

    /** What the detectors found and what they took; {@code items} is how many artifacts they ran on. */
    record Result(List<Located> findings, List<ExtractionError> errors, long items, double wallSeconds,
            double cpuSeconds) {

        List<Located> of(Category category) {
            return findings.stream().filter(l -> l.finding().category() == category).toList();
        }

        /** The findings of one category by locator (a detector gives at most one an artifact). */
        Map<String, Finding> byLocator(Category category) {
            Map<String, Finding> m = new HashMap<>();
            of(category).forEach(l -> m.put(l.locator(), l.finding()));
            return m;
        }
    }

    private InProcessAnalysis() {
    }

    static Result run(Path evidence, Path caseFolder, int threads, List<? extends Detector> detectors) {
        try (Case c = Case.create(caseFolder, "huisu-bench detection", "huisu-bench")) {
            Source source = new Acquisition(c, EvidenceFiles.best(), Progress.NONE).run(new Acquisition.Request(
                    evidence, "evidence", SourceKind.DIRECTORY, EnumSet.of(HashAlgorithm.SHA256), false, false,
                    threads, "huisu-bench", ZoneId.of("UTC"))).source();
            new Analysis(c, List.of(new FileTypeExtractor()), EvidenceFiles.best(), Progress.NONE).run(threads);
            List<Extractor> using = new ArrayList<>(detectors);
            long cpu = PROCESS.getProcessCpuTime();
            long started = System.nanoTime();
            Analysis.Summary summary = new Analysis(c, using, EvidenceFiles.best(), Progress.NONE).run(threads);
            double wall = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (PROCESS.getProcessCpuTime() - cpu) / 1e9;
            Map<Long, String[]> artifacts = new HashMap<>();
            c.store().forEachArtifact(source.id(), a -> artifacts.put(a.id(), new String[] {a.locator(), a.name()}));
            List<Located> found = new ArrayList<>();
            for (Category category : Category.values()) {
                for (Finding f : c.store().findings(category)) {
                    String[] where = artifacts.getOrDefault(f.artifactId(), new String[] {"?", "?"});
                    found.add(new Located(where[0], where[1], f));
                }
            }
            return new Result(found, c.store().errors(source.id()), summary.items(), wall, cpuSeconds);
        }
    }
}
