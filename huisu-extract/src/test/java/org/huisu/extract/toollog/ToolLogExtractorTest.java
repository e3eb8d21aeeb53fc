package org.huisu.extract.toollog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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

class ToolLogExtractorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    @Test
    void rclonesFileLinesBecomeUploadsToTheRunsDestinationAndAMovesDeletionsAreOfTheSource() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        t.file("root/logs/rclone-nightly.txt", """
                2024/03/15 02:30:01 DEBUG : rclone: Version "v1.65.0" starting with parameters ["rclone" "move" "/srv/faces/0314" "cos:visitor-faces-1250000000/2024/03/14" "-v"]
                2024/03/15 02:30:05 INFO  : cam01/C2024031400017.jpg: Copied (new)
                2024/03/15 02:30:05 INFO  : cam01/C2024031400017.jpg: Deleted
                2024/03/15 02:30:06 ERROR : cam02/C2024031400101.jpg: Failed to copy: AccessDenied: Access denied.
                """);
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, SHANGHAI, new FileTypeExtractor(),
                new ToolLogExtractor())) {
            List<Activity> a = x.activities();
            Activity upload = a.stream().filter(v -> v.kind() == ActivityKind.UPLOAD
                    && v.attributes().get("failed") == null && v.subject().endsWith("C2024031400017.jpg")).findFirst()
                    .orElseThrow(() -> new AssertionError(a.toString()));
            assertThat(upload.subject()).isEqualTo("cos:visitor-faces-1250000000/2024/03/14/cam01/C2024031400017.jpg");
            assertThat(upload.attributes()).containsEntry("localPath", "/srv/faces/0314/cam01/C2024031400017.jpg")
                    .containsEntry("tool", "rclone").containsEntry("line", 2);
            assertThat(upload.started()).isEqualTo(Instant.parse("2024-03-14T18:30:05Z"));
            assertThat(upload.stage()).isEqualTo(Stage.TRANSMIT);
            assertThat(upload.evidenceArtifactId()).isEqualTo(x.at("/root/logs/rclone-nightly.txt").id());

            assertThat(a).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(ActivityKind.DELETE);
                assertThat(d.subject()).isEqualTo("/srv/faces/0314/cam01/C2024031400017.jpg");
                assertThat(d.stage()).isEqualTo(Stage.DELETE);
            });
            assertThat(a).anySatisfy(f -> {
                assertThat(f.subject()).endsWith("cam02/C2024031400101.jpg");
                assertThat(f.attributes()).containsEntry("failed", true);
            });
            assertThat(x.at("/root/logs/rclone-nightly.txt").attributes().get("tool-log").toString())
                    .contains("assumedZone=Asia/Shanghai");
        }
    }

    @Test
    void aLogWhoseFolderAndNameAreGbkOnDiskIsAcquiredAndRead() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        // 日志/上传.log, the names written in GBK as a Chinese Windows share leaves them
        org.huisu.core.testing.Shell.bash(t.root(), "mkdir $'\\xc8\\xd5\\xd6\\xbe' && printf '%s\\n' "
                + "'2024-03-15 02:30:05 uploaded /data/a.jpg -> oss://bucket/faces/a.jpg'"
                + " > $'\\xc8\\xd5\\xd6\\xbe/\\xc9\\xcf\\xb4\\xab.log'");
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, SHANGHAI, new FileTypeExtractor(),
                new ToolLogExtractor())) {
            assertThat(x.errors()).isEmpty();
            assertThat(x.activities()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(ActivityKind.UPLOAD);
                assertThat(a.subject()).isEqualTo("oss://bucket/faces/a.jpg");
                assertThat(a.evidenceArtifactId()).isEqualTo(x.at("/日志/上传.log").id());
            });
        }
    }

    @Test
    void aGbkApplicationLogInChineseGivesItsUploadsAndCapturesReadCorrectly() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        String log = """
                2024-03-15 02:30:05 [INFO] 上传成功 /data/抓拍/20240314/cam01/x.jpg -> oss://bucket/faces/x.jpg
                2024-03-15 02:30:06 [INFO] 心跳正常
                2024-03-14 09:41:07 [抓拍] 摄像头cam01 抓拍人脸，保存至/data/抓拍/20240314/cam01/C2024031400017.jpg
                """;
        t.file("app/visitor-service/日志/服务.log", log.getBytes(Charset.forName("GBK")));
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, SHANGHAI, new FileTypeExtractor(),
                new ToolLogExtractor())) {
            List<Activity> a = x.activities();
            assertThat(a).as("%s %s", x.all(), x.errors()).extracting(Activity::kind)
                    .containsExactly(ActivityKind.CAPTURE, ActivityKind.UPLOAD);
            assertThat(a.get(1).subject()).isEqualTo("oss://bucket/faces/x.jpg");
            assertThat(a.get(1).attributes().get("localPaths").toString()).contains("/data/抓拍/20240314/cam01/x.jpg");
            assertThat(a.get(1).attributes().get("text").toString()).contains("上传成功");
            assertThat(a.get(0).subject()).isEqualTo("/data/抓拍/20240314/cam01/C2024031400017.jpg");
            assertThat(a.get(0).started()).isEqualTo(Instant.parse("2024-03-14T01:41:07Z"));
            assertThat(x.at("/app/visitor-service/日志/服务.log").attributes().get("tool-log").toString())
                    .contains("gb18030Lines=3");
            assertThat(x.errors()).isEmpty();
        }
    }
}
