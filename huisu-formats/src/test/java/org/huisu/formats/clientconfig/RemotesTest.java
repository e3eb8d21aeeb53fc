package org.huisu.formats.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.ScriptCommand;
import org.huisu.formats.shell.ShellScriptParser;
import org.huisu.formats.shell.TransferCommands;
import org.huisu.formats.shell.UploadCommand;
import org.junit.jupiter.api.Test;

class RemotesTest {

    private static final Remotes REMOTES = Remotes.of(List.of(
            Fixtures.value(RcloneConfigParser.parse(Fixtures.text("rclone.conf"))),
            Fixtures.value(OssutilConfigParser.parse(Fixtures.text("ossutilconfig"))),
            Fixtures.value(AwsConfigParser.parse(Fixtures.text("aws-config"), Fixtures.text("aws-credentials"))),
            Fixtures.value(McConfigParser.parse(Fixtures.text("mc-config.json"))),
            Fixtures.value(CoscmdConfigParser.parse(Fixtures.text("cos.conf")))));

    private static UploadCommand upload(String line) {
        List<ScriptCommand> commands = ShellScriptParser.parseScript(line).stream()
                .map(p -> ((Parsed.Value<ScriptCommand>) p).value()).toList();
        return TransferCommands.classify(commands).uploads().get(0);
    }

    @Test
    void anRcloneAliasIsFollowedToTheOssBucket() {
        ResolvedDestination r = REMOTES.resolve(upload("rclone copy /data/pack lakeview:archive/20240314/"))
                .orElseThrow();
        assertThat(r.remote().name()).isEqualTo("oss-hz");
        assertThat(r).extracting(ResolvedDestination::cloud, ResolvedDestination::endpoint,
                ResolvedDestination::bucket, ResolvedDestination::key).containsExactly(Cloud.ALIBABA,
                        "oss-cn-hangzhou.aliyuncs.com", "lakeview-faces", "archive/20240314");
        assertThat(r.explanation()).isEqualTo("rclone remote 'lakeview' is an alias of 'oss-hz:lakeview-faces';"
                + " rclone remote 'oss-hz' has type s3, provider Alibaba, endpoint oss-cn-hangzhou.aliyuncs.com,"
                + " access key LTAI5tR2sB8nXq7vKp3mWd9Z (rclone configuration, line 1)");
    }

    @Test
    void anRcloneCryptRemoteLeadsToItsBucketAndSaysNamesAreEncrypted() {
        ResolvedDestination r = REMOTES.resolve(upload("rclone sync /data/pack vault:faces")).orElseThrow();
        assertThat(r.bucket()).isEqualTo("lakeview-vault");
        assertThat(r.key()).isEqualTo("enc/faces");
        assertThat(r.explanation()).startsWith("rclone remote 'vault' is a crypt of 'oss-hz:lakeview-vault/enc'"
                + " (names and contents are encrypted there)");
    }

    @Test
    void anMcAliasGivesItsEndpoint() {
        ResolvedDestination r = REMOTES.resolve(upload("mc cp -r /data/crops/ office/faces/2024/")).orElseThrow();
        assertThat(r).extracting(ResolvedDestination::cloud, ResolvedDestination::endpoint,
                ResolvedDestination::bucket, ResolvedDestination::key)
                .containsExactly(Cloud.OTHER, "http://192.168.10.20:9000", "faces", "2024/");
    }

    @Test
    void anAwsProfileGivesItsS3Endpoint() {
        ResolvedDestination r = REMOTES.resolve(upload("aws --profile oss s3 cp a.tgz s3://lakeview-faces/a.tgz"))
                .orElseThrow();
        assertThat(r.endpoint()).isEqualTo("https://oss-cn-hangzhou.aliyuncs.com");
        assertThat(r.cloud()).isEqualTo(Cloud.ALIBABA);
        assertThat(r.region()).isEqualTo("oss-cn-hangzhou");
    }

    @Test
    void theCommandLineEndpointWinsOverTheProfile() {
        ResolvedDestination r = REMOTES.resolve(upload(
                "aws s3 cp a.tgz s3://b/a.tgz --endpoint-url https://cos.ap-shanghai.myqcloud.com")).orElseThrow();
        assertThat(r.remote().name()).isEqualTo("default");
        assertThat(r.endpoint()).isEqualTo("https://cos.ap-shanghai.myqcloud.com");
        assertThat(r.cloud()).isEqualTo(Cloud.TENCENT);
    }

    @Test
    void ossutilUsesTheBucketsOwnEndpointWhenConfigured() {
        assertThat(REMOTES.resolve(upload("ossutil cp a.tgz oss://lakeview-faces-bak/a.tgz")).orElseThrow()
                .endpoint()).isEqualTo("oss-cn-shanghai.aliyuncs.com");
        assertThat(REMOTES.resolve(upload("ossutil cp a.tgz oss://other/a.tgz")).orElseThrow().endpoint())
                .isEqualTo("oss-cn-hangzhou.aliyuncs.com");
    }

    @Test
    void coscmdTakesTheConfiguredBucket() {
        ResolvedDestination r = REMOTES.resolve(upload("coscmd upload -r /data/pack archive/")).orElseThrow();
        assertThat(r.bucket()).isEqualTo("lakeview-faces-1250000000");
        assertThat(r.region()).isEqualTo("ap-shanghai");
        assertThat(r.cloud()).isEqualTo(Cloud.TENCENT);
    }

    @Test
    void anUnknownRemoteResolvesToNothing() {
        assertThat(REMOTES.resolve(upload("rclone copy /data/pack nowhere:b/"))).isEmpty();
        assertThat(REMOTES.resolve(upload("scp a.tgz backup@nas:/x/"))).isEmpty();
    }
}
