package org.huisu.extract.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CommandSecretsTest {

    @Test
    void aSecretGivenToShDashCIsMaskedInTheOuterCommandToo() {
        assertThat(CommandSecrets.masked("sh -c 'ossutil cp a oss://b/ -k Hx8dK2pLq9WmZr4TnB7v' >> /var/log/u.log",
                Map.of())).isEqualTo("sh -c 'ossutil cp a oss://b/ -k Hx8d****' >> /var/log/u.log");
    }

    @Test
    void aCommandTheShellCannotReadIsMaskedByTheNamesOfItsOptionsAndVariables() {
        assertThat(CommandSecrets.masked("OSS_SECRET=Qw3rTy8uIo9pAs7dFg ossutil cp a oss://b/ -k Hx8dK2pLq9WmZr4TnB7v"
                + " \"unclosed", Map.of())).isEqualTo("OSS_SECRET=Qw3r**** ossutil cp a oss://b/ -k Hx8d**** \"unclosed");
    }

    @Test
    void aCommandWithoutSecretsIsKeptAsWritten() {
        String line = "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }";
        assertThat(CommandSecrets.masked(line, Map.of())).isEqualTo(line);
    }

    @Test
    void theSecretInsideAMaskedWordStartsWhereTheMaskKeptItsFirstCharacters() {
        assertThat(CommandSecrets.secretPart("--access-key-secret=Qw3rTy8uIo9pAs7dFg", "--access-key-secret=Qw3r****"))
                .isEqualTo("Qw3rTy8uIo9pAs7dFg");
        // eight characters keep two
        assertThat(CommandSecrets.secretPart("uploader:S3cr3tPw@host", "uploader:S3****@host")).isEqualTo("S3cr3tPw");
        assertThat(CommandSecrets.secretPart("Zx9pQ2wE7rT5yU1iOp3a", "Zx9p****")).isEqualTo("Zx9pQ2wE7rT5yU1iOp3a");
    }

    @Property
    void anyTextIsMaskedWithoutAnException(@ForAll String text) {
        assertThatCode(() -> CommandSecrets.masked(text, Map.of("PATH", "/bin"))).doesNotThrowAnyException();
    }

    @Property
    void aSecretWrittenWhereTheToolsTakeOneNeverSurvivesMasking(@ForAll("secrets") String secret,
            @ForAll("commands") String command, @ForAll("wrappings") String wrapping) {
        String line = wrapping.replace("CMD", command.replace("@S@", secret));
        assertThat(CommandSecrets.masked(line, Map.of())).doesNotContain(secret);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .ofMinLength(8).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.of("ossutil cp /data/a oss://b/a -k @S@", "ossutil64 cp /data/a oss://b/ --access-key-secret=@S@",
                "AWS_SECRET_ACCESS_KEY=@S@ aws s3 cp /data/a s3://b/a", "mc alias set o https://h:9000 AKID @S@",
                "curl -T /data/a -u uploader:@S@ https://dav.example.net/", "rclone copy /a ftp://u:@S@@h/x/",
                "export OSS_ACCESS_KEY_SECRET=@S@", "coscmd config -a AKID -s @S@ -b b-125 -r ap-shanghai",
                "sshpass -p @S@ scp /a u@h:/x/", "s3cmd put /a s3://b/ --secret_key=@S@");
    }

    @Provide
    Arbitrary<String> wrappings() {
        return Arbitraries.of("CMD", "CMD >> /var/log/x.log 2>&1", "sh -c 'CMD'", "bash -c \"CMD && echo done\"",
                "cd /data && CMD", "CMD \"unclosed", "nice -n 10 CMD", "sudo -u facecap CMD");
    }
}
