package org.huisu.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.core.HuisuException;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.huisu.core.model.Source;
import org.huisu.core.progress.Progress;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.core.testing.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {

    @TempDir
    Path tmp;

    private Case theCase;
    private Source source;

    /** Every line of a .txt file that says "uploaded" is an upload; a line "pack NAME" makes a packed child. */
    static final class LinesExtractor implements Extractor {
        private final int version;

        LinesExtractor(int version) {
            this.version = version;
        }

        @Override
        public String name() {
            return "lines";
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public boolean accepts(Item item) {
            return item.hasContent() && item.name().endsWith(".txt");
        }

        @Override
        public void extract(Item item, Emitter out) throws IOException {
            if (item.name().equals("boom.txt")) {
                out.activity(upload("half-written"), null);
                throw new IOException("the third line is not a line");
            }
            String text;
            try (InputStream in = item.open()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int n = 0;
            for (String line : text.split("\n")) {
                n++;
                if (line.contains("uploaded")) {
                    out.activity(upload(line + " v" + version), null);
                } else if (line.startsWith("pack ")) {
                    String name = line.substring(5);
                    out.child(new Artifact(null, 0, null, ArtifactKind.ARCHIVE_MEMBER, item.locator() + "!/" + name,
                            name, null, Hashes.NONE, "text/plain", FileTimes.NONE, Ownership.NONE, null, false,
                            Map.of()), new ByteArrayInputStream("uploaded from inside\n".getBytes()));
                } else if (line.isBlank()) {
                    out.problem("BLANK", "blank lines are not log lines", "line " + n);
                }
            }
            out.describe("text/x-lines", Map.of("lines", n));
        }

        private static Activity upload(String subject) {
            return new Activity(null, ActivityKind.UPLOAD, null, null, null, null, null, null, subject, Map.of());
        }
    }

    /** Counts the word "face" in .faces files, after the extractors; fails on boom.txt after finding one. */
    static final class WordDetector implements Detector {
        private final int version;

        WordDetector(int version) {
            this.version = version;
        }

        @Override
        public String name() {
            return "faces-in-words";
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public boolean accepts(Item item) {
            return item.hasContent() && (item.name().endsWith(".faces") || item.name().equals("boom.txt"));
        }

        @Override
        public void extract(Item item, Emitter out) throws IOException {
            String text;
            try (InputStream in = item.open()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (item.name().equals("boom.txt")) {
                out.finding(org.huisu.core.model.Category.FACE_IMAGE, 1, 0.5, Map.of());
                throw new IOException("cannot look at this one");
            }
            int faces = text.split("face", -1).length - 1;
            if (faces > 0) {
                out.finding(org.huisu.core.model.Category.FACE_IMAGE, faces, 0.9, Map.of("version", version));
            }
        }
    }

    @BeforeEach
    void setUp() {
        theCase = TestCases.create(tmp);
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.file("logs/a.txt", "uploaded one\n\nnothing\nuploaded two\n");
        tree.file("notes/visitors.faces", "a face, another face\n");
        tree.file("logs/b.txt", "pack inner.txt\n");
        tree.file("logs/boom.txt", "x\n");
        tree.file("photo.jpg", "not text");
        source = new Acquisition(theCase, EvidenceFiles.best(), Progress.NONE).run(new Acquisition.Request(
                tree.root(), "server", null, EnumSet.of(HashAlgorithm.SHA256), false, false, 1, "Wang Li")).source();
    }

    @AfterEach
    void tearDown() {
        theCase.close();
    }

    private Analysis.Summary analyse(Extractor... extractors) {
        return new Analysis(theCase, List.of(extractors), EvidenceFiles.best(), Progress.NONE).run(2);
    }

    private List<String> uploads() {
        return theCase.store().activities(ActivityKind.UPLOAD).stream().map(Activity::subject).sorted().toList();
    }

    @Test
    void everyAcceptedArtifactIsExtractedChildrenIncluded() {
        Analysis.Summary summary = analyse(new LinesExtractor(1));

        assertThat(uploads()).containsExactly("uploaded from inside v1", "uploaded one v1", "uploaded two v1");
        assertThat(summary.runs()).containsEntry("lines", 3L);
        Artifact inner = theCase.store().artifactAt(source.id(), "/logs/b.txt!/inner.txt").orElseThrow();
        assertThat(inner.stored()).isTrue();
        assertThat(inner.sha256()).isNotNull();
        assertThat(inner.parentId()).isEqualTo(theCase.store().artifactAt(source.id(), "/logs/b.txt").orElseThrow().id());
        assertThat(theCase.store().activities(ActivityKind.UPLOAD)).allSatisfy(a -> {
            assertThat(a.stage()).isEqualTo(ActivityKind.UPLOAD.defaultStage());
            assertThat(a.extractor()).isEqualTo("lines");
            assertThat(a.evidenceArtifactId()).isNotNull();
        });
        Artifact a = theCase.store().artifactAt(source.id(), "/logs/a.txt").orElseThrow();
        assertThat(a.mediaType()).isEqualTo("text/x-lines");
        assertThat(a.attributes()).containsEntry("lines", 4).containsKey("inode");
    }

    @Test
    void detectorsRunAfterTheExtractorsAndTheirFindingsAreUndoneWithThem() {
        analyse(new WordDetector(1), new LinesExtractor(1));

        List<org.huisu.core.model.Finding> findings = theCase.store().findings(null);
        long notes = theCase.store().artifactAt(source.id(), "/notes/visitors.faces").orElseThrow().id();
        // the failing run on boom.txt left no finding behind
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.artifactId()).isEqualTo(notes);
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.detector()).isEqualTo("faces-in-words");
            assertThat(f.details()).containsEntry("version", 1);
        });
        // a new version runs again where it ran, and its findings replace the old ones
        analyse(new WordDetector(2), new LinesExtractor(1));
        assertThat(theCase.store().findings(null)).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("version", 2));
    }

    @Test
    void aFailingExtractorLeavesNothingBehindButAnErrorAndTheRunGoesOn() {
        Analysis.Summary summary = analyse(new LinesExtractor(1));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(uploads()).doesNotContain("half-written");
        List<ExtractionError> errors = theCase.store().errors(source.id());
        assertThat(errors).filteredOn(e -> e.code().equals("EXTRACTOR_FAILED")).singleElement().satisfies(e -> {
            assertThat(e.locator()).isEqualTo("/logs/boom.txt");
            assertThat(e.message()).isEqualTo("server:/logs/boom.txt: the lines extractor failed (the third line is"
                    + " not a line); what it found there was left out and the analysis went on");
        });
    }

    @Test
    void problemsOfOneKindInOneArtifactAreOneErrorWithACount() {
        analyse(new LinesExtractor(1));
        assertThat(theCase.store().errors(source.id())).filteredOn(e -> e.code().equals("BLANK")).singleElement()
                .satisfies(e -> {
                    assertThat(e.occurrences()).isEqualTo(1);
                    assertThat(e.examples()).containsExactly("line 2");
                    assertThat(e.plugin()).isEqualTo("lines");
                });
    }

    @Test
    void aSecondRunFindsNothingLeftToDoAndChangesNothing() {
        analyse(new LinesExtractor(1));
        List<String> first = uploads();
        long artifacts = theCase.store().countArtifacts(source.id());

        Analysis.Summary again = analyse(new LinesExtractor(1));

        assertThat(again.runs()).isEmpty();
        assertThat(uploads()).isEqualTo(first);
        assertThat(theCase.store().countArtifacts(source.id())).isEqualTo(artifacts);
    }

    @Test
    void aNewVersionOfAnExtractorReplacesWhatTheOldOneWrote() {
        analyse(new LinesExtractor(1));
        analyse(new LinesExtractor(2));
        assertThat(uploads()).containsExactly("uploaded from inside v2", "uploaded one v2", "uploaded two v2");
        assertThat(theCase.store().countArtifacts(source.id())).isEqualTo(9);
    }

    @Test
    void anInterruptedRunIsUndoneWhereItStoppedAndDoneAgain() {
        Artifact a = theCase.store().artifactAt(source.id(), "/logs/a.txt").orElseThrow();
        // what a run killed half way leaves: its mark, a stray child and a stray activity
        theCase.store().markProcessing(a.id(), "lines", 1, "RUNNING");
        theCase.store().insertExtractedArtifacts(List.of(new Artifact(9_999L, source.id(), a.id(),
                ArtifactKind.ARCHIVE_MEMBER, "/logs/a.txt!/stray", "stray", 1L, Hashes.NONE, null, FileTimes.NONE,
                Ownership.NONE, null, false, Map.of())), a.id(), "lines");
        theCase.store().insertExtractedActivities(List.of(new Activity(9_999L, ActivityKind.UPLOAD, null, null, null,
                null, a.id(), "lines", "stray upload", Map.of())), a.id());

        analyse(new LinesExtractor(1));

        assertThat(uploads()).containsExactly("uploaded from inside v1", "uploaded one v1", "uploaded two v1");
        assertThat(theCase.store().artifactAt(source.id(), "/logs/a.txt!/stray")).isEmpty();
    }

    @Test
    void onlyAndSkipNameExtractorsThatExist() {
        List<Extractor> all = List.of(new LinesExtractor(1));
        assertThat(Analysis.select(all, Set.of(), Set.of("lines"))).isEmpty();
        assertThat(Analysis.select(all, Set.of("lines"), Set.of())).hasSize(1);
        assertThatThrownBy(() -> Analysis.select(all, Set.of("lnes"), Set.of()))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("no extractor named 'lnes'").hasMessageContaining("lines");
    }

    @Test
    void bytesReadFromEvidenceThatChangedSinceAcquisitionAreRefused() throws IOException {
        java.nio.file.Files.writeString(tmp.resolve("evidence/logs/a.txt"), "uploaded after the seizure\n");

        analyse(new LinesExtractor(1));

        assertThat(uploads()).doesNotContain("uploaded after the seizure v1");
        assertThat(theCase.store().errors(source.id())).anySatisfy(e -> assertThat(e.message())
                .contains("server:/logs/a.txt changed since it was acquired"));
    }

    static List<String> names(List<Artifact> artifacts) {
        List<String> names = new ArrayList<>();
        artifacts.forEach(a -> names.add(a.name()));
        return names;
    }
}
