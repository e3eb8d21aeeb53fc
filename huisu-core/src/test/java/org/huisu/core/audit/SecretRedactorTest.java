package org.huisu.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void optionsNamingSecretsLoseTheirValues() {
        assertThat(SecretRedactor.redact(List.of("--label", "server-01", "--secret-key", "abc", "--token=xyz",
                "--session-token", "t0k", "--password", "p")))
                .containsExactly("--label", "server-01", "--secret-key", "***", "--token=***", "--session-token",
                        "***", "--password", "***");
    }

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(SecretRedactor.redactText("jdbc:postgresql://huisu:s3cr3t@db/case?password=x&user=y"))
                .isEqualTo("jdbc:postgresql://huisu:***@db/case?password=***&user=y");
    }

    @Test
    void ordinaryArgumentsAreKeptAsTheyAre() {
        List<String> args = List.of("source", "add", "/cases/lakeview", "/evidence/人脸 照片", "--copy");
        assertThat(SecretRedactor.redact(args)).isEqualTo(args);
    }

    @Property
    void theValueAfterASecretOptionNeverSurvives(@ForAll @AlphaChars @StringLength(min = 6, max = 30) String secret,
            @ForAll("secretOptions") String option) {
        List<String> out = SecretRedactor.redact(List.of("source", "add", option, secret));
        assertThat(String.join(" ", out)).doesNotContain(secret);
        List<String> joined = SecretRedactor.redact(List.of(option + "=" + secret));
        assertThat(joined.get(0)).doesNotContain(secret);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> secretOptions() {
        return net.jqwik.api.Arbitraries.of("--secret", "--secret-key", "--password", "--s3-secret", "--token",
                "--session-token", "--credential", "--db-password");
    }
}
