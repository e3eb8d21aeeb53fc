package org.huisu.extract.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void cronRunsAcrossNewYearSystemdStartsAndAnAppsUploadMessageBecomeActivities() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("srv"));
        Path messages = t.file("var/log/messages", """
                Dec 31 02:30:01 visitor-srv crond[2211]: (root) CMD (/usr/local/bin/push_faces.sh >/dev/null 2>&1)
                Jan  1 02:30:01 visitor-srv crond[2301]: (root) CMD (/usr/local/bin/push_faces.sh >/dev/null 2>&1)
                Jan  1 02:30:09 visitor-srv visitor-agent[1882]: uploaded /srv/visitors/20241231.tar.gz -> oss://visitor-archive/2024/12/31/20241231.tar.gz
                Jan  1 03:00:00 visitor-srv systemd[1]: Starting Purge captured faces older than a day...
                Jan  1 03:00:01 visitor-srv kernel: [12345.678] eth0: link up
                """);
        Files.setLastModifiedTime(messages, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));
        // RFC 5424, as rsyslog forwards it, with its own zone
        t.file("remote/10.0.0.5.log", "<78>1 2025-01-01T02:30:01.003+08:00 camera-gw CROND 3301 - - (admin) CMD "
                + "(/mnt/sd/bin/upload.sh)\n");
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, ZoneId.of("Asia/Shanghai"),
                new FileTypeExtractor(), new SyslogExtractor())) {
            List<Activity> a = x.activities();
            List<Activity> runs = a.stream().filter(r -> r.kind() == ActivityKind.RUN).toList();
            assertThat(runs).extracting(Activity::started).contains(Instant.parse("2024-12-30T18:30:01Z"),
                    Instant.parse("2024-12-31T18:30:01Z"), Instant.parse("2024-12-31T18:30:01.003Z"));
            assertThat(runs).filteredOn(r -> "cron".equals(r.attributes().get("by")))
                    .extracting(Activity::subject).contains("/usr/local/bin/push_faces.sh >/dev/null 2>&1",
                            "/mnt/sd/bin/upload.sh");
            assertThat(runs).anySatisfy(r -> {
                assertThat(r.attributes()).containsEntry("by", "systemd");
                assertThat(r.subject()).isEqualTo("Purge captured faces older than a day");
            });
            // the cron job is an actor, the same for both runs
            assertThat(x.theCase().store().actors()).filteredOn(p -> p.kind() == ActorKind.JOB)
                    .extracting(p -> p.name()).containsExactlyInAnyOrder(
                            "cron root: /usr/local/bin/push_faces.sh >/dev/null 2>&1", "cron admin: /mnt/sd/bin/upload.sh");
            assertThat(a).anySatisfy(u -> {
                assertThat(u.kind()).isEqualTo(ActivityKind.UPLOAD);
                assertThat(u.subject()).isEqualTo("oss://visitor-archive/2024/12/31/20241231.tar.gz");
                assertThat(u.started()).isEqualTo(Instant.parse("2024-12-31T18:30:09Z"));
                assertThat(u.attributes()).containsEntry("program", "visitor-agent").containsEntry("line", 3);
            });
            assertThat(x.errors()).isEmpty();
        }
    }
}
