package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsCliTest {

    @Test
    void theVersionIsReadFromWhatAwsVersionPrints() {
        // Debian 12's awscli, and awscli 1 from pip
        assertThat(AwsCli.Version.parse("aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v657 source/x86_64.debian.12"
                + " prompt/off\n")).isEqualTo(new AwsCli.Version(2, 9, 19));
        assertThat(AwsCli.Version.parse("aws-cli/1.45.11 Python/3.11.7 Linux/6.18.44-fc-v657 botocore/1.43.11"))
                .isEqualTo(new AwsCli.Version(1, 45, 11));
    }

    @Test
    void onlyVersionsFromJanuary2025OnKnowTheChecksumSettings() {
        assertThat(new AwsCli.Version(2, 9, 19).knowsChecksumSettings()).isFalse();
        assertThat(new AwsCli.Version(2, 22, 35).knowsChecksumSettings()).isFalse();
        assertThat(new AwsCli.Version(2, 23, 0).knowsChecksumSettings()).isTrue();
        assertThat(new AwsCli.Version(3, 0, 0).knowsChecksumSettings()).isTrue();
        assertThat(new AwsCli.Version(1, 36, 40).knowsChecksumSettings()).isFalse();
        assertThat(new AwsCli.Version(1, 37, 0).knowsChecksumSettings()).isTrue();
    }

    @Test
    void somethingElseThanAVersionStopsTheBenchmark() {
        assertThatThrownBy(() -> AwsCli.Version.parse("bash: aws: command not found"))
                .isInstanceOf(BenchmarkFailure.class).hasMessageContaining("command not found");
    }
}
