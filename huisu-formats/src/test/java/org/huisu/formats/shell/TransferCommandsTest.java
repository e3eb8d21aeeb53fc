package org.huisu.formats.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TransferCommandsTest {

    private static Transfers of(String script) {
        return TransferCommands.classify(Fixtures.script(script));
    }

    private static Transfers history() {
        return TransferCommands.classify(Fixtures.values(ShellScriptParser.parseHistory(Fixtures.text("bash_history"))));
    }

    private static UploadCommand upload(String script) {
        Transfers t = of(script);
        assertThat(t.uploads()).hasSize(1);
        return t.uploads().get(0);
    }

    @Test
    void theArchiveScriptUploadsEachFileWithOssutil() {
        Transfers t = TransferCommands.classify(Fixtures.script(Fixtures.text("face-archive.sh")));
        assertThat(t.uploads()).containsExactly(new UploadCommand(22, Optional.empty(), "ossutil", "cp",
                List.of("$ARCHIVE_DIR/$f"), List.of("/data/pack/$f"),
                new Destination("oss://$BUCKET/archive/$DAY/", "oss://lakeview-faces/archive/$DAY/", "oss", "", "",
                        "", "lakeview-faces", "archive/$DAY/"),
                false, "oss-cn-hangzhou.aliyuncs.com", "", "", List.of(), List.of(), false, "/data/pack",
                "/usr/local/bin/ossutil64 cp -f \"$ARCHIVE_DIR/$f\" \"oss://$BUCKET/archive/$DAY/\" -e \"$ENDPOINT\""
                        + " --loglevel info"));
    }

    @Test
    void theArchiveScriptDeletesTheDayFolderAndOldCaptures() {
        Transfers t = TransferCommands.classify(Fixtures.script(Fixtures.text("face-archive.sh")));
        assertThat(t.deletes()).containsExactly(
                new DeleteCommand(30, Optional.empty(), "rm", List.of("$SRC/$DAY", "$ARCHIVE_DIR/faces_${DAY}.*"),
                        List.of("/data/capture/$DAY", "/data/pack/faces_${DAY}.*"), true, false, "", "/data/pack",
                        "rm -rf \"$SRC/$DAY\" \"$ARCHIVE_DIR\"/faces_${DAY}.*"),
                new DeleteCommand(31, Optional.empty(), "find", List.of("/data/capture"), List.of("/data/capture"),
                        true, false, "-mtime +1", "/data/pack", "find /data/capture -mtime +1 -delete"));
    }

    @Test
    void rcloneMoveIsAnUploadAndADeletionOfItsSource() {
        Transfers t = history();
        String raw = "rclone move /data/pack/faces_20240314.tar.gz lakeview:lakeview-faces/archive/20240314/"
                + " --progress --transfers 4";
        Optional<Instant> time = Optional.of(Instant.ofEpochSecond(1710468101));
        assertThat(t.uploads()).first().isEqualTo(new UploadCommand(8, time, "rclone", "move",
                List.of("/data/pack/faces_20240314.tar.gz"), List.of("/data/pack/faces_20240314.tar.gz"),
                new Destination("lakeview:lakeview-faces/archive/20240314/", "lakeview:lakeview-faces/archive/20240314/",
                        "rclone", "lakeview", "", "", "lakeview-faces", "archive/20240314/"),
                true, "", "", "", List.of(), List.of(), false, "/data/capture", raw));
        assertThat(t.deletes()).first().isEqualTo(new DeleteCommand(8, time, "rclone",
                List.of("/data/pack/faces_20240314.tar.gz"), List.of("/data/pack/faces_20240314.tar.gz"), true, false,
                "", "/data/capture", raw));
    }

    @Test
    void awsS3SyncWithDeleteKeepsEndpointProfileAndFilters() {
        UploadCommand u = history().uploads().get(1);
        assertThat(u).isEqualTo(new UploadCommand(10, Optional.of(Instant.ofEpochSecond(1710468230)), "aws", "sync",
                List.of("/data/pack"), List.of("/data/pack"),
                new Destination("s3://lakeview-faces-bak/pack/", "s3://lakeview-faces-bak/pack/", "s3", "", "", "",
                        "lakeview-faces-bak", "pack/"),
                true, "https://oss-cn-hangzhou.aliyuncs.com", "", "oss", List.of(), List.of("*.md5"), true, "/data/capture",
                "aws s3 sync /data/pack s3://lakeview-faces-bak/pack/ --delete --endpoint-url"
                        + " https://oss-cn-hangzhou.aliyuncs.com --profile oss --exclude \"*.md5\""));
    }

    @Test
    void curlUploadFileIsAPutToTheUrl() {
        UploadCommand u = history().uploads().get(2);
        assertThat(u).isEqualTo(new UploadCommand(12, Optional.of(Instant.ofEpochSecond(1710468300)), "curl", "PUT",
                List.of("faces_20240314.tar.gz"), List.of("faces_20240314.tar.gz"),
                new Destination("https://dav.example.net/faces/", "https://dav.example.net/faces/", "https", "", "",
                        "dav.example.net", "", "faces/"),
                false, "", "", "", List.of(), List.of(), false, "/data/capture",
                "curl -T faces_20240314.tar.gz -u uploader:S3c**** https://dav.example.net/faces/"));
    }

    @Test
    void scpToAHostIsAnUploadWithUserAndHost() {
        UploadCommand u = history().uploads().get(3);
        assertThat(u).isEqualTo(new UploadCommand(14, Optional.of(Instant.ofEpochSecond(1710468333)), "scp", "scp",
                List.of("/data/pack/20240314"), List.of("/data/pack/20240314"),
                new Destination("backup@203.0.113.7:/srv/faces/", "backup@203.0.113.7:/srv/faces/", "ssh", "",
                        "backup", "203.0.113.7", "", "/srv/faces/"),
                true, "", "", "", List.of(), List.of(), false, "/data/capture",
                "scp -P 2222 -r /data/pack/20240314 backup@203.0.113.7:/srv/faces/"));
    }

    @Test
    void theHistoryHoldsFourUploadsAndTwoDeletions() {
        Transfers t = history();
        assertThat(t.uploads()).extracting(UploadCommand::tool).containsExactly("rclone", "aws", "curl", "scp");
        assertThat(t.deletes()).extracting(DeleteCommand::tool).containsExactly("rclone", "find");
    }

    @Test
    void mcMirrorAndCopyGoToTheAliasPath() {
        Transfers t = TransferCommands.classify(Fixtures.script(Fixtures.text("mirror-to-minio.sh")));
        assertThat(t.uploads()).extracting(UploadCommand::operation, u -> u.destination().remote(),
                u -> u.destination().bucket(), u -> u.destination().key(), UploadCommand::recursive,
                UploadCommand::deletesAtDestination)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mirror", "office", "faces", "$cam/$TODAY/", true, true),
                        org.assertj.core.groups.Tuple.tuple("cp", "office", "faces", "full/", true, false));
    }

    @Test
    void mcRmIsARemoteDeletionWithItsAge() {
        Transfers t = TransferCommands.classify(Fixtures.script(Fixtures.text("mirror-to-minio.sh")));
        assertThat(t.deletes()).first().isEqualTo(new DeleteCommand(17, Optional.empty(), "mc", List.of("office/faces/"),
                List.of("office/faces/"), true, true, "--older-than 7d", "",
                "mc rm --recursive --force --older-than 7d office/faces/"));
    }

    @Test
    void findPipedToXargsRmDeletesWhatFindSelects() {
        Transfers t = TransferCommands.classify(Fixtures.script(Fixtures.text("mirror-to-minio.sh")));
        assertThat(t.deletes()).last().isEqualTo(new DeleteCommand(18, Optional.empty(), "xargs rm",
                List.of("/data/crops"), List.of("/data/crops"), true, false, "-type f -name *.jpg -mtime +7", "",
                "xargs -0 rm -f"));
    }

    @Test
    void aLocalCopyIsNotAnUpload() {
        Transfers t = of("rclone copy /data/a /backup/a\nmc cp /data/a.jpg /mnt/usb/\nrsync -a /data/ /mnt/usb/\n"
                + "aws s3 cp s3://b/k ./k\nscp a.jpg b.jpg");
        assertThat(t.uploads()).isEmpty();
    }

    @Test
    void ossutilRecursiveCopyWithEndpointIsAnUpload() {
        UploadCommand u = upload("ossutil64 cp -r -f /data/pack/ oss://lakeview-faces/pack/ "
                + "--endpoint=oss-cn-hangzhou.aliyuncs.com --include \"*.tar.gz\"");
        assertThat(u.recursive()).isTrue();
        assertThat(u.endpoint()).isEqualTo("oss-cn-hangzhou.aliyuncs.com");
        assertThat(u.includes()).containsExactly("*.tar.gz");
        assertThat(u.destination()).isEqualTo(new Destination("oss://lakeview-faces/pack/",
                "oss://lakeview-faces/pack/", "oss", "", "", "", "lakeview-faces", "pack/"));
    }

    @Test
    void coscmdUploadGoesToAKeyOfTheConfiguredBucket() {
        UploadCommand u = upload("coscmd -b faces-1250000000 -r ap-shanghai upload -r /data/pack/ archive/");
        assertThat(u.destination()).isEqualTo(new Destination("archive/", "archive/", "cos", "", "", "",
                "faces-1250000000", "archive/"));
        assertThat(u.region()).isEqualTo("ap-shanghai");
        assertThat(u.recursive()).isTrue();
        assertThat(u.sources()).containsExactly("/data/pack/");
    }

    @Test
    void coscliCopyToACosUrlIsAnUpload() {
        UploadCommand u = upload("coscli cp /data/pack/a.tgz cos://faces-1250000000/archive/ -e "
                + "cos.ap-shanghai.myqcloud.com");
        assertThat(u.destination().bucket()).isEqualTo("faces-1250000000");
        assertThat(u.endpoint()).isEqualTo("cos.ap-shanghai.myqcloud.com");
    }

    @Test
    void s3cmdPutIsAnUpload() {
        UploadCommand u = upload("s3cmd put --recursive /data/pack s3://faces/pack/ --host=s3.office.lan:9000");
        assertThat(u.operation()).isEqualTo("put");
        assertThat(u.endpoint()).isEqualTo("s3.office.lan:9000");
        assertThat(u.recursive()).isTrue();
    }

    @Test
    void curlPutWithDataBinaryReadsTheFileAndTheHostedBucket() {
        UploadCommand u = upload("curl -sS -X PUT --data-binary @/data/pack/a.tgz "
                + "\"https://lakeview-faces.oss-cn-hangzhou.aliyuncs.com/archive/a.tgz?Expires=1&Signature=x\"");
        assertThat(u.operation()).isEqualTo("PUT");
        assertThat(u.sources()).containsExactly("/data/pack/a.tgz");
        assertThat(u.destination().bucket()).isEqualTo("lakeview-faces");
        assertThat(u.destination().key()).isEqualTo("archive/a.tgz");
        assertThat(u.destination().host()).isEqualTo("lakeview-faces.oss-cn-hangzhou.aliyuncs.com");
    }

    @Test
    void curlUploadFileLongFormIsAnUpload() {
        UploadCommand u = upload("curl --upload-file ./faces.zip ftp://ftp.example.org/in/");
        assertThat(u.sources()).containsExactly("./faces.zip");
        assertThat(u.destination().scheme()).isEqualTo("ftp");
    }

    @Test
    void rsyncToADaemonModuleWithRemoveSourceFilesAlsoDeletes() {
        Transfers t = of("rsync -avz --remove-source-files /data/pack/ rsync://backup@10.0.0.9/faces/pack/");
        assertThat(t.uploads()).singleElement().satisfies(u -> {
            assertThat(u.destination().host()).isEqualTo("10.0.0.9");
            assertThat(u.destination().user()).isEqualTo("backup");
            assertThat(u.destination().key()).isEqualTo("faces/pack/");
            assertThat(u.recursive()).isTrue();
        });
        assertThat(t.deletes()).singleElement().satisfies(d -> assertThat(d.paths()).containsExactly("/data/pack/"));
    }

    @Test
    void rsyncToHostPathIsAnSshUpload() {
        UploadCommand u = upload("rsync -e 'ssh -p 2222' -a /data/pack/ backup@nas:/volume1/faces/");
        assertThat(u.destination()).isEqualTo(new Destination("backup@nas:/volume1/faces/",
                "backup@nas:/volume1/faces/", "ssh", "", "backup", "nas", "", "/volume1/faces/"));
    }

    @Test
    void awsS3RmIsARemoteDeletion() {
        Transfers t = of("aws --profile oss s3 rm s3://lakeview-faces/archive/ --recursive");
        assertThat(t.deletes()).singleElement().isEqualTo(new DeleteCommand(1, Optional.empty(), "aws",
                List.of("s3://lakeview-faces/archive/"), List.of("s3://lakeview-faces/archive/"), true, true, "", "",
                "aws --profile oss s3 rm s3://lakeview-faces/archive/ --recursive"));
    }

    @Test
    void awsS3MvDeletesItsLocalSource() {
        Transfers t = of("aws s3 mv /data/pack/a.tgz s3://b/a.tgz");
        assertThat(t.uploads()).hasSize(1);
        assertThat(t.deletes()).singleElement().satisfies(d -> {
            assertThat(d.paths()).containsExactly("/data/pack/a.tgz");
            assertThat(d.remote()).isFalse();
        });
    }

    @Test
    void ossutilRmIsARemoteDeletion() {
        Transfers t = of("ossutil rm oss://lakeview-faces/archive/20240301/ -r -f");
        assertThat(t.deletes()).singleElement().satisfies(d -> {
            assertThat(d.remote()).isTrue();
            assertThat(d.recursive()).isTrue();
            assertThat(d.paths()).containsExactly("oss://lakeview-faces/archive/20240301/");
        });
    }

    @Test
    void shredRemovesOnlyWithU() {
        Transfers t = of("shred -n 3 -zu /data/pack/a.tgz\nshred /data/pack/b.tgz\nunlink /data/pack/c.tgz");
        assertThat(t.deletes()).extracting(DeleteCommand::tool, DeleteCommand::paths)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shred", List.of("/data/pack/a.tgz")),
                        org.assertj.core.groups.Tuple.tuple("unlink", List.of("/data/pack/c.tgz")));
    }

    @Test
    void findExecRmIsADeletionWithItsTest() {
        Transfers t = of("find /data/capture -name '*.jpg' -mmin +1440 -exec rm -f {} \\;");
        assertThat(t.deletes()).singleElement().satisfies(d -> {
            assertThat(d.paths()).containsExactly("/data/capture");
            assertThat(d.condition()).isEqualTo("-name *.jpg -mmin +1440");
        });
    }

    @Test
    void aFindThatOnlyListsDeletesNothing() {
        assertThat(of("find /data/capture -mtime +1 -print").deletes()).isEmpty();
    }

    @Test
    void wrappersBeforeTheToolAreSteppedOver() {
        UploadCommand u = upload("sudo -u face nohup timeout 2h rclone copy /data/pack oss:lakeview-faces/pack");
        assertThat(u.tool()).isEqualTo("rclone");
        assertThat(u.destination().remote()).isEqualTo("oss");
    }

    @Test
    void theAwsProfileMayComeFromTheEnvironment() {
        assertThat(upload("AWS_PROFILE=oss aws s3 cp a.tgz s3://b/").profile()).isEqualTo("oss");
    }

    @Test
    void aRemotePathIsReadIntoItsPieces() {
        assertThat(TransferCommands.destination("mc", "office/faces/2024/", "office/faces/2024/"))
                .isEqualTo(new Destination("office/faces/2024/", "office/faces/2024/", "mc", "office", "", "", "faces",
                        "2024/"));
        assertThat(TransferCommands.destination("rclone", ":s3:faces/a", ":s3:faces/a").remote()).isEqualTo(":s3");
    }

    @Property
    void anyScriptGivesTransfersNeverAnException(@ForAll String text) {
        assertThatCode(() -> TransferCommands.classify(Fixtures.script(text))).doesNotThrowAnyException();
    }

    @Property
    void anyToolLineGivesTransfersNeverAnException(@ForAll("toolLines") String text) {
        assertThatCode(() -> TransferCommands.classify(Fixtures.script(text))).doesNotThrowAnyException();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> toolLines() {
        net.jqwik.api.Arbitrary<String> tool = net.jqwik.api.Arbitraries.of("aws s3 cp", "aws s3api put-object",
                "ossutil cp", "ossutil rm", "coscmd upload", "coscmd -b", "coscli cp", "mc cp", "mc rm", "rclone move",
                "rclone delete", "s3cmd put", "curl -T", "curl -F", "wget --post-file", "scp", "rsync -e", "rm -rf",
                "find", "shred -u", "unlink", "xargs rm", "sudo -u", "env", "timeout");
        net.jqwik.api.Arbitrary<String> arg = net.jqwik.api.Arbitraries.of("-r", "--recursive", "-e", "--endpoint",
                "/data/a", "s3://b/k", "oss://b/", "cos://b/", "o/b/k", "r:b/k", ":s3:b", "h:/p", "u@h:p",
                "rsync://h/m", "http://h/p", "@f", "x=@f", "-delete", "-exec", "rm", "{}", ";", "--", "-", "--profile",
                "--bucket", "--key", "--body", "-u", "|", "&&");
        return net.jqwik.api.Combinators.combine(tool, arg.list().ofMaxSize(6))
                .as((t, a) -> t + " " + String.join(" ", a));
    }
}
