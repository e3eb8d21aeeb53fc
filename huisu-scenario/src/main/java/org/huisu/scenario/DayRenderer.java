package org.huisu.scenario;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.scenario.imaging.Clips;
import org.huisu.scenario.imaging.FaceCrops;
import org.huisu.scenario.imaging.SceneFrames;
import org.huisu.scenario.samples.SamplePhotos;
import org.huisu.scenario.world.Capture;
import org.huisu.scenario.world.Seeds;
import org.huisu.scenario.world.Visit;
import org.huisu.scenario.world.World;

/**
 * Renders one day's captures from the real photos and puts them where the story left them: on the
 * server for the day of the seizure; for every earlier day, packed, uploaded into the bucket (one
 * archive and every face photo) and gone from the server. Days render independently, in parallel.
 */
final class DayRenderer {

    static final String CAPTURE_ROOT = "/data/capture";
    static final String ARCHIVE_DIR = "/data/archive";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int CLIP_SECONDS = 2;

    private final World world;
    private final SamplePhotos photos;
    private final Layout layout;

    DayRenderer(World world, SamplePhotos photos, Layout layout) {
        this.world = world;
        this.photos = photos;
        this.layout = layout;
    }

    static String archiveName(LocalDate day) {
        return "faces-" + DAY.format(day) + ".tar.gz";
    }

    static String photoKey(LocalDate day, String fileName) {
        return "faces/" + DAY_PATH.format(day) + "/" + fileName;
    }

    static String archiveKey(LocalDate day) {
        return "archives/" + DAY_PATH.format(day) + "/" + archiveName(day);
    }

    DayBatch render(LocalDate day) {
        long seed = world.scenario().seed();
        Map<String, byte[]> bytes = new TreeMap<>();
        List<Media> media = new ArrayList<>();
        for (Capture c : world.capturesOf(day)) {
            byte[] crop = FaceCrops.render(photos.face(c.visit().person().face()), Seeds.stream(seed, "crop", c.index()));
            add(media, bytes, new Media(Media.Kind.CROP, c.relativePath(), null, 0, c.time(), c, c.visit()), crop);
        }
        for (Visit v : world.visitsOf(day)) {
            LocalDateTime at = v.arrival().plusSeconds(2);
            String stamp = STAMP.format(at);
            byte[] still = SceneFrames.render(photos.scenes().get(v.scene()), Seeds.stream(seed, "scene", v.index()));
            add(media, bytes, new Media(Media.Kind.SCENE, DAY.format(day) + "/scene/scene_" + stamp + "_"
                    + v.id().substring(v.id().indexOf('-') + 1) + ".jpg", null, 0, at, null, v), still);
            if (v.clip()) {
                byte[] clip = Clips.render(photos.scenes().get(v.scene()), Seeds.stream(seed, "clip", v.index()),
                        CLIP_SECONDS);
                add(media, bytes, new Media(Media.Kind.CLIP, DAY.format(day) + "/clips/clip_" + stamp + "_"
                        + v.id().substring(v.id().indexOf('-') + 1) + ".mp4", null, 0, at.plusSeconds(CLIP_SECONDS),
                        null, v), clip);
            }
        }
        try {
            if (!world.uploaded(day)) {
                for (Media m : media) {
                    write(layout.server().resolve("data/capture").resolve(m.relative()), bytes.get(m.relative()),
                            m.written());
                }
                return new DayBatch(day, List.copyOf(media), null);
            }
            return new DayBatch(day, List.copyOf(media), upload(day, media, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<Media> media, Map<String, byte[]> bytes, Media m, byte[] content) {
        bytes.put(m.relative(), content);
        media.add(new Media(m.kind(), m.relative(), Digests.sha256(content), content.length, m.written(), m.capture(),
                m.visit()));
    }

    /** The night after the day: pack at 02:30, upload the archive, then each photo, then delete. */
    private DayBatch.Job upload(LocalDate day, List<Media> media, Map<String, byte[]> bytes) throws IOException {
        Random random = Seeds.stream(world.scenario().seed(), "upload", day.toEpochDay());
        LocalDateTime started = day.plusDays(1).atTime(2, 30).plusNanos(random.nextInt(2000) * 1_000_000L);
        LocalDateTime packed = started.plusNanos((long) ((2 + media.size() * 0.02) * 1e9));
        Path archiveFile = layout.bucket().resolve(archiveKey(day));
        String archiveSha256 = tarGz(archiveFile, day, media, bytes);
        long archiveSize = Files.size(archiveFile);
        LocalDateTime archiveAt = packed.plusNanos((long) ((0.5 + archiveSize / 4e6) * 1e9));
        Files.setLastModifiedTime(archiveFile, FileTime.from(archiveAt.atZone(Scenario.OFFICE_ZONE).toInstant()));
        String archivePath = ARCHIVE_DIR + "/" + archiveName(day);
        Media archiveMedia = new Media(null, archiveName(day), archiveSha256, archiveSize, packed, null, null);
        Upload archiveUpload = new Upload(archiveKey(day), archivePath, archiveAt, archiveSize, archiveSha256,
                archiveMedia);
        List<Upload> photos = new ArrayList<>();
        LocalDateTime at = archiveAt;
        for (Media m : media) {
            if (m.kind() != Media.Kind.CROP) {
                continue;
            }
            at = at.plusNanos((150 + random.nextInt(750)) * 1_000_000L);
            Upload u = new Upload(photoKey(day, m.fileName()), CAPTURE_ROOT + "/" + m.relative(), at, m.size(),
                    m.sha256(), m);
            write(layout.bucket().resolve(u.key()), bytes.get(m.relative()), at);
            photos.add(u);
        }
        return new DayBatch.Job(started, packed, archiveUpload, List.copyOf(photos), at.plusSeconds(1));
    }

    /**
     * Writes the archive {@code tar czf … -C /data/capture DAY} makes, byte for byte the same each
     * time, straight to its file; returns its SHA-256.
     */
    private String tarGz(Path file, LocalDate day, List<Media> media, Map<String, byte[]> bytes) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                sha256);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            TreeMap<String, LocalDateTime> folders = new TreeMap<>();
            for (Media m : media) {
                String folder = m.relative().substring(0, m.relative().lastIndexOf('/'));
                folders.merge(folder, m.written(), (a, b) -> a.isAfter(b) ? a : b);
                folders.merge(DAY.format(day), m.written(), (a, b) -> a.isAfter(b) ? a : b);
            }
            for (Map.Entry<String, LocalDateTime> f : folders.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey() + "/");
                e.setMode(040755);
                owned(e, f.getValue());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            for (Media m : media) {
                TarArchiveEntry e = new TarArchiveEntry(m.relative());
                e.setSize(m.size());
                e.setMode(0100644);
                owned(e, m.written());
                tar.putArchiveEntry(e);
                tar.write(bytes.get(m.relative()));
                tar.closeArchiveEntry();
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void owned(TarArchiveEntry e, LocalDateTime time) {
        e.setUserId(1001);
        e.setGroupId(1001);
        e.setUserName("facecap");
        e.setGroupName("facecap");
        e.setModTime(FileTime.from(time.atZone(Scenario.OFFICE_ZONE).toInstant()));
    }

    static void write(Path file, byte[] content, LocalDateTime time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(time.atZone(Scenario.OFFICE_ZONE).toInstant()));
    }
}
