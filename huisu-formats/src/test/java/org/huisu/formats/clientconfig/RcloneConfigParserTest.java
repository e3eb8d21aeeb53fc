package org.huisu.formats.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class RcloneConfigParserTest {

    private static ClientConfig config() {
        return Fixtures.value(RcloneConfigParser.parse(Fixtures.text("rclone.conf")));
    }

    @Test
    void anAlibabaOssRemoteIsReadWithItsSecretMasked() {
        assertThat(config().remote("oss-hz")).contains(new Remote("rclone", "oss-hz", "s3", "Alibaba", Cloud.ALIBABA,
                "oss-cn-hangzhou.aliyuncs.com", "", "", "LTAI5tR2sB8nXq7vKp3mWd9Z", new Secret("9fKq****", 30), "",
                Map.of("env_auth", "false", "acl", "private", "storage_class", "Standard"), 1));
    }

    @Test
    void anAliasRemoteKeepsWhatItPointsAt() {
        assertThat(config().remote("lakeview")).contains(new Remote("rclone", "lakeview", "alias", "", Cloud.OTHER,
                "", "", "", "", Secret.NONE, "oss-hz:lakeview-faces", Map.of(), 11));
    }

    @Test
    void aCryptRemoteHasItsPasswordsMasked() {
        Remote vault = config().remote("vault").orElseThrow();
        assertThat(vault.target()).isEqualTo("oss-hz:lakeview-vault/enc");
        assertThat(vault.settings()).isEqualTo(Map.of("password", "Xq3K****", "password2", "m4Rk****"));
    }

    @Test
    void aMinioRemoteIsTold() {
        Remote office = config().remote("office-minio").orElseThrow();
        assertThat(office.cloud()).isEqualTo(Cloud.MINIO);
        assertThat(office.endpoint()).isEqualTo("http://192.168.10.20:9000");
        assertThat(office.region()).isEqualTo("us-east-1");
    }

    @Test
    void noSecretShowsInTheRecords() {
        assertThat(config().toString()).doesNotContain(Fixtures.SECRETS);
        assertThat(config().warnings()).isEmpty();
    }

    @Test
    void anEncryptedConfigurationIsAnError() {
        assertThat(RcloneConfigParser.parse("# Encrypted rclone configuration File\n\nRCLONE_ENCRYPT_V0:\nXl8n3v...\n"))
                .isEqualTo(Parsed.error("the rclone configuration is encrypted (RCLONE_ENCRYPT_V0); its remotes"
                        + " cannot be read without its password"));
    }

    @Property
    void anyTextGivesAConfigurationOrAnErrorNeverAnException(@ForAll String text) {
        assertThatCode(() -> RcloneConfigParser.parse(text)).doesNotThrowAnyException();
    }
}
