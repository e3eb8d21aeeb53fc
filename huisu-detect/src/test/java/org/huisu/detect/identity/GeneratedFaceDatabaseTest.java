package org.huisu.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huisu.core.model.Category;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.sqlite.SqliteExtractor;
import org.huisu.extract.testing.Extraction;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.ScenarioGenerator;
import org.huisu.scenario.cloud.Provider;
import org.huisu.scenario.samples.SamplePhotos;
import org.huisu.scenario.server.ImageServerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image server's face-analysis database as the sample-case generator writes it: every broker's
 * identity number and mobile number is found in the broker's row, and nothing else in the database
 * (visit, capture and person ids, times, scores) is taken for one.
 */
class GeneratedFaceDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void everyBrokersNumbersAreFoundInTheirRowAndNothingElse() throws Exception {
        ScenarioGenerator.Result world = new ScenarioGenerator(SamplePhotos.load(), Progress.NONE, 2)
                .generate(new Scenario(5, 40, 2, Provider.S3, LocalDate.of(2024, 3, 12)), tmp.resolve("world"));
        Path db = world.layout().server().resolve(ImageServerWriter.DATABASE.substring(1));
        Path evidence = Files.createDirectories(tmp.resolve("evidence"));
        Files.copy(db, evidence.resolve("face_analysis.db"));

        Set<String> maskedIds = new HashSet<>();
        Set<String> maskedPhones = new HashSet<>();
        int brokers = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT phone, id_card FROM broker")) {
            while (rs.next()) {
                brokers++;
                maskedPhones.add(MobileNumberFinder.mask(rs.getString(1)));
                maskedIds.add(ResidentIdNumber.mask(rs.getString(2)));
            }
        }

        try (Extraction x = Extraction.of(evidence, tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new SqliteExtractor(), new IdNumberDetector(), new MobileNumberDetector())) {
            List<CaseStore.FindingRow> ids = new ArrayList<>();
            List<CaseStore.FindingRow> phones = new ArrayList<>();
            x.theCase().store().forEachFinding(Category.ID_NUMBER, ids::add);
            x.theCase().store().forEachFinding(Category.PHONE, phones::add);
            assertThat(brokers).isEqualTo(8);
            assertThat(ids).hasSize(brokers).allSatisfy(r -> assertThat(r.artifact().locator())
                    .startsWith("/face_analysis.db#broker/"));
            assertThat(phones).hasSize(brokers).allSatisfy(r -> assertThat(r.artifact().locator())
                    .startsWith("/face_analysis.db#broker/"));
            assertThat(ids).flatExtracting(r -> (List<Object>) r.finding().details().get("examples"))
                    .containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(maskedIds));
            assertThat(phones).flatExtracting(r -> (List<Object>) r.finding().details().get("examples"))
                    .containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(maskedPhones));
        }
    }
}
