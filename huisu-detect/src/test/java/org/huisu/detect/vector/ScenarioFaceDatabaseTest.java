package org.huisu.detect.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.ScenarioGenerator;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.phone.SalesApp;
import org.huisu.scenario.samples.SamplePhotos;
import org.huisu.scenario.server.ImageServerWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample case's evidence (image server, phone, router, bucket logs) as the generator writes it:
 * every capture vector and person template of the face-analysis database and every base64 vector
 * of the sales app is found, the persons estimate matches the people the scenario recorded, and
 * nothing else on those machines is taken for vectors. Also measures the clustering threshold
 * against the database's own person ids (which the detector never reads).
 */
class ScenarioFaceDatabaseTest {

    @TempDir
    static Path tmp;

    private static ScenarioGenerator.Result world;

    @BeforeAll
    static void generate() {
        world = new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, 2)
                .generate(new Scenario(7, 240, 4, Provider.S3, LocalDate.of(2024, 3, 12)), tmp.resolve("world"));
    }

    @Test
    void everyVectorOfTheSampleCaseIsFoundAndThePersonsCounted() throws Exception {
        Map<String, Long> truth = world.truth().counts();
        try (Extraction x = Extraction.of(world.layout().evidence(), tmp, SourceKind.DIRECTORY,
                new FileTypeExtractor(), new SqliteVectorDetector(), new FileVectorDetector())) {
            Map<Long, String> names = x.all().stream().collect(Collectors.toMap(Artifact::id, Artifact::name));
            List<Finding> found = x.theCase().store().findings(Category.FACE_FEATURE);
            Map<String, Map<String, Object>> byColumn = new java.util.TreeMap<>();
            for (Finding f : found) {
                SqliteVectorDetectorTest.columns(f).forEach((k, v) -> byColumn.put(names.get(f.artifactId()) + ":" + k, v));
            }
            System.out.printf("scenario seed 7: %d captures of %d persons; found %s%n", truth.get("featureVectors"),
                    truth.get("persons"), byColumn.entrySet().stream().map(e -> e.getKey() + " vectors="
                            + e.getValue().get("vectors") + " persons=" + e.getValue().get("estimatedPersons"))
                            .toList());

            assertThat(found).hasSize(2);
            assertThat(byColumn).containsOnlyKeys("face_analysis.db:face_capture.feature",
                    "face_analysis.db:person.template", "sales_assistant.db:visit_record.face_feature");
            Map<String, Object> captures = byColumn.get("face_analysis.db:face_capture.feature");
            assertThat(((Number) captures.get("vectors")).longValue()).isEqualTo(truth.get("featureVectors"));
            assertThat(captures).containsEntry("encoding", "float32").containsEntry("dimension", 512)
                    .containsEntry("storage", "blob").containsEntry("normalised", true);
            assertThat(((Number) captures.get("estimatedPersons")).longValue()).isEqualTo(truth.get("persons"));
            Map<String, Object> templates = byColumn.get("face_analysis.db:person.template");
            assertThat(((Number) templates.get("vectors")).longValue()).isEqualTo(truth.get("personTemplates"));
            assertThat(((Number) templates.get("estimatedPersons")).longValue()).isEqualTo(truth.get("personTemplates"));
            Map<String, Object> app = byColumn.get("sales_assistant.db:visit_record.face_feature");
            assertThat(((Number) app.get("vectors")).longValue()).isEqualTo(truth.get("appRecords"));
            assertThat(((Number) app.get("estimatedPersons")).longValue()).isEqualTo(distinct(
                    world.layout().phone().resolve("data/data/" + SalesApp.PACKAGE + "/databases/sales_assistant.db"),
                    "SELECT COUNT(DISTINCT customer_id) FROM visit_record"));
            assertThat(app).containsEntry("storage", "base64").containsEntry("encoding", "float32");
        }
    }

    @Test
    void bothDetectorsAreRegistered() {
        assertThat(java.util.ServiceLoader.load(org.huisu.core.pipeline.Detector.class).stream()
                .map(p -> p.type().getName())).contains(SqliteVectorDetector.class.getName(),
                        FileVectorDetector.class.getName());
    }

    private static long distinct(Path db, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Precision and recall of "same person" (cosine ≥ t) over every pair of capture vectors, and the
     * persons estimate, at several thresholds; the figures are printed so that a change to the
     * generator or the threshold shows in the test output.
     */
    @Test
    void theThresholdSeparatesOnePersonsCapturesFromOtherPeoples() throws Exception {
        List<float[]> vectors = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        Path db = world.layout().server().resolve(ImageServerWriter.DATABASE.substring(1));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT person_id, feature FROM face_capture ORDER BY id")) {
            while (rs.next()) {
                persons.add(rs.getString(1));
                ByteBuffer b = ByteBuffer.wrap(rs.getBytes(2)).order(ByteOrder.LITTLE_ENDIAN);
                float[] v = new float[b.remaining() / 4];
                b.asFloatBuffer().get(v);
                vectors.add(v);
            }
        }
        long truePersons = persons.stream().distinct().count();
        double minSame = 1;
        double maxOther = -1;
        double[] thresholds = {0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};
        long[] truePositive = new long[thresholds.length];
        long[] predicted = new long[thresholds.length];
        long same = 0;
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                double cos = PersonClusters.cosine(vectors.get(i), vectors.get(j));
                boolean samePerson = persons.get(i).equals(persons.get(j));
                same += samePerson ? 1 : 0;
                if (samePerson) {
                    minSame = Math.min(minSame, cos);
                } else {
                    maxOther = Math.max(maxOther, cos);
                }
                for (int k = 0; k < thresholds.length; k++) {
                    if (cos >= thresholds[k]) {
                        predicted[k]++;
                        truePositive[k] += samePerson ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("%d captures of %d persons, %d same-person pairs; same-person cosine >= %.3f,"
                + " other-person cosine <= %.3f%n", vectors.size(), truePersons, same, minSame, maxOther);
        int chosen = -1;
        for (int k = 0; k < thresholds.length; k++) {
            PersonClusters clusters = new PersonClusters(thresholds[k]);
            vectors.forEach(clusters::add);
            double precision = predicted[k] == 0 ? 1 : (double) truePositive[k] / predicted[k];
            double recall = (double) truePositive[k] / same;
            System.out.printf("threshold %.2f: same-person precision %.4f recall %.4f, estimated persons %d (true %d)%n",
                    thresholds[k], precision, recall, clusters.persons(), truePersons);
            if (thresholds[k] == PersonClusters.THRESHOLD) {
                chosen = k;
                assertThat(precision).isGreaterThanOrEqualTo(0.99);
                assertThat(recall).isGreaterThanOrEqualTo(0.95);
                assertThat(clusters.persons()).isEqualTo((int) truePersons);
            }
        }
        assertThat(chosen).as("the chosen threshold is among those measured").isNotNegative();
    }
}
