package org.huisu.extract.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.huisu.core.hash.Digests;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {

    @TempDir
    Path tmp;

    private EvidenceTree tree;

    @BeforeEach
    void setUp() {
        tree = new EvidenceTree(tmp.resolve("evidence"));
    }

    private static final byte[] FACE = "a face photo, byte for byte".getBytes(StandardCharsets.UTF_8);

    private Extraction extract(ArchiveLimits limits) {
        return Extraction.of(tree.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new ArchiveExtractor(limits));
    }

    private static byte[] zip(Object... nameAndContent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                ZipArchiveEntry e = new ZipArchiveEntry((String) nameAndContent[i]);
                zip.putArchiveEntry(e);
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void zipMembersBecomeArtifactsWithTheirOwnHashAndParent() throws IOException {
        tree.file("upload/faces-20240314.zip", zip("20240314/cam01/a.jpg", FACE, "20240314/人脸/b.jpg", FACE));

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact zip = x.at("/upload/faces-20240314.zip");
            Artifact a = x.at("/upload/faces-20240314.zip!/20240314/cam01/a.jpg");
            assertThat(a.kind()).isEqualTo(ArtifactKind.ARCHIVE_MEMBER);
            assertThat(a.parentId()).isEqualTo(zip.id());
            assertThat(a.sha256()).isEqualTo(Digests.sha256(FACE));
            assertThat(a.size()).isEqualTo(FACE.length);
            assertThat(a.stored()).isTrue();
            assertThat(x.at("/upload/faces-20240314.zip!/20240314/人脸/b.jpg").name()).isEqualTo("b.jpg");
            assertThat(x.errors()).isEmpty();
        }
    }

    @Test
    void zipNamesWrittenInGbkWithoutTheUtf8FlagAreReadAsChinese() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding("GBK");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.putArchiveEntry(new ZipArchiveEntry("抓拍/访客一.jpg"));
            zip.write(FACE);
            zip.closeArchiveEntry();
        }
        assertThat(new String(out.toByteArray(), Charset.forName("GBK"))).contains("抓拍/访客一.jpg");
        tree.file("windows.zip", out.toByteArray());

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact member = x.at("/windows.zip!/抓拍/访客一.jpg");
            assertThat(member.attributes()).containsEntry("nameEncoding", "GB18030");
            assertThat(member.sha256()).isEqualTo(Digests.sha256(FACE));
        }
    }

    @Test
    void archivesInsideArchivesAreUnpackedInTurn() throws IOException {
        byte[] inner = zip("deep/face.jpg", FACE);
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tgz))) {
            TarArchiveEntry e = new TarArchiveEntry("20240314/inner.zip");
            e.setSize(inner.length);
            e.setUserName("facecap");
            tar.putArchiveEntry(e);
            tar.write(inner);
            tar.closeArchiveEntry();
        }
        tree.file("archive/faces-20240314.tar.gz", tgz.toByteArray());

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact zip = x.at("/archive/faces-20240314.tar.gz!/20240314/inner.zip");
            assertThat(zip.ownership().owner()).isEqualTo("facecap");
            Artifact face = x.at("/archive/faces-20240314.tar.gz!/20240314/inner.zip!/deep/face.jpg");
            assertThat(face.parentId()).isEqualTo(zip.id());
            assertThat(face.sha256()).isEqualTo(Digests.sha256(FACE));
        }
    }

    @Test
    void sevenZipIsUnpackedToo() throws IOException {
        Path file = tree.root().resolve("backup.7z");
        Files.createDirectories(tree.root());
        try (SevenZOutputFile seven = new SevenZOutputFile(file.toFile())) {
            SevenZArchiveEntry e = new SevenZArchiveEntry();
            e.setName("faces/a.jpg");
            seven.putArchiveEntry(e);
            seven.write(FACE);
            seven.closeArchiveEntry();
        }
        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            assertThat(x.at("/backup.7z!/faces/a.jpg").sha256()).isEqualTo(Digests.sha256(FACE));
        }
    }

    @Test
    void namesThatEscapeTheFolderAreRecordedButNotUnpacked() throws IOException {
        tree.file("evil.zip", zip("../../etc/cron.d/evil", "x".getBytes(), "/root/.ssh/authorized_keys", "y".getBytes(),
                "ok.txt", "fine".getBytes()));

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact escaping = x.at("/evil.zip!/../../etc/cron.d/evil");
            assertThat(escaping.sha256()).isNull();
            assertThat(escaping.attributes()).containsEntry("refused", "UNSAFE_PATH");
            assertThat(x.at("/evil.zip!/root/.ssh/authorized_keys").attributes()).containsEntry("unsafePath", true);
            assertThat(x.at("/evil.zip!/ok.txt").sha256()).isEqualTo(Digests.sha256("fine".getBytes()));
            assertThat(x.errors()).filteredOn(e -> e.code().equals("UNSAFE_PATH")).singleElement()
                    .satisfies(e -> assertThat(e.occurrences()).isEqualTo(2));
        }
    }

    @Test
    void linksPointingOutsideAreRecordedNeverFollowed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry link = new TarArchiveEntry("data/shadow", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry near = new TarArchiveEntry("data/latest.jpg", TarArchiveEntry.LF_SYMLINK);
            near.setLinkName("cam01/a.jpg");
            tar.putArchiveEntry(near);
            tar.closeArchiveEntry();
        }
        tree.file("links.tar", out.toByteArray());

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact outside = x.at("/links.tar!/data/shadow");
            assertThat(outside.kind()).isEqualTo(ArtifactKind.SYMLINK);
            assertThat(outside.linkTarget()).isEqualTo("../../etc/shadow");
            assertThat(outside.attributes()).containsEntry("pointsOutsideArchive", true);
            assertThat(x.at("/links.tar!/data/latest.jpg").attributes()).containsEntry("pointsOutsideArchive", false);
            assertThat(x.errors()).extracting(e -> e.code()).containsExactly("LINK_OUTSIDE");
        }
    }

    @Test
    void encryptedMembersAreRecordedButNotUnpacked() throws IOException {
        // commons-compress will not write an encrypted entry: write a plain one and set the flag bit
        // in its local and central headers, as a password-protected zip has it
        byte[] bytes = zip("secret/faces.db", "ciphertext".getBytes());
        for (int i = 0; i + 10 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                bytes[i + 6] |= 1;
            } else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                bytes[i + 8] |= 1;
            }
        }
        tree.file("locked.zip", bytes);

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            Artifact locked = x.at("/locked.zip!/secret/faces.db");
            assertThat(locked.attributes()).containsEntry("encrypted", true);
            assertThat(locked.stored()).isFalse();
            assertThat(x.errors()).extracting(e -> e.code()).containsExactly("ENCRYPTED");
        }
    }

    @Test
    void aZipBombIsRefusedAndWhatCameBeforeIsKept() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.putArchiveEntry(new ZipArchiveEntry("first.txt"));
            zip.write("before the bomb".getBytes());
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        assertThat(out.size()).isLessThan(200_000);
        tree.file("bomb.zip", out.toByteArray());
        ArchiveLimits tight = new ArchiveLimits(1000, 1L << 30, 1L << 30, 100, 4L << 20, 8);

        try (Extraction x = extract(tight)) {
            assertThat(x.at("/bomb.zip!/first.txt").sha256()).isNotNull();
            assertThat(x.find("/bomb.zip!/zeros.bin")).isEmpty();
            assertThat(x.errors()).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("ARCHIVE_BOMB");
                assertThat(e.message()).contains("100 times the archive's own size");
            });
        }
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreNotUnpackedFurther() throws IOException {
        byte[] level = zip("face.jpg", FACE);
        for (int i = 0; i < 3; i++) {
            level = zip("level" + i + ".zip", level);
        }
        tree.file("russian-doll.zip", level);

        try (Extraction x = extract(new ArchiveLimits(1000, 1L << 30, 1L << 30, 200, 64L << 20, 2))) {
            assertThat(x.locators()).contains("/russian-doll.zip!/level2.zip!/level1.zip")
                    .noneMatch(l -> l.endsWith("face.jpg"));
            assertThat(x.errors()).extracting(e -> e.code()).containsExactly("NESTED_TOO_DEEP");
        }
    }

    @Test
    void aCompressedLogIsLeftToTheLogReadersAndACompressedPictureIsUnpacked() throws IOException {
        tree.file("var/log/capture.log.2.gz", gzip("2024-03-13 09:00:01 INFO captured a face\n".getBytes()));
        tree.file("photo.jpg.gz", gzip(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3, 0, 0, 9}));

        try (Extraction x = extract(ArchiveLimits.DEFAULT)) {
            assertThat(x.at("/var/log/capture.log.2.gz").attributes()).containsEntry("compressedText", true);
            assertThat(x.locators()).noneMatch(l -> l.startsWith("/var/log/capture.log.2.gz!/"));
            assertThat(x.at("/photo.jpg.gz!/photo.jpg").size()).isEqualTo(10);
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
