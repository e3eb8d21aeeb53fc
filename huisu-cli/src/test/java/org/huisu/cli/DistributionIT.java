package org.huisu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.huisu.core.Json;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.core.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution, run as a separate process the way a user runs it: the launcher script,
 * its locale handling, exit statuses as the shell sees them, and a user who may not read
 * everything.
 */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("huisu.dist", "target/huisu"));

    @TempDir
    Path tmp;

    private String caseFolder;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        assertThat(DIST.resolve("bin/huisu")).as("the distribution is built by 'mvn package'").exists();
        caseFolder = tmp.resolve("case").toString();
    }

    private static Run huisu(Map<String, String> env, List<String> prefix, String... args) {
        try {
            List<String> command = new ArrayList<>(prefix);
            command.add("bash");
            command.add(DIST.resolve("bin/huisu").toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("LC_ALL");
            pb.environment().remove("HUISU_PROGRESS");
            pb.environment().put("LANG", "C");
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return new Run(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Run huisu(String... args) {
        return huisu(Map.of(), List.of(), args);
    }

    @Test
    void theLauncherPrintsTheVersion() {
        Run r = huisu("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("huisu ");
    }

    @Test
    void nonAsciiFileNamesAreAcquiredEvenInTheCLocale() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("证据"));
        Path photo = tree.file("人脸 照片/访客 1.jpg", "photo");
        huisu("case", "init", caseFolder, "--examiner", "王力");

        Run r = huisu("source", "add", caseFolder, tree.root().toString(), "--label", "phone", "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("errors").asLong()).isZero();
        assertThat(json.get("files").asLong()).isEqualTo(1);
        String manifest = Files.readString(Path.of(caseFolder).resolve(json.get("manifestObject").asText()),
                StandardCharsets.UTF_8);
        assertThat(manifest).contains(Shell.coreutilsDigest("sha256sum", photo) + "\t5\t")
                .contains("/人脸 照片/访客 1.jpg");
    }

    @Test
    void anUnreadableFileIsRecordedAsAnErrorAndTheRestIsAcquired() throws IOException {
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "huisu-it-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        EvidenceTree tree = new EvidenceTree(shared.resolve("evidence"));
        tree.file("readable.txt", "ok");
        Path locked = tree.file("locked/faces.db", "secret");
        Shell.ok(null, "chmod", "-R", "a+rX", tree.root().toString());
        Shell.ok(null, "chmod", "000", locked.toString());
        String sharedCase = shared.resolve("case").toString();
        Path dist = DIST;
        List<String> asOther = List.of();
        if (Shell.isRoot()) {
            // root reads everything: run as nobody, from a copy of the distribution nobody may read
            dist = shared.resolve("dist");
            Shell.ok(null, "cp", "-r", DIST.toString(), dist.toString());
            Shell.ok(null, "chmod", "-R", "a+rX", dist.toString());
            asOther = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "env",
                    "HOME=" + shared);
        }
        Run init = runAs(asOther, dist, "case", "init", sharedCase);
        assertThat(init.exit()).as(init.err()).isZero();
        checkUnreadable(runAs(asOther, dist, "source", "add", sharedCase, tree.root().toString(), "--format",
                "json"));
        Shell.ok(null, "rm", "-rf", shared.toString());
    }

    private static Run runAs(List<String> prefix, Path dist, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add("bash");
        command.add(dist.resolve("bin/huisu").toString());
        command.addAll(List.of(args));
        Shell.Result r = Shell.run(null, command.toArray(String[]::new));
        return new Run(r.exit(), r.out(), r.err());
    }

    private static void checkUnreadable(Run add) throws IOException {
        assertThat(add.exit()).as(add.err()).isZero();
        JsonNode json = Json.mapper().readTree(add.out());
        assertThat(json.get("errors").asLong()).isEqualTo(1);
        JsonNode error = json.get("firstErrors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.get("locator").asText()).isEqualTo("/locked/faces.db");
        assertThat(error.get("message").asText()).startsWith("evidence:/locked/faces.db: permission denied");
        assertThat(json.get("files").asLong()).isEqualTo(2);
    }

    @Test
    void progressStaysQuietWhenStandardErrorIsNotATerminal() {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("evidence"));
        tree.randomFile("a.bin", 3 << 20, 1);
        huisu("case", "init", caseFolder);

        Run r = huisu(Map.of("TERM", "xterm-256color"), List.of(), "source", "add", caseFolder,
                tree.root().toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void exitStatusesReachTheShell() throws IOException {
        assertThat(huisu("source", "list", tmp.toString()).exit()).isEqualTo(3);
        assertThat(huisu("source", "list").exit()).isEqualTo(2);
        assertThat(huisu("case", "init", caseFolder).exit()).isZero();
        Path log = Path.of(caseFolder, "audit.jsonl");
        Files.writeString(log, Files.readString(log).replace("case init", "case edit"));
        Run verify = huisu("audit", "verify", caseFolder);
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("BROKEN at line 1");
    }

    @Test
    void theDemoRunsFromTheDistributionWithItsVideoAndS3Libraries() throws IOException {
        Path dir = tmp.resolve("demo");
        Run r = huisu("demo", "--dir", dir.toString(), "--records", "60", "--days", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("served over S3 at http://127.0.0.1:").contains("Demo done");
        assertThat(r.err()).as("no library logs on the terminal").isEmpty();
        try (var clips = Files.walk(dir.resolve("evidence"))) {
            assertThat(clips.filter(p -> p.toString().endsWith(".mp4"))).isNotEmpty();
        }
    }

    @Test
    void theLanguageFollowsTheUsersLocale() {
        Run r = huisu(Map.of("LANG", "zh_CN.UTF-8"), List.of(), "case", "init", caseFolder, "--name", "湖景");
        assertThat(r.out()).contains("案件“湖景”已创建");
    }
}
