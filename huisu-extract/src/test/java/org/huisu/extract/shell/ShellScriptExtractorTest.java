package org.huisu.extract.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellScriptExtractorTest {

    @TempDir
    Path tmp;

    private Extraction extract(EvidenceTree t) {
        return Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new ShellScriptExtractor());
    }

    @Test
    void aScriptThatMovesWithRcloneUploadsToTheBucketItsAliasNamesAndDeletesItsSource() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("opt/sync/push.sh", """
                #!/bin/bash
                DAY=$(date -d yesterday +%Y%m%d)
                rclone move /data/pack/$DAY lakeview:faces/$DAY/ --min-age 10m --config /root/.config/rclone/rclone.conf
                """);
        t.file("root/.config/rclone/rclone.conf", """
                [oss-hz]
                type = s3
                provider = Alibaba
                access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z
                secret_access_key = 9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm
                endpoint = oss-cn-hangzhou.aliyuncs.com

                [lakeview]
                type = alias
                remote = oss-hz:lakeview-faces
                """);

        try (Extraction x = extract(t)) {
            Artifact move = x.at("/opt/sync/push.sh#line 3");
            assertThat(move.kind()).isEqualTo(ArtifactKind.SCRIPT_COMMAND);
            assertThat(move.name()).isEqualTo("rclone move");
            assertThat(move.parentId()).isEqualTo(x.at("/opt/sync/push.sh").id());
            Artifact sourceDeleted = x.at("/opt/sync/push.sh#line 3/2");
            assertThat(sourceDeleted.name()).isEqualTo("rclone");

            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("lakeview:faces/$DAY/");
            assertThat(upload.stage()).isEqualTo(Stage.TRANSMIT);
            assertThat(upload.started()).isNull();
            assertThat(upload.evidenceArtifactId()).isEqualTo(move.id());
            assertThat(upload.attributes()).containsEntry("planned", true).containsEntry("line", 3)
                    .containsEntry("bucket", "lakeview-faces").containsEntry("key", "faces/$DAY")
                    .containsEntry("sources", List.of("/data/pack/$DAY"))
                    .containsEntry("datePattern", Map.of("template", "lakeview:faces/%Y%m%d/", "format", "%Y%m%d",
                            "dayOffset", -1, "daily", true, "resolution", "days"));
            assertThat(upload.attributes().get("resolved").toString()).contains("cloud=ALIBABA",
                    "endpoint=oss-cn-hangzhou.aliyuncs.com", "bucket=lakeview-faces",
                    "rclone remote 'lakeview' is an alias of 'oss-hz:lakeview-faces'");
            Actor script = actor(x, ActorKind.SCRIPT, "evidence:/opt/sync/push.sh");
            assertThat(upload.actorId()).isEqualTo(script.id());
            assertThat(script.attributes()).containsEntry("interpreter", "bash");

            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/pack/$DAY");
            assertThat(delete.evidenceArtifactId()).isEqualTo(sourceDeleted.id());
            assertThat(delete.attributes()).containsEntry("condition", "--min-age 10m").containsEntry("planned", true);
            assertThat(delete.attributes().get("datePattern").toString()).contains("template=/data/pack/%Y%m%d");
            assertThat(x.at("/opt/sync/push.sh").attributes().get("shell").toString()).contains("uploads=1",
                    "deletes=1", "interpreter=bash");
        }
    }

    @Test
    void aCoscmdUploadGoesToTheBucketAndRegionOfTheUsersCosConf() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("home/ops/bin/upload_crops.sh", "#!/bin/sh\ncd /data/crops && coscmd upload -r ./ faces/crops/\n");
        t.file("home/ops/.cos.conf", """
                [common]
                secret_id = AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE
                secret_key = Gu5t9xGARNpq86cd98joQYCN3EXAMPLE
                bucket = lakeview-faces-1250000000
                region = ap-shanghai
                """);

        try (Extraction x = extract(t)) {
            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("faces/crops/");
            assertThat(upload.attributes()).containsEntry("tool", "coscmd").containsEntry("workingDirectory",
                    "/data/crops").containsEntry("bucket", "lakeview-faces-1250000000")
                    .containsEntry("key", "faces/crops/");
            assertThat(upload.attributes().get("resolved").toString()).contains("cloud=TENCENT", "region=ap-shanghai",
                    "accessKeyId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "the bucket is the configured one",
                    "configFile=evidence:/home/ops/.cos.conf");
        }
    }

    @Test
    void aZshHistoryGivesUploadsAndDeletionsDoneAtTheTimesItKeptByTheAccountWhoseHomeHoldsIt() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("home/ops/.zsh_history", """
                : 1710468000:0;cd /data/pack
                : 1710468101:4;ossutil64 cp -r /data/pack oss://lakeview-faces/pack/ -e oss-cn-hangzhou.aliyuncs.com
                : 1710468200:0;find /data/capture -mtime +1 -delete
                : 1710468230:0;ls
                """);

        try (Extraction x = extract(t)) {
            Actor account = actor(x, ActorKind.ACCOUNT, "ops@evidence");
            assertThat(account.attributes()).containsEntry("user", "ops").containsEntry("home", "/home/ops/");
            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("oss://lakeview-faces/pack/");
            assertThat(upload.started()).isEqualTo(Instant.ofEpochSecond(1710468101));
            assertThat(upload.actorId()).isEqualTo(account.id());
            assertThat(upload.attributes()).containsEntry("planned", false)
                    .containsEntry("time", "2024-03-15T02:01:41Z").containsEntry("tool", "ossutil")
                    .containsEntry("endpoint", "oss-cn-hangzhou.aliyuncs.com").containsEntry("line", 2);
            assertThat(upload.evidenceArtifactId()).isEqualTo(x.at("/home/ops/.zsh_history#line 2").id());
            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/capture");
            assertThat(delete.started()).isEqualTo(Instant.ofEpochSecond(1710468200));
            assertThat(delete.attributes()).containsEntry("condition", "-mtime +1");
            assertThat(x.at("/home/ops/.zsh_history").attributes().get("shell")).isEqualTo(Map.of("kind", "history",
                    "shell", "zsh", "account", "ops@evidence", "commands", 4, "uploads", 1, "deletes", 1,
                    "firstTime", "2024-03-15T02:00:00Z", "lastTime", "2024-03-15T02:03:50Z"));
        }
    }

    @Test
    void aGbkScriptKeepsItsChinesePathsAndItsDatedFolder() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("opt/清理/清理.sh", """
                #!/bin/sh
                # 每日清理人脸抓拍照片
                rm -rf "/data/人脸抓拍/$(date -d yesterday +%Y%m%d)"
                """.getBytes(Charset.forName("GBK")));

        try (Extraction x = extract(t)) {
            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/人脸抓拍/$(date -d yesterday +%Y%m%d)");
            assertThat(delete.attributes().get("datePattern")).isEqualTo(Map.of("template", "/data/人脸抓拍/%Y%m%d",
                    "format", "%Y%m%d", "dayOffset", -1, "daily", true, "resolution", "days"));
            actor(x, ActorKind.SCRIPT, "evidence:/opt/清理/清理.sh");
            assertThat(x.at("/opt/清理/清理.sh").attributes().get("shell").toString()).contains("gb18030Lines=2");
        }
    }

    @Test
    void scriptsAreToldByTheirShebangNotOnlyByTheirName() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("etc/cron.daily/purge-captures", "#!/usr/bin/env bash\nshred -u /data/capture/*.jpg\n");
        t.file("usr/local/bin/purge.py", "#!/usr/bin/env python3\nimport os\nos.system('rm -rf /data/capture')\n");
        t.file("opt/notes/howto.txt", "rm -rf /data/capture\n");

        try (Extraction x = extract(t)) {
            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/capture/*.jpg");
            assertThat(delete.attributes()).containsEntry("tool", "shred")
                    .containsEntry("schedule", "every day (run-parts /etc/cron.daily)");
            assertThat(actor(x, ActorKind.SCRIPT, "evidence:/etc/cron.daily/purge-captures").attributes())
                    .containsEntry("interpreter", "bash");
            assertThat(x.at("/usr/local/bin/purge.py").attributes()).doesNotContainKey("shell");
            assertThat(x.at("/opt/notes/howto.txt").attributes()).doesNotContainKey("shell");
        }
    }

    @Test
    void aHistoryEntryThatCannotBeReadIsAnErrorAndTheNextEntriesAreRead() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("root/.bash_history", """
                #1710468000
                echo "unfinished
                #1710468100
                aws s3 cp /data/pack/a.tgz s3://lakeview-faces/pack/
                """);

        try (Extraction x = extract(t)) {
            assertThat(single(x, ActivityKind.UPLOAD).attributes()).containsEntry("line", 4)
                    .containsEntry("time", "2024-03-15T02:01:40Z");
            actor(x, ActorKind.ACCOUNT, "root@evidence");
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("UNREADABLE_HISTORY_ENTRY");
                assertThat(e.occurrences()).isEqualTo(1);
                assertThat(e.examples()).singleElement().asString().startsWith("line 2: a double quote is opened");
            });
        }
    }

    @Test
    void aHistoryKeptGzippedAndCutShortGivesTheEntriesBeforeTheBreakAndSaysItWasCut() throws Exception {
        StringBuilder history = new StringBuilder("#1710468101\nrclone copy /data/pack remote:faces/\n");
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            history.append("ls /data/capture/").append(Long.toHexString(random.nextLong())).append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(history.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("root/.bash_history", cut);

        try (Extraction x = extract(t)) {
            assertThat(single(x, ActivityKind.UPLOAD).started()).isEqualTo(Instant.ofEpochSecond(1710468101));
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("TRUNCATED");
                assertThat(e.message()).contains("ends early");
            });
        }
    }

    @Test
    void aLongHistoryIsReadInPiecesThatNeverPartATimeFromItsCommand() throws Exception {
        // a first line without time, then bash entries of a time line and a command line: line 4000 is a time line
        int entries = ShellScriptExtractor.HISTORY_CHUNK + 7;
        int straddling = (ShellScriptExtractor.HISTORY_CHUNK - 2) / 2;
        StringBuilder history = new StringBuilder("cd /data\n");
        for (int n = 0; n < entries; n++) {
            history.append('#').append(1710000000 + n).append('\n').append(n == straddling
                    ? "aws s3 cp /data/pack/a.tgz s3://lakeview-faces/pack/" : "ls /data/capture/" + n).append('\n');
        }
        history.append("#1720000000\nmc cp -r /data/pack office/lakeview-faces/pack/\n");
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("home/facecap/.bash_history", history.toString());

        try (Extraction x = extract(t)) {
            List<Activity> uploads = x.theCase().store().activities(ActivityKind.UPLOAD);
            assertThat(uploads).extracting(a -> a.attributes().get("line")).containsExactly(
                    ShellScriptExtractor.HISTORY_CHUNK + 1, 2 * entries + 3);
            assertThat(uploads).extracting(Activity::started).containsExactly(
                    Instant.ofEpochSecond(1710000000 + straddling), Instant.ofEpochSecond(1720000000));
            assertThat(x.find("/home/facecap/.bash_history#line " + (2 * entries + 3))).isPresent();
            assertThat(x.at("/home/facecap/.bash_history").attributes().get("shell").toString())
                    .contains("commands=" + (entries + 2), "firstTime=2024-03-09T16:00:00Z");
            assertThat(x.errors()).isEmpty();
        }
    }

    /** The sample server's nightly script, as the generator writes it for MinIO's client, read in another tree. */
    @Test
    void aNightlyScriptThatCopiesEachFaceWithMcResolvesItsAliasAndPlansTheRemovalOfTheDay() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("image-server"));
        t.file("srv/facecap/bin/nightly.sh", """
                #!/bin/bash
                set -u
                BUCKET=lakeview-faces
                DAY=$(date -d yesterday +%Y%m%d)
                DAYPATH=$(date -d yesterday +%Y/%m/%d)
                SRC=/data/capture/$DAY
                ARCHIVE=/data/archive/faces-$DAY.tar.gz
                tar czf "$ARCHIVE" -C /data/capture "$DAY"
                mc cp --quiet "$ARCHIVE" "office/$BUCKET/archives/$DAYPATH/" && echo uploaded
                find "$SRC" -path '*/cam*/*.jpg' | sort | while read -r f; do
                  mc cp --quiet "$f" "office/$BUCKET/faces/$DAYPATH/"
                done
                rm -rf "$SRC" "$ARCHIVE"
                """);
        t.file("home/facecap/.mc/config.json", """
                {
                	"version": "10",
                	"aliases": {
                		"office": {
                			"url": "https://s3.cn-northwest-1.amazonaws.com.cn",
                			"accessKey": "AKIAQ3EGZXKW7EXAMPLE",
                			"secretKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                			"api": "s3v4",
                			"path": "auto"
                		}
                	}
                }
                """);

        try (Extraction x = extract(t)) {
            List<Activity> uploads = x.theCase().store().activities(ActivityKind.UPLOAD);
            assertThat(uploads).extracting(Activity::subject).containsExactly(
                    "office/lakeview-faces/archives/$DAYPATH/", "office/lakeview-faces/faces/$DAYPATH/");
            assertThat(uploads).allSatisfy(u -> assertThat(u.attributes().get("resolved").toString())
                    .contains("cloud=AWS", "endpoint=https://s3.cn-northwest-1.amazonaws.com.cn",
                            "bucket=lakeview-faces", "accessKeyId=AKIAQ3EGZXKW7EXAMPLE",
                            "configFile=evidence:/home/facecap/.mc/config.json"));
            assertThat(uploads.get(1).attributes().get("datePattern").toString())
                    .contains("template=office/lakeview-faces/faces/%Y/%m/%d/", "dayOffset=-1");
            assertThat(uploads.get(0).attributes().get("sourceDatePattern").toString())
                    .contains("template=/data/archive/faces-%Y%m%d.tar.gz");
            List<Activity> deletes = x.theCase().store().activities(ActivityKind.DELETE);
            assertThat(deletes).extracting(Activity::subject).containsExactly("$SRC", "$ARCHIVE");
            assertThat(deletes.get(0).attributes().get("datePattern").toString())
                    .contains("template=/data/capture/%Y%m%d", "daily=true");
            assertThat(deletes).allSatisfy(d -> assertThat(d.evidenceArtifactId())
                    .isEqualTo(x.at("/srv/facecap/bin/nightly.sh#line 13").id()));
        }
    }

    static Activity single(Extraction x, ActivityKind kind) {
        List<Activity> all = x.theCase().store().activities(kind);
        assertThat(all).as("%s activities", kind).hasSize(1);
        return all.get(0);
    }

    static Actor actor(Extraction x, ActorKind kind, String name) {
        return x.theCase().store().actors().stream().filter(a -> a.kind() == kind && a.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " actor named " + name + "; there are "
                        + x.theCase().store().actors().stream().map(a -> a.kind() + " " + a.name()).toList()));
    }
}
