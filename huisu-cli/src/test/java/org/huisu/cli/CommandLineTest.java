package org.huisu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huisu.core.Json;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.core.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();
    private String caseFolder;
    private EvidenceTree evidence;

    @BeforeEach
    void setUp() {
        caseFolder = tmp.resolve("lakeview").toString();
        evidence = new EvidenceTree(tmp.resolve("evidence/server-01"));
        evidence.file("data/capture/20240315/visitor-0001.jpg", "jpeg bytes");
        evidence.file("etc/crontab", "30 2 * * * root /opt/pack.sh\n");
    }

    private Cli.Result init() {
        return cli.run("case", "init", caseFolder, "--name", "Lakeview", "--examiner", "Wang Li");
    }

    private List<JsonNode> auditEntries() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(caseFolder, "audit.jsonl"), StandardCharsets.UTF_8)) {
            entries.add(Json.mapper().readTree(line));
        }
        return entries;
    }

    @Test
    void caseInitMakesTheCaseFolderAndAuditsItself() throws IOException {
        Cli.Result r = init();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Case 'Lakeview' created in " + caseFolder).contains("Wang Li");
        assertThat(Path.of(caseFolder, "case.db")).isRegularFile();
        assertThat(Path.of(caseFolder, "objects")).isDirectory();
        assertThat(Path.of(caseFolder, "reports")).isDirectory();
        assertThat(auditEntries()).singleElement().satisfies(e -> {
            assertThat(e.get("command").asText()).isEqualTo("case init");
            assertThat(e.get("examiner").asText()).isEqualTo("Wang Li");
            assertThat(e.get("result").get("exit").asInt()).isZero();
        });
    }

    @Test
    void aSecondInitIsAUsageErrorInOneSentence() {
        init();
        Cli.Result r = init();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains(caseFolder).contains("is already a case");
    }

    @Test
    void sourceAddAcquiresAndSummarises() {
        init();
        Cli.Result r = cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Acquired 'server-01' as source 1 (directory)")
                .contains("7 (2 files, 5 folders, 0 links, 0 other)")
                .contains("manifest  sha256 ")
                .contains("errors    0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sourceListInJsonHasTheContractsFields() throws IOException {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");

        Cli.Result r = cli.run("source", "list", caseFolder, "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode source = Json.mapper().readTree(r.out()).get("sources").get(0);
        for (String field : List.of("id", "label", "kind", "locator", "items", "bytes", "manifestSha256", "acquired",
                "examiner")) {
            assertThat(source.has(field)).as(field).isTrue();
        }
        assertThat(source.get("id").asText()).isEqualTo("1");
        assertThat(source.get("label").asText()).isEqualTo("server-01");
        assertThat(source.get("kind").asText()).isEqualTo("directory");
        assertThat(source.get("items").asLong()).isEqualTo(7);
        assertThat(source.get("bytes").asLong()).isEqualTo(10 + 29);
        assertThat(source.get("manifestSha256").asText()).hasSize(64);
        assertThat(source.get("examiner").asText()).isEqualTo("Wang Li");
    }

    @Test
    void sourceListAsTextShowsOneRowPerSource() {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");
        Cli.Result r = cli.run("source", "list", caseFolder);
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).startsWith("ID").contains("server-01").contains("directory");
    }

    @Test
    void sourceShowGivesTheChainOfCustodyAndTheErrors() throws IOException {
        init();
        byte[] binary = new byte[4096];
        new java.util.Random(3).nextBytes(binary);
        evidence.file("var/log/upload.log", binary);
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");
        cli.run("analyze", caseFolder, "--only", "file-type");

        Cli.Result text = cli.run("source", "show", caseFolder, "server-01");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Source server-01 (1, directory)").contains("Chain of custody:")
                .contains("ACQUIRED by Wang Li").contains("Extraction errors: 1")
                .contains("NOT_TEXT  /var/log/upload.log: the file is named as text but holds binary data");

        JsonNode json = Json.mapper().readTree(cli.run("source", "show", caseFolder, "1", "--format", "json").out());
        assertThat(json.get("source").get("label").asText()).isEqualTo("server-01");
        JsonNode custody = json.get("custody").get(0);
        assertThat(custody.get("event").asText()).isEqualTo("ACQUIRED");
        assertThat(custody.get("manifestSha256").asText()).isEqualTo(json.get("source").get("manifestSha256").asText());
        assertThat(custody.get("details").get("reader").asText()).contains("O_NOATIME");
        assertThat(json.get("errors").get(0).get("locator").asText()).isEqualTo("/var/log/upload.log");

        Cli.Result unknown = cli.run("source", "show", caseFolder, "server-02");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no source 'server-02'");
    }

    @Test
    void anArchiveIsAcquiredAsOneFileForNow() throws IOException {
        init();
        Path zip = tmp.resolve("faces-20240315.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("visitor-0001.jpg"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Cli.Result r = cli.run("source", "add", caseFolder, zip.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("kind").asText()).isEqualTo("archive");
        assertThat(json.get("label").asText()).isEqualTo("faces-20240315.zip");
        assertThat(json.get("items").asLong()).isEqualTo(1);
        assertThat(json.get("bytes").asLong()).isEqualTo(Files.size(zip));
    }

    @Test
    void theExaminerComesFromTheOptionThenTheEnvironmentThenTheCase() throws IOException {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "a", "--examiner", "Li Na");
        new Cli().env("HUISU_EXAMINER", "Zhao Lei")
                .run("source", "add", caseFolder, evidence.root().toString(), "--label", "b", "--again");
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "c", "--again");

        JsonNode sources = Json.mapper().readTree(cli.run("source", "list", caseFolder, "--format", "json").out())
                .get("sources");
        assertThat(sources.findValuesAsText("examiner")).containsExactly("Li Na", "Zhao Lei", "Wang Li");
    }

    @Test
    void aMissingLocatorIsUnreadableInputNamedInOneSentence() {
        init();
        Path missing = tmp.resolve("no-such-evidence");
        Cli.Result r = cli.run("source", "add", caseFolder, missing.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).singleElement().asString().startsWith(missing + " does not exist");
    }

    @Test
    void aFolderThatIsNotACaseIsUnreadableInput() {
        Cli.Result r = cli.run("source", "list", tmp.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).singleElement().asString().contains("is not a Huisu case");
    }

    @Test
    void theSameEvidenceTwiceIsAUsageErrorUnlessAgain() {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");

        Cli.Result twice = cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "copy");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("already acquired as source 'server-01'").contains("--again");

        Cli.Result again = cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "copy",
                "--again");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("the same evidence was acquired before as 'server-01'");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        init();
        String root = evidence.root().toString();
        assertThat(cli.run("source", "add", caseFolder, root, "--hash", "crc32").exit()).isEqualTo(2);
        assertThat(cli.run("source", "add", caseFolder, root, "--kind", "floppy").exit()).isEqualTo(2);
        assertThat(cli.run("source", "add", caseFolder, root, "--threads", "0").exit()).isEqualTo(2);
        Cli.Result unknown = cli.run("source", "add", caseFolder, root, "--colour");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--colour").contains("huisu source add --help");
        assertThat(cli.run("source", "add", caseFolder, "s3://bucket/faces/").exit()).isEqualTo(2);
    }

    @Test
    void everyCommandAppendsOneAuditLineAndTheLogVerifies() throws IOException {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");
        cli.run("source", "list", caseFolder);
        cli.run("source", "add", caseFolder, tmp.resolve("missing").toString());

        Cli.Result verify = cli.run("audit", "verify", caseFolder);

        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("is intact: 4 entries");
        List<JsonNode> entries = auditEntries();
        assertThat(entries).extracting(e -> e.get("command").asText())
                .containsExactly("case init", "source add", "source list", "source add", "audit verify");
        assertThat(entries.get(3).get("result").get("exit").asInt()).isEqualTo(3);
        assertThat(entries.get(3).get("result").get("outcome").asText()).contains("does not exist");
    }

    @Test
    void aTamperedAuditLogFailsVerificationNamingTheLine() throws IOException {
        init();
        cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "server-01");
        cli.run("source", "list", caseFolder);
        Path log = Path.of(caseFolder, "audit.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("server-01", "server-02"));
        Files.write(log, lines, StandardCharsets.UTF_8);

        Cli.Result r = cli.run("audit", "verify", caseFolder);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN at line 2");
        JsonNode json = Json.mapper().readTree(cli.run("audit", "verify", caseFolder, "--format", "json").out());
        assertThat(json.get("verdict").asText()).isEqualTo("BROKEN");
        assertThat(json.get("firstBadLine").asInt()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelpInEnglishAndChinese() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new HuisuCommand()), commands);
        assertThat(commands).contains("huisu", "huisu case init", "huisu source add", "huisu source list",
                "huisu source show", "huisu audit verify");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
            args.add("--help");
            Cli.Result en = cli.run(args.toArray(String[]::new));
            assertThat(en.exit()).as(command).isZero();
            assertThat(en.out()).as(command).startsWith("Usage: " + command);
            assertThat(en.err()).as(command).isEmpty();
            Cli.Result zh = new Cli().env("HUISU_LANG", "zh_CN.UTF-8").run(args.toArray(String[]::new));
            assertThat(zh.out()).as(command).startsWith("用法： " + command).containsPattern("[\\u4e00-\\u9fff]{4}");
            assertThat(zh.err()).as(command).isEmpty();
        }
    }

    private static void collect(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, names);
        }
    }

    @Test
    void progressIsDrawnOnlyWhenAskedOrOnATerminal() {
        init();
        Cli.Result quiet = cli.run("source", "add", caseFolder, evidence.root().toString(), "--label", "a");
        assertThat(quiet.err()).isEmpty();

        Cli.Result drawn = new Cli().env("HUISU_PROGRESS", "always")
                .run("source", "add", caseFolder, evidence.root().toString(), "--label", "b", "--again");
        assertThat(drawn.exit()).isZero();
        assertThat(drawn.err()).contains("Acquiring").contains("7/7 items").contains("left");
    }

    @Test
    void chineseUsersReadChinese() {
        Cli zh = new Cli().env("HUISU_LANG", "zh_CN.UTF-8");
        zh.run("case", "init", caseFolder, "--name", "湖景", "--examiner", "王力");
        Cli.Result r = zh.run("source", "add", caseFolder, evidence.root().toString(), "--label", "服务器-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("已将“服务器-01”固定为证据源 1").contains("条目");
        assertThat(zh.run("source", "list", caseFolder).out()).contains("简称").contains("服务器-01");
        assertThat(zh.run("source", "add", caseFolder, tmp.resolve("无").toString()).err()).contains("不存在");
    }
}
