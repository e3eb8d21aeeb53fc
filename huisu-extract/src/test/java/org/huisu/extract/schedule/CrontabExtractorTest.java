package org.huisu.extract.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.archive.ArchiveExtractor;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrontabExtractorTest {

    @TempDir
    Path tmp;

    private static final String RCLONE_CONF = """
            [oss-hz]
            type = s3
            provider = Alibaba
            access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z
            secret_access_key = 9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm
            endpoint = oss-cn-hangzhou.aliyuncs.com
            """;

    private Extraction extract(EvidenceTree t) {
        return Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new CrontabExtractor());
    }

    /** A CentOS server: root's crontab is /var/spool/cron/root, with no user field. */
    @Test
    void aRedHatRootCrontabGivesEachJobItsArtifactScheduleAndActor() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("centos"));
        t.file("var/spool/cron/root", """
                SHELL=/bin/bash
                # nightly backup of the face database
                0 2 * * * /usr/local/bin/face_backup.sh > /dev/null 2>&1
                */30 * * * * /usr/bin/rclone move /data/pack oss-hz:lakeview-faces/pack --min-age 1h
                """);
        t.file("root/.config/rclone/rclone.conf", RCLONE_CONF);

        try (Extraction x = extract(t)) {
            Artifact backup = x.at("/var/spool/cron/root#line 3");
            assertThat(backup.kind()).isEqualTo(ArtifactKind.SCHEDULED_JOB);
            assertThat(backup.name()).isEqualTo("face_backup.sh");
            assertThat(backup.parentId()).isEqualTo(x.at("/var/spool/cron/root").id());
            assertThat(backup.attributes()).containsEntry("schedule", "0 2 * * *")
                    .containsEntry("description", "every day at 02:00").containsEntry("user", "root")
                    .containsEntry("crontab", "user").containsEntry("line", 3)
                    .containsEntry("command", "/usr/local/bin/face_backup.sh > /dev/null 2>&1")
                    .containsEntry("runs", List.of("/usr/local/bin/face_backup.sh"))
                    .containsEntry("environment", Map.of("SHELL", "/bin/bash"));

            List<Activity> schedules = x.theCase().store().activities(ActivityKind.SCHEDULE);
            assertThat(schedules).extracting(Activity::subject).containsExactly(
                    "/usr/local/bin/face_backup.sh > /dev/null 2>&1",
                    "/usr/bin/rclone move /data/pack oss-hz:lakeview-faces/pack --min-age 1h");
            Activity first = schedules.get(0);
            assertThat(first.stage()).isNull();
            assertThat(first.started()).isNull();
            assertThat(first.evidenceArtifactId()).isEqualTo(backup.id());
            assertThat(first.extractor()).isEqualTo("crontab");
            Actor job = actor(x, ActorKind.JOB, "cron root: /usr/local/bin/face_backup.sh > /dev/null 2>&1");
            assertThat(first.actorId()).isEqualTo(job.id());
            assertThat(job.attributes()).containsEntry("schedule", "0 2 * * *")
                    .containsEntry("machines", List.of("evidence"))
                    .containsEntry("definedIn", List.of("evidence:/var/spool/cron/root#line 3"));
            assertThat(x.at("/var/spool/cron/root").attributes().get("crontab"))
                    .isEqualTo(Map.of("kind", "user", "owner", "root", "jobs", 2));
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void aJobThatMovesWithRcloneIsAPlannedUploadToTheResolvedBucketAndADeletionOfItsSource() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("centos"));
        t.file("var/spool/cron/root", "*/30 * * * * /usr/bin/rclone move /data/pack oss-hz:lakeview-faces/pack"
                + " --min-age 1h\n");
        t.file("root/.config/rclone/rclone.conf", RCLONE_CONF);

        try (Extraction x = extract(t)) {
            Artifact job = x.at("/var/spool/cron/root#line 1");
            assertThat(x.errors()).isEmpty();
            Actor actor = actor(x, ActorKind.JOB, "cron root: /usr/bin/rclone move /data/pack oss-hz:lakeview-faces/pack"
                    + " --min-age 1h");
            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("oss-hz:lakeview-faces/pack");
            assertThat(upload.stage()).isEqualTo(Stage.TRANSMIT);
            assertThat(upload.started()).isNull();
            assertThat(upload.evidenceArtifactId()).isEqualTo(job.id());
            assertThat(upload.actorId()).isEqualTo(actor.id());
            assertThat(upload.attributes()).containsEntry("planned", true).containsEntry("tool", "rclone")
                    .containsEntry("operation", "move").containsEntry("bucket", "lakeview-faces")
                    .containsEntry("key", "pack").containsEntry("schedule", "*/30 * * * *")
                    .containsEntry("sources", List.of("/data/pack"));
            @SuppressWarnings("unchecked")
            Map<String, Object> resolved = (Map<String, Object>) upload.attributes().get("resolved");
            assertThat(resolved).containsEntry("cloud", "ALIBABA").containsEntry("endpoint",
                    "oss-cn-hangzhou.aliyuncs.com").containsEntry("bucket", "lakeview-faces")
                    .containsEntry("configFile", "evidence:/root/.config/rclone/rclone.conf")
                    .containsEntry("accessKeyId", "LTAI5tR2sB8nXq7vKp3mWd9Z");
            assertThat(resolved.get("explanation").toString()).contains("rclone remote 'oss-hz'", "provider Alibaba");

            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/pack");
            assertThat(delete.stage()).isEqualTo(Stage.DELETE);
            assertThat(delete.evidenceArtifactId()).isEqualTo(job.id());
            assertThat(delete.attributes()).containsEntry("condition", "--min-age 1h").containsEntry("remote", false)
                    .containsEntry("planned", true);
        }
    }

    @Test
    void aCronDFileKeepsItsTimeZoneAndMailtoOnEachJobAndItsFindDeleteIsAPlannedDeletion() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("debian"));
        t.file("etc/cron.d/capture-cleanup", """
                # keep two days of captures on the local disk
                MAILTO=ops@lakeview-sales.example
                CRON_TZ=Asia/Shanghai
                15 3 * * * facecap find /data/capture -mindepth 1 -mtime +1 -delete
                """);

        try (Extraction x = extract(t)) {
            Artifact job = x.at("/etc/cron.d/capture-cleanup#line 4");
            assertThat(job.name()).isEqualTo("find");
            assertThat(job.attributes()).containsEntry("timezone", "Asia/Shanghai").containsEntry("user", "facecap")
                    .containsEntry("crontab", "system").containsEntry("environment",
                            Map.of("MAILTO", "ops@lakeview-sales.example", "CRON_TZ", "Asia/Shanghai"));
            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/capture");
            assertThat(delete.attributes()).containsEntry("condition", "-mindepth 1 -mtime +1")
                    .containsEntry("tool", "find").containsEntry("recursive", true)
                    .containsEntry("job", "cron facecap: find /data/capture -mindepth 1 -mtime +1 -delete")
                    .containsEntry("scheduleDescription", "every day at 03:15");
            assertThat(x.theCase().store().activities(ActivityKind.UPLOAD)).isEmpty();
        }
    }

    @Test
    void badLinesAreOneErrorWithTheirCountAndExamplesAndTheGoodJobsStay() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("debian"));
        t.file("etc/crontab", """
                SHELL=/bin/sh
                7 25 * * * root /bin/true
                30 2 * * * root /opt/facecap/bin/daily_upload.sh
                no crontab for root
                """);

        try (Extraction x = extract(t)) {
            assertThat(x.theCase().store().activities(ActivityKind.SCHEDULE)).extracting(Activity::subject)
                    .containsExactly("/opt/facecap/bin/daily_upload.sh");
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("BAD_CRONTAB_LINE");
                assertThat(e.plugin()).isEqualTo("crontab");
                assertThat(e.locator()).isEqualTo("/etc/crontab");
                assertThat(e.occurrences()).isEqualTo(2);
                assertThat(e.examples()).containsExactly("line 2: the hour field '25' is outside 0-23",
                        "line 4: neither a job (it does not start with a schedule) nor an environment assignment");
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameJobInTwoCrontabsIsOneActorThatKnowsBoth() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("debian"));
        String line = "30 2 * * * facecap /opt/facecap/bin/daily_upload.sh >> /var/log/facecap/upload.log 2>&1\n";
        t.file("etc/cron.d/facecap-upload", line);
        t.file("etc/cron.d/facecap-upload.dpkg-old", "# old\n" + line);

        try (Extraction x = extract(t)) {
            List<Actor> jobs = x.theCase().store().actors().stream().filter(a -> a.kind() == ActorKind.JOB).toList();
            assertThat(jobs).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo(
                        "cron facecap: /opt/facecap/bin/daily_upload.sh >> /var/log/facecap/upload.log 2>&1");
                assertThat((List<Object>) a.attributes().get("definedIn")).containsExactlyInAnyOrder(
                        "evidence:/etc/cron.d/facecap-upload#line 1",
                        "evidence:/etc/cron.d/facecap-upload.dpkg-old#line 2");
            });
            assertThat(x.theCase().store().activities(ActivityKind.SCHEDULE)).hasSize(2)
                    .allSatisfy(a -> assertThat(a.actorId()).isEqualTo(jobs.get(0).id()));
        }
    }

    @Test
    void anacrontabJobsRunOncePerPeriodAfterTheirDelay() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("centos"));
        t.file("etc/anacrontab", """
                SHELL=/bin/sh
                START_HOURS_RANGE=3-22
                1	5	cron.daily		nice run-parts /etc/cron.daily
                @monthly 45	cron.monthly		nice run-parts /etc/cron.monthly
                7 x bad
                """);

        try (Extraction x = extract(t)) {
            Artifact daily = x.at("/etc/anacrontab#line 3");
            assertThat(daily.name()).isEqualTo("run-parts /etc/cron.daily");
            assertThat(daily.attributes()).containsEntry("scheduler", "anacron").containsEntry("user", "root")
                    .containsEntry("description",
                            "every day, 5 minutes after anacron starts (only between the hours 3-22)");
            assertThat(x.at("/etc/anacrontab#line 4").attributes()).containsEntry("description",
                    "every month, 45 minutes after anacron starts (only between the hours 3-22)");
            actor(x, ActorKind.JOB, "anacron cron.daily: nice run-parts /etc/cron.daily");
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("BAD_CRONTAB_LINE");
                assertThat(e.occurrences()).isEqualTo(1);
                assertThat(e.examples()).singleElement().asString().startsWith("line 5:");
            });
        }
    }

    /** A server root packed into an archive: paths are matched by their ends, homes found among the members. */
    @Test
    void aCrontabPackedInAnArchiveResolvesThroughTheConfigurationPackedBesideIt() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        t.file("img-server-01.tar.gz", tarGz(
                "etc/cron.d/face-upload", "0 1 * * * facecap ossutil64 cp -r /data/pack oss://hz-lakeview-faces/pack/"
                        + " -f\n",
                "home/facecap/.ossutilconfig", "[Credentials]\nlanguage=CH\nendpoint=oss-cn-hangzhou.aliyuncs.com\n"
                        + "accessKeyID=LTAI5tHz3fQ9mWp2Xk7Rv4Ls\naccessKeySecret=Mq7vB2nX9pKz4TrW8yHc3LdF6gJs1A\n"));

        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new ArchiveExtractor(), new CrontabExtractor())) {
            Artifact job = x.at("/img-server-01.tar.gz!/etc/cron.d/face-upload#line 1");
            assertThat(job.name()).isEqualTo("ossutil64");
            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("oss://hz-lakeview-faces/pack/");
            assertThat(upload.attributes().get("resolved").toString()).contains("endpoint=oss-cn-hangzhou.aliyuncs.com",
                    "configFile=evidence:/img-server-01.tar.gz!/home/facecap/.ossutilconfig",
                    "accessKeyId=LTAI5tHz3fQ9mWp2Xk7Rv4Ls");
        }
    }

    static byte[] tarGz(String... pathAndText) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (int i = 0; i < pathAndText.length; i += 2) {
                byte[] bytes = pathAndText[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(pathAndText[i]);
                e.setSize(bytes.length);
                tar.putArchiveEntry(e);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
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
