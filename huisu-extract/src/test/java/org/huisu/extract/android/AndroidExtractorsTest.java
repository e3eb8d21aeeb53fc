package org.huisu.extract.android;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidExtractorsTest {

    @TempDir
    Path tmp;

    private static final String SECRET = "Zq8kYt2pLw9xVb4nRe7sMa1cUd5gHj3f";

    @Test
    void anAppFolderSaysWhichAppAndWhatItKeepsAndItsKeysButNeverItsSecret() throws Exception {
        EvidenceTree phone = new EvidenceTree(tmp.resolve("phone"));
        String app = "data/data/cn.example.visitors/";
        phone.file(app + "databases/app.db", "SQLite format 3\0");
        phone.file(app + "databases/app.db-journal", "j");
        phone.file(app + "shared_prefs/config.xml", """
                <?xml version='1.0' encoding='utf-8' standalone='yes' ?>
                <map>
                    <string name="oss_endpoint">oss-cn-shenzhen.aliyuncs.com</string>
                    <string name="oss_bucket">visitor-photos</string>
                    <string name="accessKeyId">LTAI5tQ9bWm3kQd2XYZ12345</string>
                    <string name="accessKeySecret">%s</string>
                    <int name="upload_quality" value="85" />
                    <boolean name="auto_upload" value="true" />
                </map>
                """.formatted(SECRET));
        phone.file(app + "cache/image_manager_disk_cache/8f2b1c.0", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        try (Extraction x = Extraction.of(phone.root(), tmp, SourceKind.ANDROID, new FileTypeExtractor(),
                new AndroidAppExtractor(), new SharedPrefsExtractor())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> android = (Map<String, Object>) x.at("/data/data/cn.example.visitors").attributes()
                    .get("android");
            assertThat(android).containsEntry("package", "cn.example.visitors");
            assertThat(android.get("databases").toString()).isEqualTo("[app.db]");
            assertThat(android.get("imageCaches").toString())
                    .contains("/data/data/cn.example.visitors/cache/image_manager_disk_cache");

            Map<String, Object> prefs = x.at("/data/data/cn.example.visitors/shared_prefs/config.xml").attributes();
            assertThat(prefs.get("storage")).isEqualTo(Map.of("endpoint", "oss-cn-shenzhen.aliyuncs.com",
                    "bucket", "visitor-photos", "accessKeyId", "LTAI5tQ9bWm3kQd2XYZ12345"));
            assertThat(prefs.get("android.preferences").toString()).contains("accessKeySecret=Zq8k****(32)")
                    .contains("upload_quality=85");
            assertThat(x.theCase().store().actors()).anySatisfy(a -> {
                assertThat(a.kind()).isEqualTo(ActorKind.ACCESS_KEY);
                assertThat(a.name()).isEqualTo("LTAI5tQ9bWm3kQd2XYZ12345");
            });
            // the secret is in the evidence, and nowhere in the case
            x.theCase().close();
            for (Path p : Files.walk(x.theCase().folder().root()).filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(p.toString()).doesNotContain(SECRET);
            }
        }
    }
}
