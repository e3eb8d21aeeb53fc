package org.huisu.formats.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class ShellScriptParserTest {

    private static ScriptCommand commandAt(List<ScriptCommand> commands, int line) {
        return commands.stream().filter(c -> c.line() == line).findFirst().orElseThrow();
    }

    @Test
    void theArchiveScriptIsReadWithoutErrors() {
        assertThat(ShellScriptParser.parseScript(Fixtures.text("face-archive.sh")))
                .noneMatch(p -> p instanceof Parsed.Error);
    }

    @Test
    void literalVariablesAreSubstitutedAndTheWrittenFormIsKept() {
        ScriptCommand tar = commandAt(Fixtures.script(Fixtures.text("face-archive.sh")), 17);
        assertThat(tar.words()).containsExactly("tar", "czf", "faces_${DAY}.tar.gz", "-C", "$SRC", "$DAY");
        assertThat(tar.expanded()).containsExactly("tar", "czf", "faces_${DAY}.tar.gz", "-C", "/data/capture", "$DAY");
    }

    @Test
    void eachCommandCarriesTheAssignmentsSeenBeforeIt() {
        ScriptCommand tar = commandAt(Fixtures.script(Fixtures.text("face-archive.sh")), 17);
        assertThat(tar.variables()).containsEntry("DAY",
                new Assignment("DAY", 8, "$(date -d yesterday +%Y%m%d)", "$(date -d yesterday +%Y%m%d)", false));
        assertThat(tar.variables()).containsEntry("BUCKET",
                new Assignment("BUCKET", 6, "lakeview-faces", "lakeview-faces", true));
        assertThat(tar.variables()).containsEntry("PWD", new Assignment("PWD", 15, "$ARCHIVE_DIR", "/data/pack", true));
        assertThat(tar.variables()).doesNotContainKey("LOG_LEVEL");
    }

    @Test
    void anAssignmentIsACommandWithoutWords() {
        ScriptCommand bucket = commandAt(Fixtures.script(Fixtures.text("face-archive.sh")), 6);
        assertThat(bucket.words()).isEmpty();
        assertThat(bucket.raw()).isEqualTo("BUCKET=lakeview-faces");
        assertThat(bucket.assignments()).containsExactly(
                new Assignment("BUCKET", 6, "lakeview-faces", "lakeview-faces", true));
        assertThat(bucket.variables()).doesNotContainKey("BUCKET");
    }

    @Test
    void aLoopOverSeveralWordsLeavesItsVariableUnsubstituted() {
        ScriptCommand upload = commandAt(Fixtures.script(Fixtures.text("face-archive.sh")), 22);
        assertThat(upload.expanded()).containsExactly("/usr/local/bin/ossutil64", "cp", "-f", "/data/pack/$f",
                "oss://lakeview-faces/archive/$DAY/", "-e", "oss-cn-hangzhou.aliyuncs.com", "--loglevel", "info");
        assertThat(upload.variables().get("f").written()).isEqualTo("faces_${DAY}.tar.gz faces_${DAY}.md5");
        assertThat(upload.program()).isEqualTo("ossutil64");
    }

    @Test
    void aLoopOverOneLiteralWordIsSubstituted() {
        List<ScriptCommand> cs = Fixtures.script("for f in /data/pack/*.tgz; do\n  coscmd upload $f faces/\ndone");
        assertThat(cs).singleElement().satisfies(c -> assertThat(c.expanded())
                .containsExactly("coscmd", "upload", "/data/pack/*.tgz", "faces/"));
    }

    @Test
    void exportedAndDefaultedVariablesAreFollowed() {
        List<ScriptCommand> cs = Fixtures.script(
                "export DEST=office/faces\nmc cp a.jpg \"$DEST/${CAM:-cam1}/\"\nread -r DEST\nmc cp b.jpg $DEST/");
        assertThat(cs.get(1).expanded()).containsExactly("mc", "cp", "a.jpg", "office/faces/cam1/");
        assertThat(cs.get(3).expanded()).containsExactly("mc", "cp", "b.jpg", "$DEST/");
    }

    @Test
    void theCommandsGivenToShDashCAreReadOnTheLineThatRunsThem() {
        List<ScriptCommand> cs = Fixtures.script("echo x\nsudo -u www sh -c 'cd /srv && rm -rf cache/*'");
        assertThat(cs).extracting(ScriptCommand::words).containsExactly(List.of("echo", "x"),
                List.of("sudo", "-u", "www", "sh", "-c", "cd /srv && rm -rf cache/*"), List.of("cd", "/srv"),
                List.of("rm", "-rf", "cache/*"));
        assertThat(cs.get(3).line()).isEqualTo(2);
        assertThat(cs.get(3).variables().get("PWD").value()).isEqualTo("/srv");
    }

    @Test
    void aCrontabEnvironmentIsKnownFromTheFirstCommand() {
        List<ScriptCommand> cs = Fixtures.values(ShellScriptParser.parseScript("rclone copy $SRC remote:b/",
                Map.of("SRC", "/data/pack")));
        assertThat(cs.get(0).expanded()).containsExactly("rclone", "copy", "/data/pack", "remote:b/");
    }

    @Test
    void historyEntriesTakeTheirTimeFromTheTimestampLines() {
        List<ScriptCommand> cs = Fixtures.values(ShellScriptParser.parseHistory(Fixtures.text("bash_history")));
        ScriptCommand rclone = cs.stream().filter(c -> c.program().equals("rclone")).findFirst().orElseThrow();
        assertThat(rclone.line()).isEqualTo(8);
        assertThat(rclone.time()).contains(Instant.ofEpochSecond(1710468101));
        assertThat(cs.get(0).words()).containsExactly("cd", "/data/capture");
        assertThat(cs.get(0).time()).contains(Instant.parse("2024-03-15T02:00:00Z"));
    }

    @Test
    void anUnreadableHistoryEntryIsAnErrorAndTheNextEntriesAreRead() {
        List<Parsed<ScriptCommand>> parsed = ShellScriptParser.parseHistory(Fixtures.text("bash_history"));
        assertThat(parsed).filteredOn(p -> p instanceof Parsed.Error).containsExactly(Parsed.error(
                "line 20: a double quote is opened and never closed; the text from that line on is not read"));
        assertThat(Fixtures.values(parsed)).last().satisfies(c -> assertThat(c.words()).containsExactly("history", "-c"));
    }

    @Test
    void zshExtendedHistoryGivesTimeAndCommand() {
        List<ScriptCommand> cs = Fixtures.values(ShellScriptParser.parseHistory(
                ": 1710468101:0;ossutil cp -r /data/pack oss://lakeview-faces/p/\n"));
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.time()).isEqualTo(Optional.of(Instant.ofEpochSecond(1710468101)));
            assertThat(c.words()).containsExactly("ossutil", "cp", "-r", "/data/pack", "oss://lakeview-faces/p/");
        });
    }

    @Test
    void secretsWrittenOnACommandLineAreMaskedEverywhere() {
        List<ScriptCommand> cs = Fixtures.values(ShellScriptParser.parseHistory(Fixtures.text("bash_history")));
        ScriptCommand mc = cs.stream().filter(c -> c.program().equals("mc")).findFirst().orElseThrow();
        ScriptCommand curl = cs.stream().filter(c -> c.program().equals("curl")).findFirst().orElseThrow();
        assertThat(mc.words()).containsExactly("mc", "alias", "set", "office", "https://minio.office.lan:9000",
                "faceadmin", "Zx9p****");
        assertThat(mc.toString()).doesNotContain("Zx9pQ2wE7rT5yU1iOp3a");
        assertThat(curl.raw()).isEqualTo("curl -T faces_20240314.tar.gz -u uploader:S3c****"
                + " https://dav.example.net/faces/");
        assertThat(curl.toString()).doesNotContain("S3cr3tPassw0rd");
    }

    @Test
    void secretVariablesAndOptionsAreMasked() {
        List<ScriptCommand> cs = Fixtures.script("export OSS_ACCESS_KEY_SECRET=Hx8dK2pLq9WmZr4TnB7v\n"
                + "ossutil64 cp a oss://b/ -i LTAI5tQ8 -k $OSS_ACCESS_KEY_SECRET\n"
                + "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG aws s3 cp a s3://b/\n"
                + "ossutil cp a oss://b/ --access-key-secret=Qw3rTy8uIo9pAs7dFg\n");
        assertThat(cs.get(1).expanded()).containsExactly("ossutil64", "cp", "a", "oss://b/", "-i", "LTAI5tQ8", "-k",
                "Hx8d****");
        assertThat(cs.get(2).raw()).isEqualTo("AWS_SECRET_ACCESS_KEY=wJal**** aws s3 cp a s3://b/");
        assertThat(cs.get(3).words()).contains("--access-key-secret=Qw3r****");
        assertThat(cs.toString()).doesNotContain("Hx8dK2pLq9WmZr4TnB7v", "wJalrXUtnFEMI/K7MDENG", "Qw3rTy8uIo9pAs7dFg");
    }

    @Property
    void anyScriptGivesCommandsOrErrorsNeverAnException(@ForAll String text) {
        assertThatCode(() -> ShellScriptParser.parseScript(text)).doesNotThrowAnyException();
        assertThatCode(() -> ShellScriptParser.parseHistory(text)).doesNotThrowAnyException();
    }
}
