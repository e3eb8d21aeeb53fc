package org.huisu.extract.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huisu.extract.schedule.CrontabExtractorTest.actor;
import static org.huisu.extract.schedule.CrontabExtractorTest.single;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdTimerExtractorTest {

    @TempDir
    Path tmp;

    private Extraction extract(EvidenceTree t) {
        return Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(), new SystemdTimerExtractor());
    }

    @Test
    void aTimerUnderLibSystemdRunsItsServicesUploadAsItsUserThroughThatUsersKeys() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("lib/systemd/system/face-sync.timer", """
                [Unit]
                Description=Ship the packed faces every night

                [Timer]
                OnCalendar=*-*-* 03:15:00
                Persistent=true

                [Install]
                WantedBy=timers.target
                """);
        t.file("lib/systemd/system/face-sync.service", """
                [Unit]
                Description=Upload packed faces

                [Service]
                Type=oneshot
                User=facecap
                Environment=AWS_PROFILE=oss
                ExecStart=/usr/bin/aws s3 sync /data/pack s3://lakeview-faces/pack/ \\
                    --endpoint-url https://oss-cn-hangzhou.aliyuncs.com
                """);
        t.file("home/facecap/.aws/credentials", "[oss]\naws_access_key_id = LTAI5tR2sB8nXq7vKp3mWd9Z\n"
                + "aws_secret_access_key = 9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm\n");
        t.file("root/.aws/credentials", "[oss]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");

        try (Extraction x = extract(t)) {
            Artifact job = x.at("/lib/systemd/system/face-sync.timer#face-sync.service");
            assertThat(job.kind()).isEqualTo(ArtifactKind.SCHEDULED_JOB);
            assertThat(job.name()).isEqualTo("aws");
            String command = "/usr/bin/aws s3 sync /data/pack s3://lakeview-faces/pack/  --endpoint-url"
                    + " https://oss-cn-hangzhou.aliyuncs.com";
            assertThat(job.attributes()).containsEntry("scheduler", "systemd").containsEntry("user", "facecap")
                    .containsEntry("description", "every day at 03:15").containsEntry("persistent", true)
                    .containsEntry("service", "evidence:/lib/systemd/system/face-sync.service")
                    .containsEntry("command", command).containsEntry("environment", Map.of("AWS_PROFILE", "oss"));

            Actor actor = actor(x, ActorKind.JOB, "systemd face-sync.timer: " + command);
            assertThat(actor.attributes()).containsEntry("user", "facecap").containsEntry("schedule", "*-*-* 03:15:00");
            Activity schedule = single(x, ActivityKind.SCHEDULE);
            assertThat(schedule.subject()).isEqualTo(command);
            assertThat(schedule.actorId()).isEqualTo(actor.id());

            Activity upload = single(x, ActivityKind.UPLOAD);
            assertThat(upload.subject()).isEqualTo("s3://lakeview-faces/pack/");
            assertThat(upload.evidenceArtifactId()).isEqualTo(job.id());
            assertThat(upload.attributes()).containsEntry("line", 8)
                    .containsEntry("writtenAt", "evidence:/lib/systemd/system/face-sync.service#line 8")
                    .containsEntry("profile", "oss").containsEntry("planned", true)
                    .doesNotContainKey("deletesAtDestination");
            // facecap runs it: facecap's key, not root's; the command line's endpoint
            assertThat(upload.attributes().get("resolved").toString()).contains("accessKeyId=LTAI5tR2sB8nXq7vKp3mWd9Z",
                    "endpoint=https://oss-cn-hangzhou.aliyuncs.com", "cloud=ALIBABA",
                    "configFile=evidence:/home/facecap/.aws/credentials");
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void aServiceInEtcWithADropInRunsTheDropInsCommand() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("usr/lib/systemd/system/capture-cleanup.timer", """
                [Timer]
                OnCalendar=hourly
                Unit=cleanup.service
                """);
        t.file("etc/systemd/system/cleanup.service", """
                [Service]
                ExecStart=/usr/bin/true
                """);
        t.file("etc/systemd/system/cleanup.service.d/override.conf", """
                [Service]
                ExecStart=
                ExecStart=/usr/bin/find /data/capture -name '*.jpg' -mtime +7 -delete
                """);

        try (Extraction x = extract(t)) {
            Artifact job = x.at("/usr/lib/systemd/system/capture-cleanup.timer#cleanup.service");
            assertThat(job.attributes()).containsEntry("user", "root").containsEntry("description",
                    "at minute 0 of every hour").containsEntry("command",
                            "/usr/bin/find /data/capture -name *.jpg -mtime +7 -delete".replace("*.jpg", "'*.jpg'"));
            Activity delete = single(x, ActivityKind.DELETE);
            assertThat(delete.subject()).isEqualTo("/data/capture");
            // the command is the drop-in's: its line in the unit file is none
            assertThat(delete.attributes()).containsEntry("condition", "-name *.jpg -mtime +7")
                    .containsEntry("line", 0).containsEntry("writtenAt", "evidence:/etc/systemd/system/cleanup.service");
            assertThat(delete.evidenceArtifactId()).isEqualTo(job.id());
        }
    }

    @Test
    void aTimerWhoseServiceIsMissingIsStillAJobAndSaysWhatIsMissing() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("server"));
        t.file("etc/systemd/system/report.timer", "[Timer]\nOnBootSec=15min\nOnUnitActiveSec=1d\n");
        t.file("etc/systemd/system/broken.timer", "[Unit]\nDescription=no trigger\n");

        try (Extraction x = extract(t)) {
            Artifact job = x.at("/etc/systemd/system/report.timer#report.service");
            assertThat(job.attributes()).containsEntry("schedule", "OnBootSec=15min; OnUnitActiveSec=1d")
                    .containsEntry("monotonic", List.of("15 minutes after boot",
                            "1 day after the unit last started, again and again"));
            actor(x, ActorKind.JOB, "systemd report.timer: report.service");
            assertThat(x.errors()).extracting(e -> e.locator() + " " + e.code()).containsExactlyInAnyOrder(
                    "/etc/systemd/system/report.timer SERVICE_NOT_FOUND",
                    "/etc/systemd/system/broken.timer NOT_A_TIMER");
        }
    }
}
