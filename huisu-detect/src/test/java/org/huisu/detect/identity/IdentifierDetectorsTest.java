package org.huisu.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.huisu.core.model.Category;
import org.huisu.core.model.SourceKind;
import org.huisu.core.pipeline.Detector;
import org.huisu.core.store.CaseStore;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.sqlite.SqliteExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both detectors over real evidence, analysed as {@code huisu analyze} does: text, logs, names, rows. */
class IdentifierDetectorsTest {

    static final String ID_X = "11010519491231002X";
    static final String ID = ResidentIdNumberTest.withCheck("44030519850612341");
    static final String ID_WRONG = ResidentIdNumberTest.withWrongCheck("33010619900307123", 0);
    static final String PHONE = "13812345678";
    static final String PHONE2 = "15987654321";
    static final String ORDER = "13912345678";
    static final List<String> EVERY_NUMBER = List.of(ID_X, ID, ID_X.substring(0, 17), ID.substring(0, 17), PHONE,
            PHONE2, "+86 138 1234 5678", "159 8765 4321");

    @TempDir
    Path tmp;

    private EvidenceTree tree;

    @BeforeEach
    void setUp() {
        tree = new EvidenceTree(tmp.resolve("evidence"));
    }

    private Extraction analyse() {
        return Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new SqliteExtractor(),
                new IdNumberDetector(), new MobileNumberDetector());
    }

    private static List<CaseStore.FindingRow> findings(Extraction x, Category category) {
        List<CaseStore.FindingRow> rows = new ArrayList<>();
        x.theCase().store().forEachFinding(category, rows::add);
        return rows;
    }

    private static CaseStore.FindingRow findingAt(Extraction x, Category category, String locator) {
        return findings(x, category).stream().filter(r -> r.artifact().locator().equals(locator)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " finding at " + locator + "; found "
                        + findings(x, category).stream().map(r -> r.artifact().locator()).toList()));
    }

    @Test
    void aLogsNumbersAreCountedOnceEachWithTheirLinesAndOrderNumbersLeftOut() {
        tree.file("var/log/facecap/broker.log", String.join("\n",
                "2024-03-15 09:00:01 INFO broker BRK0001 registered id_card=" + ID_X + " phone=" + PHONE,
                "2024-03-15 09:00:02 INFO broker BRK0002 registered id_card=" + ID + " phone=+86 159 8765 4321",
                "2024-03-15 09:10:00 INFO commission order_no=" + ORDER + " settled",
                "2024-03-15 09:12:00 WARN rejected id_card=" + ID_WRONG,
                "2024-03-15 09:20:00 INFO broker BRK0001 visit, contact " + PHONE, ""));
        try (Extraction x = analyse()) {
            CaseStore.FindingRow ids = findingAt(x, Category.ID_NUMBER, "/var/log/facecap/broker.log");
            assertThat(ids.finding().count()).isEqualTo(2);
            assertThat(ids.finding().detector()).isEqualTo("id-number");
            assertThat(ids.finding().confidence()).isEqualTo(IdNumberFinder.LABELLED);
            assertThat(ids.finding().details()).containsEntry("lines", List.of(1, 2))
                    .containsEntry("examples", List.of("110105********002X", ResidentIdNumber.mask(ID)));

            CaseStore.FindingRow phones = findingAt(x, Category.PHONE, "/var/log/facecap/broker.log");
            assertThat(phones.finding().count()).as("two phones, the order number not one").isEqualTo(2);
            assertThat(phones.finding().detector()).isEqualTo("mobile-number");
            assertThat(phones.finding().details()).containsEntry("occurrences", 3)
                    .containsEntry("lines", List.of(1, 2, 5))
                    .containsEntry("examples", List.of("138****5678", "159****4321"));
            assertNoWholeNumber(x);
        }
    }

    @Test
    void aGbkFileIsReadAsChineseSoThatItsLabelsTell() {
        Charset gbk = Charset.forName("GBK");
        tree.file("home/sales/导出/经纪人.txt", ("经纪人 张伟 手机：" + PHONE + " 身份证：" + ID_X + "\n"
                + "订单号：" + ORDER + " 佣金 3000 元\n").getBytes(gbk));
        try (Extraction x = analyse()) {
            String at = "/home/sales/导出/经纪人.txt";
            CaseStore.FindingRow phones = findingAt(x, Category.PHONE, at);
            assertThat(phones.finding().count()).as("the order number, labelled in GBK, left out").isEqualTo(1);
            assertThat(phones.finding().confidence()).isEqualTo(MobileNumberFinder.LABELLED);
            assertThat(findingAt(x, Category.ID_NUMBER, at).finding().confidence()).isEqualTo(IdNumberFinder.LABELLED);
            assertNoWholeNumber(x);
        }
    }

    @Test
    void numbersInFileAndFolderNamesAreFound() {
        tree.randomFile("data/faces/张伟_" + ID_X + "/" + PHONE + "_20240315.jpg", 2048, 1);
        try (Extraction x = analyse()) {
            assertThat(findingAt(x, Category.ID_NUMBER, "/data/faces/张伟_" + ID_X).finding().details())
                    .containsEntry("inName", 1);
            assertThat(findingAt(x, Category.PHONE, "/data/faces/张伟_" + ID_X + "/" + PHONE + "_20240315.jpg")
                    .finding().details()).containsEntry("inName", 1);
            assertThat(findings(x, Category.ID_NUMBER)).as("the photo's own name holds no identity number")
                    .hasSize(1);
            assertNoWholeNumber(x);
        }
    }

    @Test
    void aDatabaseRowsColumnsAreRead() throws Exception {
        Path db = tree.directory("opt/crm").resolve("crm.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE broker (id INTEGER PRIMARY KEY, name TEXT, phone INTEGER, id_card TEXT)");
            s.execute("CREATE TABLE commission (id INTEGER PRIMARY KEY, order_no TEXT, amount REAL)");
            s.execute("INSERT INTO broker VALUES (1, '张伟', " + PHONE + ", '" + ID_X + "')");
            s.execute("INSERT INTO broker VALUES (2, '王芳', " + PHONE2 + ", '" + ID_WRONG + "')");
            s.execute("INSERT INTO commission VALUES (1, '" + ORDER + "', 3000.0)");
        }
        try (Extraction x = analyse()) {
            assertThat(x.find("/opt/crm/crm.db#commission/1")).as("the sqlite extractor keeps the order row").isPresent();
            CaseStore.FindingRow id = findingAt(x, Category.ID_NUMBER, "/opt/crm/crm.db#broker/1");
            assertThat(id.finding().details()).containsEntry("columns", Map.of("id_card", 1));
            assertThat(id.finding().confidence()).isEqualTo(IdNumberFinder.LABELLED);
            assertThat(findings(x, Category.ID_NUMBER)).as("the wrong check character of row 2").hasSize(1);
            assertThat(findings(x, Category.PHONE)).extracting(r -> r.artifact().locator())
                    .containsExactlyInAnyOrder("/opt/crm/crm.db#broker/1", "/opt/crm/crm.db#broker/2");
            assertThat(findingAt(x, Category.PHONE, "/opt/crm/crm.db#broker/2").finding().details())
                    .containsEntry("columns", Map.of("phone", 1)).containsEntry("examples", List.of("159****4321"));
            assertNoWholeNumber(x);
        }
    }

    @Test
    void fileWithoutNumbersGivesNoFinding() {
        tree.file("etc/motd", "Welcome. Build 20240315123456789012, order " + ORDER + ".\n");
        tree.file("var/log/app.log", "uploaded 13812345678 bytes in " + ID_WRONG + " ms\n");
        try (Extraction x = analyse()) {
            assertThat(findings(x, Category.ID_NUMBER)).isEmpty();
            assertThat(findings(x, Category.PHONE)).isEmpty();
        }
    }

    /** Masking everywhere: what a finding keeps holds no number whole, in any form it was written. */
    private static void assertNoWholeNumber(Extraction x) {
        List<CaseStore.FindingRow> all = new ArrayList<>();
        x.theCase().store().forEachFinding(null, all::add);
        assertThat(all).isNotEmpty();
        for (CaseStore.FindingRow r : all) {
            String details = r.finding().details().toString();
            for (String n : EVERY_NUMBER) {
                assertThat(details).doesNotContain(n);
            }
        }
    }

    @Test
    void theDetectorsAreFoundByTheirNames() {
        // by type, so that no other detector need be made here
        assertThat(ServiceLoader.load(Detector.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(IdNumberDetector.class, MobileNumberDetector.class);
        assertThat(new IdNumberDetector().name()).isEqualTo("id-number");
        assertThat(new MobileNumberDetector().name()).isEqualTo("mobile-number");
    }
}
