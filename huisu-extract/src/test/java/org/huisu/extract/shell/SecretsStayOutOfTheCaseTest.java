package org.huisu.extract.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.clientconfig.ClientConfigExtractor;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.schedule.CrontabExtractor;
import org.huisu.extract.schedule.SystemdTimerExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets written in client configurations, scripts, crontabs, histories and units are in the evidence only. */
class SecretsStayOutOfTheCaseTest {

    @TempDir
    Path tmp;

    private static final List<String> SECRETS = List.of("Rc1oneS3cretK9vQ2mX7", "AwsCr3dS3cretP4zL8nW",
            "McS3cretKeyT6yH1bV3q", "CosS3cretKeyJ5rD9kF2", "Ossut1lS3cretW3eA7sZ", "D4shKSecretN8mB2vC6x",
            "EqualsS3cretQ1wE5rT9", "EnvPrefixS3cretY7uI3o", "NestedShS3cretP0aS4dF", "CurlPassw0rdG6hJ2kL8",
            "SignatureValZ3xC7vB1n", "FtpPassw0rdM5nQ9wE3r", "CronEnvS3cretT2yU6iO0", "CronJobS3cretP8aS1dF4",
            "CronNestedS3cretG7hJ3k", "CronQuoteS3cretL5zX9cV", "HistMcS3cretB2nM6qW0e", "HistOssS3cretR4tY8uI2",
            "UnitEnvS3cretO6pA0sD4f", "UnitExecS3cretG8hJ2kL6");

    private static String s(int n) {
        return SECRETS.get(n - 1);
    }

    @Test
    void noSecretOfTheEvidenceReachesAnyFileOfTheCase() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("root/.config/rclone/rclone.conf", "[oss-hz]\ntype = s3\nprovider = Alibaba\n"
                + "access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z\nsecret_access_key = " + s(1) + "\n"
                + "endpoint = oss-cn-hangzhou.aliyuncs.com\n");
        t.file("home/ops/.aws/credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = " + s(2) + "\n");
        t.file("home/facecap/.mc/config.json", "{\"version\":\"10\",\"aliases\":{\"office\":{\"url\":"
                + "\"http://192.168.10.20:9000\",\"accessKey\":\"faceadmin\",\"secretKey\":\"" + s(3) + "\"}}}\n");
        t.file("home/cos/.cos.conf", "[common]\nsecret_id = AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\nsecret_key = "
                + s(4) + "\nbucket = lakeview-faces-1250000000\n");
        t.file("root/.ossutilconfig", "[Credentials]\nendpoint=oss-cn-hangzhou.aliyuncs.com\n"
                + "accessKeyID=LTAI5tQ9bWm3kQd2XYZ12345\naccessKeySecret=" + s(5) + "\n");
        t.file("opt/upload/up.sh", "#!/bin/sh\n"
                + "ossutil cp /data/a oss://lakeview-faces/a -i LTAI5tQ9bWm3kQd2XYZ12345 -k " + s(6) + "\n"
                + "ossutil cp /data/a oss://lakeview-faces/a --access-key-secret=" + s(7) + "\n"
                + "AWS_SECRET_ACCESS_KEY=" + s(8) + " aws s3 cp /data/a s3://lakeview-faces/a\n"
                + "sh -c 'ossutil cp /data/b oss://lakeview-faces/b -k " + s(9) + "'\n"
                + "curl -T /data/a.tgz -u uploader:" + s(10) + " https://dav.example.net/faces/\n"
                + "curl -T /data/a.tgz \"https://lakeview-faces.oss-cn-hangzhou.aliyuncs.com/a.tgz"
                + "?OSSAccessKeyId=LTAI5tQ9bWm3kQd2XYZ12345&Expires=1710468101&Signature=" + s(11) + "\"\n"
                + "rclone copy /data/a ftp://uploader:" + s(12) + "@ftp.example.net/faces/\n");
        t.file("etc/cron.d/upload", "OSS_ACCESS_KEY_SECRET=" + s(13) + "\n"
                + "* * * * * root ossutil cp /data/a oss://lakeview-faces/ -k " + s(14) + "\n"
                + "0 * * * * root sh -c \"mc alias set o https://x.example.net:9000 AKIDEXAMPLE " + s(15)
                + " && mc cp /data/a o/b/\"\n"
                + "5 * * * * root ossutil cp /data/a oss://lakeview-faces/ -k " + s(16) + " \"oops\n");
        t.file("home/ops/.bash_history", "mc alias set office https://minio.example.net:9000 faceadmin " + s(17) + "\n"
                + "ossutil cp -r /data oss://lakeview-faces/ -k " + s(18) + "\n");
        t.file("etc/systemd/system/up.timer", "[Timer]\nOnCalendar=daily\n");
        t.file("etc/systemd/system/up.service", "[Service]\nEnvironment=AWS_SECRET_ACCESS_KEY=" + s(19) + "\n"
                + "ExecStart=/usr/bin/ossutil cp /data/a oss://lakeview-faces/ --access-key-secret " + s(20) + "\n");

        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new ClientConfigExtractor(), new ShellScriptExtractor(), new CrontabExtractor(),
                new SystemdTimerExtractor())) {
            // the secrets were there to be found: every command that carried one was read
            assertThat(x.theCase().store().activities(ActivityKind.UPLOAD)).hasSize(11);
            assertThat(x.at("/opt/upload/up.sh#line 2").attributes().get("command").toString())
                    .isEqualTo("ossutil cp /data/a oss://lakeview-faces/a -i LTAI5tQ9bWm3kQd2XYZ12345 -k D4sh****");
            assertThat(x.at("/etc/cron.d/upload#line 3").attributes().get("command").toString())
                    .contains("AKIDEXAMPLE Cron****");
            x.theCase().close();
            for (Path p : Files.walk(x.theCase().folder().root()).filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    assertThat(bytes).as("%s holds %s", p, secret).doesNotContain(secret);
                }
            }
        }
    }
}
