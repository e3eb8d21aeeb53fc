package org.huisu.formats.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<SimpleCommand> commands(String text) {
        List<Parsed<SimpleCommand>> parsed = ShellWords.split(text);
        assertThat(parsed).allMatch(p -> p instanceof Parsed.Value);
        return parsed.stream().map(p -> ((Parsed.Value<SimpleCommand>) p).value()).toList();
    }

    private static List<List<String>> texts(String text) {
        return commands(text).stream().map(SimpleCommand::texts).toList();
    }

    @Test
    void quotesAndEscapesAreTakenOffTheWords() {
        assertThat(texts("tar czf 'faces 2024.tgz' \"$SRC/a b\" c\\ d -C /data"))
                .containsExactly(List.of("tar", "czf", "faces 2024.tgz", "$SRC/a b", "c d", "-C", "/data"));
    }

    @Test
    void aWordKeepsItsRawTextWithQuotes() {
        Word w = commands("cp \"$SRC\"/faces_${DAY}.* /tmp").get(0).words().get(1);
        assertThat(w.raw()).isEqualTo("\"$SRC\"/faces_${DAY}.*");
        assertThat(w.text()).isEqualTo("$SRC/faces_${DAY}.*");
    }

    @Test
    void expansionsAndSubstitutionsAreKeptAsPartsNotRun() {
        Word w = commands("echo /data/$(date -d yesterday +%Y%m%d)/`hostname`/${CAM:-cam1}/$((n+1))").get(0)
                .words().get(1);
        assertThat(w.parts()).containsExactly(
                new WordPart.Literal("/data/", false),
                new WordPart.CommandSubstitution("date -d yesterday +%Y%m%d", "$(date -d yesterday +%Y%m%d)", false),
                new WordPart.Literal("/", false),
                new WordPart.CommandSubstitution("hostname", "`hostname`", false),
                new WordPart.Literal("/", false),
                new WordPart.Variable("CAM", "${CAM:-cam1}", false),
                new WordPart.Literal("/", false),
                new WordPart.Arithmetic("n+1", "$((n+1))", false));
        assertThat(w.isLiteral()).isFalse();
    }

    @Test
    void aSubstitutionWithQuotesAndParenthesesInsideIsOnePart() {
        Word w = commands("LOG=\"$(date '+%F %T') $(echo \"(x)\")\"").get(0).assignments().get(0);
        assertThat(w.assignedName()).isEqualTo("LOG");
        assertThat(w.text()).isEqualTo("LOG=$(date '+%F %T') $(echo \"(x)\")");
    }

    @Test
    void sequencesAreSplitAtEachOperatorAndNewline() {
        List<SimpleCommand> cs = commands("cd /data && tar czf a.tgz x || exit 1; ls | wc -l &\nsync");
        assertThat(cs).extracting(SimpleCommand::raw)
                .containsExactly("cd /data", "tar czf a.tgz x", "exit 1", "ls", "wc -l", "sync");
        assertThat(cs).extracting(SimpleCommand::connector).containsExactly("&&", "||", ";", "|", "&", "");
    }

    @Test
    void aHashStartingAWordBeginsAComment() {
        assertThat(texts("rm -f a.jpg # old crops\necho a#b # c"))
                .containsExactly(List.of("rm", "-f", "a.jpg"), List.of("echo", "a#b"));
    }

    @Test
    void commandsInsideAWhileReadLoopAreFound() {
        assertThat(texts("while read -r f; do ossutil cp \"$f\" oss://b/; rm -f \"$f\"; done < list.txt"))
                .containsExactly(List.of("read", "-r", "f"), List.of("ossutil", "cp", "$f", "oss://b/"),
                        List.of("rm", "-f", "$f"));
    }

    @Test
    void aFunctionDefinitionGivesTheCommandsOfItsBody() {
        assertThat(texts("log() { echo \"$*\" >> /var/log/up.log; }\nfunction clean {\n  rm -rf /tmp/x\n}"))
                .containsExactly(List.of("echo", "$*"), List.of("rm", "-rf", "/tmp/x"));
    }

    @Test
    void ifThenElseGivesTheConditionAndBothBranches() {
        assertThat(texts("if [ -d \"$D\" ]; then rm -r \"$D\"; else mkdir -p \"$D\"; fi"))
                .containsExactly(List.of("[", "-d", "$D", "]"), List.of("rm", "-r", "$D"),
                        List.of("mkdir", "-p", "$D"));
    }

    @Test
    void caseArmsGiveTheirCommandsAndNotTheirPatterns() {
        assertThat(texts("case \"$1\" in\n  full|all) mc cp -r /d o/b/ ;;\n  *) echo no ;;\nesac\nls"))
                .containsExactly(List.of("mc", "cp", "-r", "/d", "o/b/"), List.of("echo", "no"), List.of("ls"));
    }

    @Test
    void redirectionsAreKeptApartFromTheWords() {
        SimpleCommand c = commands("ossutil cp a oss://b/ 2>&1 >> /var/log/up.log").get(0);
        assertThat(c.texts()).containsExactly("ossutil", "cp", "a", "oss://b/");
        assertThat(c.redirections()).containsExactly(new Redirection("2>&", "1", ""),
                new Redirection(">>", "/var/log/up.log", ""));
    }

    @Test
    void aHereDocumentIsABodyAndNotCommands() {
        List<SimpleCommand> cs = commands("sftp -b - backup@host <<EOF\nput faces.tgz\nbye\nEOF\nrm faces.tgz");
        assertThat(cs).extracting(SimpleCommand::texts)
                .containsExactly(List.of("sftp", "-b", "-", "backup@host"), List.of("rm", "faces.tgz"));
        assertThat(cs.get(0).redirections()).containsExactly(new Redirection("<<", "EOF", "put faces.tgz\nbye\n"));
        assertThat(cs.get(1).line()).isEqualTo(5);
    }

    @Test
    void prefixAssignmentsAreSeparatedFromTheCommandWords() {
        SimpleCommand c = commands("AWS_PROFILE=oss LANG=C aws s3 ls").get(0);
        assertThat(c.assignments()).extracting(Word::text).containsExactly("AWS_PROFILE=oss", "LANG=C");
        assertThat(c.texts()).containsExactly("aws", "s3", "ls");
    }

    @Test
    void aContinuedLineIsOneCommandOnTheLineItStarts() {
        List<SimpleCommand> cs = commands("echo start\naws s3 cp /data s3://b/ \\\n  --recursive\n");
        assertThat(cs.get(1).texts()).containsExactly("aws", "s3", "cp", "/data", "s3://b/", "--recursive");
        assertThat(cs.get(1).line()).isEqualTo(2);
    }

    @Test
    void anUnclosedQuoteStopsTheReadingWithASentence() {
        List<Parsed<SimpleCommand>> parsed = ShellWords.split("ls\necho \"it's\nrm -rf /data");
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(1)).isEqualTo(Parsed.error(
                "line 2: a double quote is opened and never closed; the text from that line on is not read"));
    }

    @Test
    void substitutionsNestedWithoutEndAreAnErrorNotACrash() {
        String deep = "echo " + "\"$(".repeat(5000) + "x";
        assertThat(ShellWords.split(deep)).singleElement().isInstanceOf(Parsed.Error.class);
    }

    @Test
    void partsOfAWordTextSeparateOnlyTheExpansions() {
        assertThat(ShellWords.parts("/d a/$(date +%F)*"))
                .containsExactly(new WordPart.Literal("/d a/", false),
                        new WordPart.CommandSubstitution("date +%F", "$(date +%F)", false),
                        new WordPart.Literal("*", false));
    }

    @Property
    void anyTextGivesCommandsOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> ShellWords.split(text)).doesNotThrowAnyException();
        assertThatCode(() -> ShellWords.parts(text)).doesNotThrowAnyException();
    }

    @Property
    void anyTextOfShellCharactersGivesCommandsOrAnErrorNeverAnException(
            @ForAll("shellish") String text) {
        assertThatCode(() -> ShellWords.split(text)).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> shellish() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab $(){}`'\"\\|&;<>#\n=-*").ofMaxLength(60);
    }
}
