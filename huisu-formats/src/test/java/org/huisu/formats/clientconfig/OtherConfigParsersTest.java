package org.huisu.formats.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class OtherConfigParsersTest {

    @Test
    void ossutilCredentialsAreARemote() {
        ClientConfig c = Fixtures.value(OssutilConfigParser.parse(Fixtures.text("ossutilconfig")));
        assertThat(c.remotes().get(0)).isEqualTo(new Remote("ossutil", "Credentials", "credentials", "",
                Cloud.ALIBABA, "oss-cn-hangzhou.aliyuncs.com", "", "", "LTAI5tR2sB8nXq7vKp3mWd9Z",
                new Secret("9fKq****", 30), "", Map.of("language", "CH"), 1));
    }

    @Test
    void ossutilBucketEndpointsAreRemotesOfTheirBuckets() {
        ClientConfig c = Fixtures.value(OssutilConfigParser.parse(Fixtures.text("ossutilconfig")));
        assertThat(c.remote("lakeview-faces-bak")).contains(new Remote("ossutil", "lakeview-faces-bak",
                "Bucket-Endpoint", "", Cloud.ALIBABA, "oss-cn-shanghai.aliyuncs.com", "", "lakeview-faces-bak",
                "LTAI5tR2sB8nXq7vKp3mWd9Z", new Secret("9fKq****", 30), "", Map.of(), 7));
        assertThat(c.remote("lakeview-faces").orElseThrow().endpoint()).isEqualTo("img.lakeview-sales.example");
        assertThat(c.toString()).doesNotContain(Fixtures.SECRETS);
    }

    @Test
    void awsProfilesJoinConfigAndCredentials() {
        ClientConfig c = Fixtures.value(AwsConfigParser.parse(Fixtures.text("aws-config"),
                Fixtures.text("aws-credentials")));
        assertThat(c.remotes()).containsExactly(
                new Remote("aws", "default", "s3", "", Cloud.AWS, "", "us-east-1", "", "AKIAIOSFODNN7EXAMPLE",
                        new Secret("wJal****", 40), "", Map.of("output", "json"), 1),
                new Remote("aws", "oss", "s3", "", Cloud.ALIBABA, "https://oss-cn-hangzhou.aliyuncs.com",
                        "oss-cn-hangzhou", "", "LTAI5tR2sB8nXq7vKp3mWd9Z", new Secret("9fKq****", 30), "",
                        Map.of("s3", "", "s3.addressing_style", "virtual", "aws_session_token", "CAIS****"), 5));
        assertThat(c.toString()).doesNotContain(Fixtures.SECRETS);
    }

    @Test
    void awsCredentialsAloneStillGiveProfiles() {
        ClientConfig c = Fixtures.value(AwsConfigParser.parse("", Fixtures.text("aws-credentials")));
        assertThat(c.remotes()).extracting(Remote::name, Remote::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", 1),
                        org.assertj.core.groups.Tuple.tuple("oss", 5));
    }

    @Test
    void mcAliasesAreRemotes() {
        ClientConfig c = Fixtures.value(McConfigParser.parse(Fixtures.text("mc-config.json")));
        assertThat(c.remotes()).containsExactly(
                new Remote("mc", "office", "s3v4", "", Cloud.OTHER, "http://192.168.10.20:9000", "", "", "faceadmin",
                        new Secret("Zx9p****", 20), "", Map.of("path", "auto"), 4),
                new Remote("mc", "oss", "S3v4", "", Cloud.ALIBABA, "https://oss-cn-hangzhou.aliyuncs.com", "", "",
                        "LTAI5tR2sB8nXq7vKp3mWd9Z", new Secret("9fKq****", 30), "", Map.of("path", "dns"), 11));
        assertThat(c.toString()).doesNotContain(Fixtures.SECRETS);
    }

    @Test
    void anOlderMcConfigurationNamesItsAliasesHosts() {
        ClientConfig c = Fixtures.value(McConfigParser.parse("{\"version\":\"9\",\"hosts\":{\"s3\":{\"url\":"
                + "\"https://s3.amazonaws.com\",\"accessKey\":\"AKIAIOSFODNN7EXAMPLE\",\"secretKey\":\"x\","
                + "\"api\":\"S3v4\",\"lookup\":\"dns\"}}}"));
        assertThat(c.remotes()).singleElement().satisfies(r -> {
            assertThat(r.cloud()).isEqualTo(Cloud.AWS);
            assertThat(r.settings()).isEqualTo(Map.of("lookup", "dns"));
        });
    }

    @Test
    void brokenJsonIsAnErrorWithItsLine() {
        assertThat(McConfigParser.parse("{\n\"version\": \"10\",\n\"aliases\": {\n}\n,}"))
                .isEqualTo(Parsed.error("not JSON, so not an mc configuration: line 5: a member name in double"
                        + " quotes was expected"));
    }

    @Test
    void coscmdCommonSectionIsATencentRemoteWithItsBucket() {
        ClientConfig c = Fixtures.value(CoscmdConfigParser.parse(Fixtures.text("cos.conf")));
        assertThat(c.remotes()).containsExactly(new Remote("coscmd", "common", "cos", "", Cloud.TENCENT, "",
                "ap-shanghai", "lakeview-faces-1250000000", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                new Secret("Gu5t****", 32), "", Map.of("max_thread", "5", "part_size", "1", "retry", "5",
                        "timeout", "60", "schema", "https", "verify", "md5", "anonymous", "False"), 1));
        assertThat(c.toString()).doesNotContain(Fixtures.SECRETS);
    }

    @Test
    void aSecretIsMaskedToAQuarterAtMost() {
        assertThat(Secret.of("abcdefgh")).isEqualTo(new Secret("ab****", 8));
        assertThat(Secret.of("abc")).isEqualTo(new Secret("****", 3));
        assertThat(Secret.of("")).isEqualTo(Secret.NONE);
    }

    @Property
    void anyTextGivesConfigurationsOrErrorsNeverAnException(@ForAll String text) {
        assertThatCode(() -> {
            OssutilConfigParser.parse(text);
            AwsConfigParser.parse(text, text);
            McConfigParser.parse(text);
            CoscmdConfigParser.parse(text);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyJsonLikeTextGivesAConfigurationOrAnErrorNeverAnException(@ForAll("jsonish") String text) {
        assertThatCode(() -> McConfigParser.parse(text)).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> jsonish() {
        return net.jqwik.api.Arbitraries.strings().withChars("{}[]\":,\\u0123 aliasesurlnt-.e").ofMaxLength(80);
    }
}
