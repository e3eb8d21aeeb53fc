package org.huisu.core.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.core.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceKindProbeTest {

    @TempDir
    Path tmp;

    private final SourceKindProbe probe = new SourceKindProbe(EvidenceFiles.best());

    @Test
    void aPlainFolderIsADirectory() throws IOException {
        EvidenceTree tree = new EvidenceTree(tmp.resolve("server"));
        tree.file("etc/crontab", "30 2 * * * root /opt/pack.sh\n");
        tree.file("opt/pack.sh", "#!/bin/sh\n");
        assertThat(probe.probe(tree.root())).isEqualTo(SourceKind.DIRECTORY);
    }

    @Test
    void anAndroidExtractionIsRecognisedByItsDataDataLayout() throws IOException {
        EvidenceTree phone = new EvidenceTree(tmp.resolve("phone-01"));
        phone.directory("data/data/com.lakeview.sales/databases");
        phone.file("data/data/com.lakeview.sales/shared_prefs/config.xml", "<map/>");
        assertThat(probe.probe(phone.root())).isEqualTo(SourceKind.ANDROID);
        assertThat(probe.probe(phone.root().resolve("data/data"))).isEqualTo(SourceKind.ANDROID);
        assertThat(probe.probe(phone.root().resolve("data/data/com.lakeview.sales"))).isEqualTo(SourceKind.ANDROID);
    }

    @Test
    void aFolderOfLogsIsRecognisedByNamesOrFirstLines() throws IOException {
        EvidenceTree logs = new EvidenceTree(tmp.resolve("bucket-logs"));
        logs.file("access.log", "203.0.113.7 - - [15/Mar/2024:02:30:01 +0800] \"PUT /faces/a.jpg\"\n");
        logs.file("2024/03/oss-logs-lakeview2024-03-15-02-00-00-0001",
                "203.0.113.7 - - [15/Mar/2024:02:30:01 +0800] \"PUT /faces/a.jpg HTTP/1.1\" 200\n");
        logs.file("2024/03/part-0001", "2024-03-15T02:30:01Z PUT faces/a.jpg 200\n");
        logs.file("2024/03/audit-1", "{\"version\":\"1\",\"time\":\"2024-03-15T02:30:01Z\"}\n");
        assertThat(probe.probe(logs.root())).isEqualTo(SourceKind.LOGS);
    }

    @Test
    void archivesAreRecognisedByTheirMagicBytesNotTheirNames() throws IOException {
        Path zip = tmp.resolve("faces-20240315.bin");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.jpg"));
            out.write(1);
            out.closeEntry();
        }
        Path gz = tmp.resolve("upload.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        Shell.ok(tmp, "tar", "cf", "bundle.dat", zip.getFileName().toString());
        assertThat(probe.probe(zip)).isEqualTo(SourceKind.ARCHIVE);
        assertThat(probe.probe(gz)).isEqualTo(SourceKind.ARCHIVE);
        assertThat(probe.probe(tmp.resolve("bundle.dat"))).isEqualTo(SourceKind.ARCHIVE);
    }

    @Test
    void aDiskImageIsRecognisedByItsPartitionTableOrFileSystem() throws IOException {
        byte[] mbr = new byte[4096];
        mbr[446] = (byte) 0x80;
        mbr[446 + 4] = (byte) 0x83;
        mbr[510] = 0x55;
        mbr[511] = (byte) 0xaa;
        Path image = Files.write(tmp.resolve("sda.img"), mbr);
        assertThat(probe.probe(image)).isEqualTo(SourceKind.DISK_IMAGE);

        Path ext4 = tmp.resolve("data.raw");
        Shell.ok(tmp, "truncate", "-s", "4M", ext4.toString());
        Shell.ok(tmp, "mkfs.ext4", "-q", "-F", ext4.toString());
        assertThat(probe.probe(ext4)).isEqualTo(SourceKind.DISK_IMAGE);
    }

    @Test
    void anyOtherFileIsAFile() throws IOException {
        Path db = Files.writeString(tmp.resolve("faces.db"), "SQLite format 3\0 not really");
        assertThat(probe.probe(db)).isEqualTo(SourceKind.FILE);
    }
}
