package org.huisu.extract.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.model.Stage;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAccessLogExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void uploadsDownloadsAndDeletionsOfAnApacheAndAnNginxLogBecomeActivities() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("srv"));
        // Apache's common format: no referer, no user agent; an authenticated user
        t.file("var/log/httpd/access_log", """
                192.168.10.101 - cam01 [14/Mar/2024:09:41:07 +0800] "POST /api/v1/faces/upload?cam=cam01 HTTP/1.1" 201 87
                192.168.10.131 - - [14/Mar/2024:10:02:11 +0800] "OPTIONS * HTTP/1.1" 200 -
                """);
        // nginx's combined format with the forwarded-for field after the user agent
        t.file("opt/nginx/logs/faces.access.log", """
                203.0.113.50 - - [14/Mar/2024:11:00:00 +0800] "GET /faces/2024/03/14/C2024031400017.jpg HTTP/2.0" 200 48213 "https://crm.example.cn/visit/17" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)" "10.1.2.3"
                203.0.113.50 - admin [14/Mar/2024:11:05:00 +0800] "DELETE /faces/2024/03/14/C2024031400017.jpg HTTP/1.1" 204 0 "-" "curl/8.5.0"
                """);
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new WebAccessLogExtractor())) {
            List<Activity> a = x.activities();
            assertThat(a).extracting(Activity::kind).containsExactly(ActivityKind.UPLOAD, ActivityKind.DOWNLOAD,
                    ActivityKind.DELETE);
            Activity upload = a.get(0);
            assertThat(upload.subject()).isEqualTo("/api/v1/faces/upload");
            assertThat(upload.started()).isEqualTo(Instant.parse("2024-03-14T01:41:07Z"));
            assertThat(upload.attributes()).containsEntry("user", "cam01").containsEntry("status", 201)
                    .containsEntry("remoteAddress", "192.168.10.101")
                    .containsEntry("target", "/api/v1/faces/upload?cam=cam01");
            Activity download = a.get(1);
            assertThat(download.stage()).isEqualTo(Stage.USE);
            assertThat(download.attributes()).containsEntry("referer", "https://crm.example.cn/visit/17")
                    .containsEntry("bytes", 48213).containsEntry("extra", List.of("10.1.2.3"));
            assertThat(a.get(2).attributes()).containsEntry("user", "admin").containsEntry("method", "DELETE");
            // OPTIONS reads and sends nothing: counted as a record, no activity
            assertThat(x.at("/var/log/httpd/access_log").attributes().get("web-access-log").toString())
                    .contains("records=2", "badLines=0");
            assertThat(x.errors()).isEmpty();
        }
    }
}
