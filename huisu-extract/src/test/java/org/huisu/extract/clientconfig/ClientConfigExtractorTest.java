package org.huisu.extract.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigExtractorTest {

    @TempDir
    Path tmp;

    private Extraction extract(EvidenceTree t) {
        return Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new ClientConfigExtractor());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anRcloneConfigIsDescribedRemoteByRemoteWithItsKeysAndOnlyMaskedSecrets() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("root/.config/rclone/rclone.conf", """
                [oss-hz]
                type = s3
                provider = Alibaba
                access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z
                secret_access_key = 9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm
                endpoint = oss-cn-hangzhou.aliyuncs.com
                acl = private

                [vault]
                type = crypt
                remote = oss-hz:lakeview-vault/enc
                password = Xq3KFvW0aJm5Hr9cLt2zYpU1oN8eBd
                """);

        try (Extraction x = extract(t)) {
            Map<String, Object> config = (Map<String, Object>) x.at("/root/.config/rclone/rclone.conf").attributes()
                    .get("clientConfig");
            assertThat(config).containsEntry("tool", "rclone").containsEntry("recognisedBy", "path");
            List<Map<String, Object>> remotes = (List<Map<String, Object>>) config.get("remotes");
            assertThat(remotes).hasSize(2);
            assertThat(remotes.get(0)).containsEntry("name", "oss-hz").containsEntry("cloud", "ALIBABA")
                    .containsEntry("endpoint", "oss-cn-hangzhou.aliyuncs.com")
                    .containsEntry("accessKeyId", "LTAI5tR2sB8nXq7vKp3mWd9Z")
                    .containsEntry("secret", Map.of("masked", "9fKq****", "length", 30))
                    .containsEntry("settings", Map.of("acl", "private")).containsEntry("line", 1);
            assertThat(remotes.get(1)).containsEntry("type", "crypt").containsEntry("target",
                    "oss-hz:lakeview-vault/enc").containsEntry("settings", Map.of("password", "Xq3K****"));

            Actor key = x.theCase().store().actors().stream().filter(a -> a.kind() == ActorKind.ACCESS_KEY)
                    .findFirst().orElseThrow();
            assertThat(key.name()).isEqualTo("LTAI5tR2sB8nXq7vKp3mWd9Z");
            assertThat(key.attributes()).containsEntry("tool", "rclone").containsEntry("remote", "oss-hz")
                    .containsEntry("endpoint", "oss-cn-hangzhou.aliyuncs.com")
                    .containsEntry("foundIn", List.of("evidence:/root/.config/rclone/rclone.conf"));
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void theAwsCliFilesAreReadTogetherAndTheMcAndCoscmdFilesByTheirPaths() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("home/ops/.aws/config", """
                [profile oss]
                region = oss-cn-hangzhou
                s3 =
                    endpoint_url = https://oss-cn-hangzhou.aliyuncs.com
                """);
        t.file("home/ops/.aws/credentials", "[oss]\naws_access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z\n"
                + "aws_secret_access_key = 9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm\n");
        t.file("home/facecap/.mc/config.json", """
                {"version": "10", "aliases": {"office": {"url": "http://192.168.10.20:9000",
                  "accessKey": "faceadmin", "secretKey": "Zx9pQ2wE7rT5yU1iOp3a", "api": "s3v4", "path": "auto"}}}
                """);
        t.file("home/cos/.cos.conf", "[common]\nsecret_id = AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\n"
                + "secret_key = Gu5t9xGARNpq86cd98joQYCN3EXAMPLE\nbucket = lakeview-faces-1250000000\n");

        try (Extraction x = extract(t)) {
            for (String file : List.of("/home/ops/.aws/config", "/home/ops/.aws/credentials")) {
                assertThat(x.at(file).attributes().get("clientConfig").toString()).as(file).contains("tool=aws",
                        "name=oss", "endpoint=https://oss-cn-hangzhou.aliyuncs.com",
                        "accessKeyId=LTAI5tR2sB8nXq7vKp3mWd9Z", "masked=9fKq****");
            }
            assertThat(x.at("/home/facecap/.mc/config.json").attributes().get("clientConfig").toString())
                    .contains("tool=mc", "name=office", "endpoint=http://192.168.10.20:9000", "accessKeyId=faceadmin");
            assertThat(x.at("/home/cos/.cos.conf").attributes().get("clientConfig").toString())
                    .contains("cloud=TENCENT", "bucket=lakeview-faces-1250000000");
            assertThat(x.theCase().store().actors()).filteredOn(a -> a.kind() == ActorKind.ACCESS_KEY)
                    .extracting(Actor::name).containsExactlyInAnyOrder("LTAI5tR2sB8nXq7vKp3mWd9Z", "faceadmin",
                            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
            Actor aws = x.theCase().store().actors().stream().filter(a -> a.name().equals("LTAI5tR2sB8nXq7vKp3mWd9Z"))
                    .findFirst().orElseThrow();
            assertThat((List<?>) aws.attributes().get("foundIn")).hasSize(2);
        }
    }

    @Test
    void aConfigurationCopiedAwayFromItsHomeIsToldByItsContent() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        t.file("triage/oss-backup.conf", "[Credentials]\nendpoint=oss-cn-shanghai.aliyuncs.com\n"
                + "accessKeyID=LTAI5tQ9bWm3kQd2XYZ12345\naccessKeySecret=Zq8kYt2pLw9xVb4nRe7sMa1cUd5gHj3f\n");
        t.file("triage/notes.txt", "[todo]\nask about the cameras\n");

        try (Extraction x = extract(t)) {
            assertThat(x.at("/triage/oss-backup.conf").attributes().get("clientConfig").toString())
                    .contains("tool=ossutil", "recognisedBy=content", "endpoint=oss-cn-shanghai.aliyuncs.com");
            assertThat(x.at("/triage/notes.txt").attributes()).doesNotContainKey("clientConfig");
            assertThat(x.theCase().store().actors()).extracting(Actor::name)
                    .containsExactly("LTAI5tQ9bWm3kQd2XYZ12345");
        }
    }

    @Test
    void anEncryptedRcloneConfigIsAProblemSayingSo() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("home/u/.config/rclone/rclone.conf", "# Encrypted rclone configuration File\n\nRCLONE_ENCRYPT_V0:\n"
                + "XVKiJ3fDm0Hq8L1b2pQ7R6nV5T4sY9uW0xZ3cA8eB2dF7gH1jK6lM4nP9qR5sT\n");

        try (Extraction x = extract(t)) {
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("ENCRYPTED_CONFIG");
                assertThat(e.plugin()).isEqualTo("client-config");
                assertThat(e.occurrences()).isEqualTo(1);
                assertThat(e.examples()).singleElement().asString().contains("RCLONE_ENCRYPT_V0");
            });
            assertThat(x.at("/home/u/.config/rclone/rclone.conf").attributes()).doesNotContainKey("clientConfig");
        }
    }
}
