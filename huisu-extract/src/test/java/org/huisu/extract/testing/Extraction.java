package org.huisu.extract.testing;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.pipeline.Analysis;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.progress.Progress;

/**
 * A case made from a folder of evidence and analysed with the extractors found on the class path
 * (or those given): what the extractor tests look at.
 */
public final class Extraction implements AutoCloseable {

    private final Case theCase;
    private final Source source;
    private final Analysis.Summary summary;

    private Extraction(Case theCase, Source source, Analysis.Summary summary) {
        this.theCase = theCase;
        this.source = source;
        this.summary = summary;
    }

    public static Extraction of(Path evidence, Path caseParent, SourceKind kind, Extractor... extractors) {
        return of(evidence, caseParent, kind, ZoneId.of("UTC"), extractors);
    }

    /** As above, the evidence's clocks having kept {@code zone}. */
    public static Extraction of(Path evidence, Path caseParent, SourceKind kind, ZoneId zone,
            Extractor... extractors) {
        Case c = Case.create(caseParent.resolve("case"), "Extraction test", "Wang Li");
        Source s = new Acquisition(c, EvidenceFiles.best(), Progress.NONE).run(new Acquisition.Request(evidence,
                "evidence", kind, EnumSet.of(HashAlgorithm.SHA256), false, false, 2, "Wang Li", zone)).source();
        List<Extractor> using = extractors.length == 0 ? Analysis.discover() : List.of(extractors);
        Analysis.Summary summary = new Analysis(c, using, EvidenceFiles.best(), Progress.NONE).run(2);
        return new Extraction(c, s, summary);
    }

    public Case theCase() {
        return theCase;
    }

    public Source source() {
        return source;
    }

    public Analysis.Summary summary() {
        return summary;
    }

    public Artifact at(String locator) {
        return theCase.store().artifactAt(source.id(), locator)
                .orElseThrow(() -> new AssertionError("no artifact at " + locator + "; there are " + locators()));
    }

    public Optional<Artifact> find(String locator) {
        return theCase.store().artifactAt(source.id(), locator);
    }

    public List<Artifact> all() {
        List<Artifact> all = new ArrayList<>();
        theCase.store().forEachArtifact(source.id(), all::add);
        return all;
    }

    public List<String> locators() {
        return all().stream().map(Artifact::locator).toList();
    }

    /** The activities found, by time. */
    public List<Activity> activities() {
        return theCase.store().activities(null);
    }

    /** The errors recorded on the artifact at {@code locator}. */
    public List<ExtractionError> errorsAt(String locator) {
        return errors().stream().filter(e -> locator.equals(e.locator())).toList();
    }

    public List<ExtractionError> errors() {
        return theCase.store().errors(source.id());
    }

    @Override
    public void close() {
        theCase.close();
    }
}
