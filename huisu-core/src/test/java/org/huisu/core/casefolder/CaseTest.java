package org.huisu.core.casefolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTest {

    @TempDir
    Path tmp;

    @Test
    void aNewCaseHasItsDatabaseAuditLogObjectsAndReports() {
        Path folder = tmp.resolve("lakeview");
        try (Case c = Case.create(folder, "Lakeview", "Wang Li")) {
            assertThat(folder.resolve("case.db")).isRegularFile();
            assertThat(folder.resolve("objects")).isDirectory();
            assertThat(folder.resolve("reports")).isDirectory();
            assertThat(c.info().name()).isEqualTo("Lakeview");
            assertThat(c.info().examiner()).isEqualTo("Wang Li");
            assertThat(c.info().id()).matches("[0-9a-f-]{36}");
            assertThat(c.folder().auditLog()).isEqualTo(folder.resolve("audit.jsonl"));
        }
        try (Case reopened = Case.open(folder)) {
            assertThat(reopened.info().name()).isEqualTo("Lakeview");
        }
    }

    @Test
    void aCaseIsNotCreatedTwice() {
        Case.create(tmp.resolve("c"), "A", "Wang Li").close();
        assertThatThrownBy(() -> Case.create(tmp.resolve("c"), "B", "Wang Li"))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("is already a case");
    }

    @Test
    void aFolderWithOtherFilesIsNotMadeACase() throws IOException {
        Files.writeString(tmp.resolve("evidence.txt"), "x");
        assertThatThrownBy(() -> Case.create(tmp, "A", "Wang Li"))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("is not empty");
    }

    @Test
    void aFolderThatIsNotACaseIsRefusedNamingIt() {
        assertThatThrownBy(() -> Case.open(tmp))
                .isInstanceOf(HuisuException.class)
                .hasMessageStartingWith(tmp + " is not a Huisu case")
                .extracting(e -> ((HuisuException) e).status()).isEqualTo(ExitStatus.UNREADABLE_INPUT);
        assertThatThrownBy(() -> Case.open(tmp.resolve("missing")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aCaseDatabaseThatIsNotOneIsRefusedAndLeftAsItWas() throws IOException {
        Path db = tmp.resolve("case.db");
        Files.writeString(db, "this is not SQLite");
        assertThatThrownBy(() -> Case.open(tmp))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("is not a Huisu case database");
        assertThat(Files.readString(db)).isEqualTo("this is not SQLite");
    }

    @Test
    void theAuditAnchorLivesInTheCaseDatabase() throws IOException {
        Path folder = tmp.resolve("c");
        try (Case c = Case.create(folder, "A", "Wang Li")) {
            c.audit().append(new org.huisu.core.audit.AuditEntry("root", null, "case init", java.util.List.of(), 0,
                    null));
        }
        try (Case c = Case.open(folder)) {
            assertThat(c.audit().verify().intact()).isTrue();
            assertThat(c.store().info("audit.sequence")).contains("1");
        }
    }
}
