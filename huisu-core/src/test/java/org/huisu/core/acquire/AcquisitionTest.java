package org.huisu.core.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.core.testing.Shell;
import org.huisu.core.testing.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AcquisitionTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Case theCase;
    private EvidenceTree tree;

    @BeforeEach
    void setUp() {
        theCase = TestCases.create(tmp);
        tree = new EvidenceTree(tmp.resolve("evidence").resolve("server-01"));
    }

    @AfterEach
    void tearDown() {
        theCase.close();
    }

    private Acquisition.Request request(Path locator, String label) {
        return new Acquisition.Request(locator, label, null, EnumSet.of(HashAlgorithm.SHA256), false, false, 2,
                "Wang Li");
    }

    private Acquisition.Result acquire(Acquisition.Request request) {
        return acquire(request, Progress.NONE);
    }

    private Acquisition.Result acquire(Acquisition.Request request, Progress progress) {
        return new Acquisition(theCase, EvidenceFiles.best(), progress).run(request);
    }

    private Acquisition.Result acquire(String label) {
        return acquire(request(tree.root(), label));
    }

    private List<Artifact> artifacts(Source source) {
        List<Artifact> all = new ArrayList<>();
        theCase.store().forEachArtifact(source.id(), all::add);
        return all;
    }

    private Artifact artifact(Source source, String locator) {
        return artifacts(source).stream().filter(a -> a.locator().equals(locator)).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + locator));
    }

    private Map<String, String> sha256ByLocator(Source source) {
        return artifacts(source).stream().filter(a -> a.kind() == ArtifactKind.FILE && a.sha256() != null)
                .collect(Collectors.toMap(Artifact::locator, Artifact::sha256));
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<ExtractionError> errors(Case c, Source s) {
        return c.store().errors(s.id());
    }

    @Test
    void everyFileIsHashedAsSha256sumHashesIt() {
        tree.file("capture/2024-03-15/visitor-0001.jpg", "not really a jpeg");
        tree.file("empty.txt", new byte[0]);
        tree.randomFile("clips/long clip.mp4", 3 * FileHasher.BLOCK + 17, 1);
        tree.randomFile("人脸 照片/访客 1.png", 70_000, 2);

        Source source = acquire("server-01").source();

        Map<String, String> recorded = sha256ByLocator(source);
        Map<String, String> expected = tree.contentHashes().entrySet().stream().collect(Collectors.toMap(
                e -> "/" + tree.root().relativize(e.getKey()).toString(), Map.Entry::getValue));
        assertThat(recorded).isEqualTo(expected);
        assertThat(source.bytes()).isEqualTo(17 + 3L * FileHasher.BLOCK + 17 + 70_000);
    }

    @Test
    void md5AndSha1AreRecordedWhenAskedFor() {
        Path file = tree.randomFile("db/face.db", 123_457, 3);

        Source source = acquire(new Acquisition.Request(tree.root(), "server-01", null,
                HashAlgorithm.parseList("md5,sha1"), false, false, 2, "Wang Li")).source();

        Artifact a = artifact(source, "/db/face.db");
        assertThat(a.hashes().md5()).isEqualTo(Shell.coreutilsDigest("md5sum", file));
        assertThat(a.hashes().sha1()).isEqualTo(Shell.coreutilsDigest("sha1sum", file));
        assertThat(a.sha256()).isEqualTo(Shell.coreutilsDigest("sha256sum", file));
        assertThat(source.hashAlgorithms()).containsExactlyInAnyOrder(HashAlgorithm.values());
    }

    @Test
    void filesAreRecordedWithSizeTimesOwnerModeAndParent() throws IOException {
        Path file = tree.file("upload/pack.sh", "#!/bin/sh\nossutil cp x oss://b/\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Instant modified = Instant.parse("2024-03-15T02:30:00.123456789Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));

        Source source = acquire("server-01").source();

        Artifact a = artifact(source, "/upload/pack.sh");
        assertThat(a.kind()).isEqualTo(ArtifactKind.FILE);
        assertThat(a.name()).isEqualTo("pack.sh");
        assertThat(a.size()).isEqualTo(Files.size(file));
        assertThat(a.times().modified()).isEqualTo(modified);
        assertThat(a.times().changed()).isNotNull();
        assertThat(a.times().accessed()).isNotNull();
        assertThat(a.ownership().mode()).isEqualTo("0750");
        assertThat(a.ownership().owner()).isEqualTo(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName());
        assertThat(a.attributes()).containsKeys("inode", "device", "links", "uid", "gid");
        Artifact folder = artifact(source, "/upload");
        assertThat(folder.kind()).isEqualTo(ArtifactKind.DIRECTORY);
        assertThat(a.parentId()).isEqualTo(folder.id());
        assertThat(folder.parentId()).isEqualTo(artifact(source, "/").id());
    }

    @Test
    void acquiringChangesNothingInTheEvidenceNotEvenAccessTimes() {
        tree.file("capture/a.jpg", "a");
        tree.randomFile("capture/b.mp4", 5 * FileHasher.BLOCK, 4);
        tree.file("logs/upload.log", "2024-03-15 02:30:01 uploaded a.jpg\n");
        tree.directory("empty-folder");
        Path link = tree.symlink("capture/latest", "a.jpg");
        Map<Path, String> contentBefore = tree.contentHashes();
        // from here on, a plain read or listing would update the access time (relatime)
        tree.ageAccessTimes(LONG_AGO);
        Map<Path, Map<String, Object>> before = tree.stats();

        Source source = acquire(new Acquisition.Request(tree.root(), "server-01", null,
                EnumSet.allOf(HashAlgorithm.class), true, false, 2, "Wang Li")).source();

        Map<Path, Map<String, Object>> after = tree.stats();
        // readlink(2) touches a link's access time and no flag prevents it: the one exception,
        // written into the custody record; the artifact keeps the time from before
        before.get(link).remove("lastAccessTime");
        after.get(link).remove("lastAccessTime");
        assertThat(after).isEqualTo(before);
        assertThat(tree.contentHashes()).isEqualTo(contentBefore);
        assertThat(artifact(source, "/capture/latest").times().accessed()).isEqualTo(LONG_AGO);
        assertThat(artifact(source, "/capture/a.jpg").times().accessed()).isEqualTo(LONG_AGO);
        assertThat(theCase.store().custody(source.id()).get(0).details()).containsKey("linkAccessTimes");
    }

    @Test
    void aPlainReadWouldHaveChangedTheAccessTimeOnThisFileSystem() throws IOException {
        // the control for the test above: without O_NOATIME its comparison fails here
        Path file = tree.file("control.txt", "x");
        tree.ageAccessTimes(LONG_AGO);
        Files.readAllBytes(file);
        assertThat(Files.getLastModifiedTime(file)).isNotNull();
        assertThat(tree.stats().get(file).get("lastAccessTime")).isNotEqualTo(LONG_AGO.toString());
    }

    @Test
    void symbolicLinksAreRecordedAndNeverFollowed() throws IOException {
        EvidenceTree outside = new EvidenceTree(tmp.resolve("outside"));
        Path secret = outside.file("secret.txt", "not part of the evidence");
        outside.file("folder/inner.txt", "nor this");
        outside.ageAccessTimes(LONG_AGO);
        Map<Path, Map<String, Object>> outsideBefore = outside.stats();
        tree.file("data/real.txt", "evidence");
        tree.symlink("data/to-secret", secret.toString());
        tree.symlink("data/to-folder", outside.root().resolve("folder").toString());
        tree.symlink("data/sibling", "real.txt");

        Source source = acquire("server-01").source();

        Artifact link = artifact(source, "/data/to-secret");
        assertThat(link.kind()).isEqualTo(ArtifactKind.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo(secret.toString());
        assertThat(link.sha256()).isNull();
        assertThat(link.attributes()).containsEntry("pointsOutsideSource", true);
        assertThat(artifact(source, "/data/sibling").attributes()).containsEntry("pointsOutsideSource", false);
        assertThat(artifacts(source)).extracting(Artifact::locator)
                .containsExactlyInAnyOrder("/", "/data", "/data/real.txt", "/data/to-secret", "/data/to-folder",
                        "/data/sibling");
        assertThat(outside.stats()).isEqualTo(outsideBefore);
        assertThat(theCase.store().artifactsWithSha256(Shell.coreutilsDigest("sha256sum", secret))).isEmpty();
    }

    @Test
    @Timeout(60)
    void aNamedPipeIsRecordedButNeverOpened() {
        tree.file("a.txt", "a");
        tree.fifo("camera-feed");

        Source source = acquire("server-01").source();

        Artifact pipe = artifact(source, "/camera-feed");
        assertThat(pipe.kind()).isEqualTo(ArtifactKind.SPECIAL);
        assertThat(pipe.attributes()).containsEntry("type", "fifo");
        assertThat(pipe.sha256()).isNull();
        assertThat(source.errors()).isZero();
    }

    @Test
    void theManifestSealsTheSourceAndCanBeRecomputedWithSha256sum() throws IOException {
        tree.file("a.txt", "a");
        tree.file("a/b.txt", "b");
        tree.file("tab\tname.txt", "t");
        tree.symlink("link", "a.txt");

        Acquisition.Result result = acquire("server-01");

        Source source = result.source();
        assertThat(Shell.coreutilsDigest("sha256sum", result.manifest())).isEqualTo(source.manifestSha256());
        assertThat(result.manifest()).isEqualTo(theCase.objects().path(source.manifestSha256()));
        List<String> lines = Files.readAllLines(result.manifest(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("#huisu-manifest-v1");
        assertThat(lines).hasSize((int) source.items() + 1);
        List<String> paths = lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[4]).toList();
        assertThat(paths).containsExactly("/", "/a", "/a.txt", "/a/b.txt", "/link", "/tab\\tname.txt");
        assertThat(lines).anyMatch(l -> l.startsWith("FILE\t" + Shell.coreutilsDigest("sha256sum",
                tree.root().resolve("a.txt")) + "\t1\t"));
        assertThat(lines).anyMatch(l -> l.startsWith("SYMLINK\t-\t-\t") && l.endsWith("\t/link\ta.txt"));
    }

    @Test
    void aCustodyRecordSaysWhoAcquiredWhatWhereAndWithWhat() throws IOException {
        tree.file("a.txt", "a");

        Source source = acquire("server-01").source();

        List<Custody> custody = theCase.store().custody(source.id());
        assertThat(custody).hasSize(1);
        Custody c = custody.get(0);
        assertThat(c.event()).isEqualTo(Acquisition.ACQUIRED);
        assertThat(c.examiner()).isEqualTo("Wang Li");
        assertThat(c.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(c.machine()).isNotBlank();
        assertThat(c.tool()).startsWith("huisu ");
        assertThat(c.utcOffset()).matches("[+-]\\d{2}:\\d{2}");
        assertThat(c.locator()).isEqualTo(tree.root().toRealPath(LinkOption.NOFOLLOW_LINKS).toString());
        assertThat(c.manifestSha256()).isEqualTo(source.manifestSha256());
        assertThat(c.details()).containsEntry("hash", "sha256").containsEntry("copy", false)
                .containsKeys("reader", "seconds", "manifestObject");
    }

    @Test
    void theSameEvidenceTwiceIsRefusedUnlessAcquiredAgainOnPurpose() {
        tree.file("a.txt", "a");
        Source first = acquire("server-01").source();

        assertThatThrownBy(() -> acquire("server-01-bis"))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("'server-01'")
                .hasMessageContaining("--again")
                .extracting(e -> ((HuisuException) e).status()).isEqualTo(ExitStatus.USAGE);
        assertThat(theCase.store().sources()).extracting(Source::label).containsExactly("server-01");

        Acquisition.Result again = acquire(new Acquisition.Request(tree.root(), "server-01-bis", null,
                EnumSet.of(HashAlgorithm.SHA256), false, true, 2, "Wang Li"));
        assertThat(again.source().manifestSha256()).isEqualTo(first.manifestSha256());
        assertThat(again.sameManifest()).extracting(Source::label).containsExactly("server-01");
        assertThat(theCase.store().custody(again.source().id()).get(0).details())
                .containsEntry("sameManifestAs", List.of("server-01"));
    }

    @Test
    void aLabelAlreadyTakenIsRefused() {
        tree.file("a.txt", "a");
        acquire("server-01");
        EvidenceTree other = new EvidenceTree(tmp.resolve("other"));
        other.file("b.txt", "b");

        assertThatThrownBy(() -> acquire(request(other.root(), "server-01")))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("label 'server-01' is already used");
    }

    @Test
    void copiesGoToTheObjectStoreReadOnlyUnderTheirHash() throws IOException {
        Path file = tree.randomFile("capture/face.jpg", 2 * FileHasher.BLOCK + 5, 5);
        tree.file("capture/same.jpg", Files.readAllBytes(file));

        Source source = acquire(new Acquisition.Request(tree.root(), "server-01", null,
                EnumSet.of(HashAlgorithm.SHA256), true, false, 2, "Wang Li")).source();

        Artifact a = artifact(source, "/capture/face.jpg");
        assertThat(a.stored()).isTrue();
        Path copy = theCase.objects().path(a.sha256());
        assertThat(Files.mismatch(copy, file)).isEqualTo(-1);
        assertThat(Shell.coreutilsDigest("sha256sum", copy)).isEqualTo(a.sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("r--r--r--");
        assertThat(source.copied()).isTrue();
        try (var incoming = Files.list(theCase.objects().root().resolve(".incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void aFileThatChangesWhileItIsReadIsRecordedAsChanged() throws IOException {
        Path growing = tree.randomFile("capture/recording.mp4", 3 * FileHasher.BLOCK, 6);
        AtomicBoolean appended = new AtomicBoolean();
        Progress appendOnFirstBlock = new Progress() {
            @Override
            public void processedBytes(long bytes) {
                if (appended.compareAndSet(false, true)) {
                    try {
                        Files.write(growing, new byte[4096], StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        Source source = acquire(request(tree.root(), "server-01"), appendOnFirstBlock).source();

        Artifact a = artifact(source, "/capture/recording.mp4");
        assertThat(a.attributes()).containsEntry("changedWhileRead", true);
        assertThat(a.size()).isEqualTo(3L * FileHasher.BLOCK);
        assertThat(errors(theCase, source)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("CHANGED");
            assertThat(e.locator()).isEqualTo("/capture/recording.mp4");
            assertThat(e.message()).startsWith("server-01:/capture/recording.mp4: the file changed while it was read");
            assertThat(e.artifactId()).isEqualTo(a.id());
        });
    }

    @Test
    void aFileThatVanishesIsRecordedAsAnErrorAndTheRestIsAcquired() {
        tree.randomFile("a-first.bin", 10_000, 7);
        Path doomed = tree.randomFile("b-doomed.bin", 10_000, 8);
        tree.randomFile("c-last.bin", 10_000, 9);
        AtomicBoolean deleted = new AtomicBoolean();
        Progress deleteOnFirstBytes = new Progress() {
            @Override
            public void processedBytes(long bytes) {
                if (deleted.compareAndSet(false, true)) {
                    try {
                        Files.delete(doomed);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        Source source = acquire(new Acquisition.Request(tree.root(), "server-01", null,
                EnumSet.of(HashAlgorithm.SHA256), false, false, 1, "Wang Li"), deleteOnFirstBytes).source();

        assertThat(errors(theCase, source)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("VANISHED");
            assertThat(e.locator()).isEqualTo("/b-doomed.bin");
            assertThat(e.message()).startsWith("server-01:/b-doomed.bin: it vanished");
        });
        assertThat(sha256ByLocator(source)).containsOnlyKeys("/a-first.bin", "/c-last.bin");
        assertThat(source.errors()).isEqualTo(1);
    }

    @Test
    void gbkNamesFromAChineseSystemAreAcquiredUnderWhatGbkReadsAndCanBeReadAgain() throws Exception {
        // 人脸/张三.jpg, 人脸/notes.txt and the link 人脸/最新 -> 张三.jpg, all named in GBK
        Shell.bash(tree.root(), "mkdir $'\\xc8\\xcb\\xc1\\xb3' && cd $'\\xc8\\xcb\\xc1\\xb3'"
                + " && printf 'face bytes' > $'\\xd5\\xc5\\xc8\\xfd.jpg' && printf notes > notes.txt"
                + " && ln -s $'\\xd5\\xc5\\xc8\\xfd.jpg' $'\\xd7\\xee\\xd0\\xc2'");

        Source source = acquire("server-01").source();

        assertThat(errors(theCase, source)).isEmpty();
        assertThat(sha256ByLocator(source)).containsEntry("/人脸/张三.jpg", sha256("face bytes"))
                .containsEntry("/人脸/notes.txt", sha256("notes"));
        Artifact face = artifact(source, "/人脸/张三.jpg");
        assertThat(face.name()).isEqualTo("张三.jpg");
        assertThat(face.attributes()).containsEntry("nameEncoding", "GB18030")
                .containsEntry("rawName", "d5c5c8fd2e6a7067")
                .containsEntry("rawPath", "c8cbc1b32fd5c5c8fd2e6a7067");
        assertThat(face.size()).isEqualTo(10);
        Artifact link = artifact(source, "/人脸/最新");
        assertThat(link.kind()).isEqualTo(ArtifactKind.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("张三.jpg");
        assertThat(link.attributes()).containsEntry("pointsOutsideSource", false);
        assertThat(artifact(source, "/人脸").kind()).isEqualTo(ArtifactKind.DIRECTORY);
        // the bytes of the path, kept, find the file again for reading
        byte[] path = (tree.root() + "/").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] below = java.util.HexFormat.of().parseHex(face.attributes().get("rawPath").toString());
        byte[] whole = java.util.Arrays.copyOf(path, path.length + below.length);
        System.arraycopy(below, 0, whole, path.length, below.length);
        try (EvidenceFiles.OpenFile f = EvidenceFiles.best().openRaw(whole)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(64);
            f.read(b);
            byte[] read = new byte[b.flip().remaining()];
            b.get(read);
            assertThat(new String(read, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("face bytes");
        }
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkKeepTheirEscapesAndAreAcquired() {
        tree.file("good.txt", "g");
        Shell.bash(tree.root(), "printf x > $'bad\\xff.bin'");

        Source source = acquire("server-01").source();

        assertThat(errors(theCase, source)).isEmpty();
        assertThat(sha256ByLocator(source)).containsOnlyKeys("/good.txt", "/bad\\xff.bin");
        assertThat(artifact(source, "/bad\\xff.bin").attributes()).containsEntry("nameEncoding", "unknown");
    }

    @Test
    void withoutLibcANameThatIsNotUtf8IsAnErrorThatSaysWhatGbkReads() {
        tree.file("good.txt", "g");
        Shell.bash(tree.root(), "printf x > $'\\xc8\\xcb\\xc1\\xb3.jpg'");

        Source source = new Acquisition(theCase, new NioEvidenceFiles(), Progress.NONE)
                .run(request(tree.root(), "server-01")).source();

        assertThat(errors(theCase, source)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("NAME_NOT_UTF8");
            assertThat(e.message()).contains("cannot open it on this platform");
        });
        assertThat(sha256ByLocator(source)).containsOnlyKeys("/good.txt");
    }

    @Test
    void oneThreadOrFourGiveTheSameManifest() {
        for (int i = 0; i < 60; i++) {
            tree.randomFile("d" + i % 7 + "/f" + i + ".bin", 1000 + i * 3000, i);
        }
        String one = acquire(new Acquisition.Request(tree.root(), "one", null, EnumSet.of(HashAlgorithm.SHA256),
                false, false, 1, "Wang Li")).source().manifestSha256();
        String four = acquire(new Acquisition.Request(tree.root(), "four", null, EnumSet.of(HashAlgorithm.SHA256),
                false, true, 4, "Wang Li")).source().manifestSha256();
        assertThat(four).isEqualTo(one);
    }

    @Test
    void aSingleFileIsASourceOfOneArtifact() {
        Path file = tree.randomFile("face.db", 50_000, 10);

        Acquisition.Result result = acquire(request(file, null));

        Source source = result.source();
        assertThat(source.label()).isEqualTo("face.db");
        assertThat(source.kind()).isEqualTo(SourceKind.FILE);
        assertThat(artifacts(source)).singleElement().satisfies(a -> {
            assertThat(a.locator()).isEqualTo("/face.db");
            assertThat(a.sha256()).isEqualTo(Shell.coreutilsDigest("sha256sum", file));
            assertThat(a.parentId()).isNull();
        });
    }

    @Test
    void aLocatorThatDoesNotExistIsRefusedNamingIt() {
        Path missing = tmp.resolve("no-such-folder");
        assertThatThrownBy(() -> acquire(request(missing, "x")))
                .isInstanceOf(HuisuException.class)
                .hasMessageStartingWith(missing + " does not exist")
                .extracting(e -> ((HuisuException) e).status()).isEqualTo(ExitStatus.UNREADABLE_INPUT);
        assertThat(theCase.store().sources()).isEmpty();
    }

    @Test
    void aCaseInsideTheEvidenceIsRefused() {
        assertThatThrownBy(() -> acquire(request(tmp, "everything")))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void aDiskThatFillsUpLeavesNoTraceOfTheAcquisition() throws IOException {
        Path small = tmp.resolve("small-disk");
        Files.createDirectories(small);
        Mounts.tmpfs(small, "1m");
        try (Case onSmallDisk = Case.create(small.resolve("case"), "Small", "Wang Li")) {
            tree.randomFile("capture/big.mp4", 4 * FileHasher.BLOCK, 11);
            Acquisition.Request copy = new Acquisition.Request(tree.root(), "server-01", null,
                    EnumSet.of(HashAlgorithm.SHA256), true, false, 2, "Wang Li");

            assertThatThrownBy(() -> new Acquisition(onSmallDisk, EvidenceFiles.best(), Progress.NONE).run(copy))
                    .isInstanceOf(HuisuException.class)
                    .hasMessageContaining("the disk holding the case is full")
                    .hasMessageContaining("nothing of this acquisition was recorded");
            assertThat(onSmallDisk.store().sources()).isEmpty();
            try (var incoming = Files.list(onSmallDisk.objects().root().resolve(".incoming"))) {
                assertThat(incoming).isEmpty();
            }
        } finally {
            Mounts.unmount(small);
        }
    }

    @Test
    @Timeout(120)
    void aDiskThatFillsUpHalfwayThroughManyFilesStopsTheWholeWalk() throws IOException {
        Path small = tmp.resolve("small-disk");
        Files.createDirectories(small);
        Mounts.tmpfs(small, "2m");
        try (Case onSmallDisk = Case.create(small.resolve("case"), "Small", "Wang Li")) {
            for (int i = 0; i < 400; i++) {
                tree.randomFile("capture/" + i / 50 + "/face-" + i + ".jpg", 20_000, i);
            }
            Acquisition.Request copy = new Acquisition.Request(tree.root(), "server-01", null,
                    EnumSet.of(HashAlgorithm.SHA256), true, false, 2, "Wang Li");

            assertThatThrownBy(() -> new Acquisition(onSmallDisk, EvidenceFiles.best(), Progress.NONE).run(copy))
                    .isInstanceOf(HuisuException.class)
                    .hasMessageContaining("the disk holding the case is full");
            assertThat(onSmallDisk.store().sources()).isEmpty();
        } finally {
            Mounts.unmount(small);
        }
    }

    @Test
    void anotherFileSystemMountedInsideIsRecordedButNotWalked() {
        tree.file("a.txt", "a");
        Path mounted = tree.directory("mnt/usb");
        Mounts.tmpfs(mounted, "1m");
        try {
            Shell.bash(mounted, "echo hidden > inside.txt");

            Source source = acquire("server-01").source();

            assertThat(artifact(source, "/mnt/usb").attributes()).containsEntry("mountPoint", true);
            assertThat(artifacts(source)).extracting(Artifact::locator).doesNotContain("/mnt/usb/inside.txt");
            assertThat(errors(theCase, source)).extracting(ExtractionError::code).containsExactly("NOT_DESCENDED");
        } finally {
            Mounts.unmount(mounted);
        }
    }

    @Test
    void theKindIsDecidedByLookingUnlessGiven() {
        tree.file("a.txt", "a");
        assertThat(acquire("auto").source().kind()).isEqualTo(SourceKind.DIRECTORY);
        Source given = acquire(new Acquisition.Request(tree.root(), "given", SourceKind.LOGS,
                Set.of(HashAlgorithm.SHA256), false, true, 2, "Wang Li")).source();
        assertThat(given.kind()).isEqualTo(SourceKind.LOGS);
        assertThatThrownBy(() -> acquire(new Acquisition.Request(tree.root(), "wrong", SourceKind.ARCHIVE,
                Set.of(HashAlgorithm.SHA256), false, true, 2, "Wang Li")))
                .isInstanceOf(HuisuException.class)
                .hasMessageContaining("--kind archive needs a file");
    }
}
