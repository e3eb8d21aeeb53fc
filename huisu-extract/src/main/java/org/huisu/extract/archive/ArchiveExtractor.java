package org.huisu.extract.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.text.TextSniffer;

/**
 * Unpacks zip, tar, 7z and the single-file compressors (gzip, bzip2, xz), nested ones too (each
 * member is an item in turn): every member becomes an artifact with its own hash, its bytes kept
 * in the object store. Refused and recorded: bombs (limits on members, bytes and ratio), names
 * that would escape the folder ({@code ..}, absolute), links pointing outside, encrypted members,
 * and archives nested too deep. A compressed text file (a rotated log) is left to the log readers,
 * which read it as it is.
 */
public final class ArchiveExtractor implements Extractor {

    static final Set<String> ZIP = Set.of("application/zip", "application/x-zip-compressed");
    static final Set<String> TAR = Set.of("application/x-tar", "application/x-gtar");
    static final Set<String> SEVEN_Z = Set.of("application/x-7z-compressed");
    static final Set<String> GZIP = Set.of("application/gzip", "application/x-gzip");
    static final Set<String> BZIP2 = Set.of("application/x-bzip2");
    static final Set<String> XZ = Set.of("application/x-xz");

    private final ArchiveLimits limits;

    public ArchiveExtractor() {
        this(ArchiveLimits.DEFAULT);
    }

    ArchiveExtractor(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public String description() {
        return "members of zip, tar, 7z, gzip, bzip2 and xz archives, nested too; bombs, unsafe names, outside"
                + " links and encrypted members refused and recorded";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean accepts(Item item) {
        String t = item.mediaType();
        return item.hasContent() && t != null && (ZIP.contains(t) || TAR.contains(t) || SEVEN_Z.contains(t)
                || GZIP.contains(t) || BZIP2.contains(t) || XZ.contains(t));
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        int depth = depth(item.locator());
        if (depth >= limits.maxDepth()) {
            out.problem("NESTED_TOO_DEEP", "archives nested more than " + limits.maxDepth()
                    + " deep were not unpacked further", item.locator());
            return;
        }
        long packed = item.artifact().size() == null ? 0 : item.artifact().size();
        Budget budget = new Budget(limits, packed);
        String type = item.mediaType();
        try {
            if (ZIP.contains(type)) {
                zip(item, out, budget);
            } else if (SEVEN_Z.contains(type)) {
                sevenZ(item, out, budget);
            } else if (TAR.contains(type)) {
                try (InputStream in = item.open()) {
                    tar(item, in, out, budget);
                }
            } else {
                compressed(item, out, budget);
            }
        } catch (Budget.BombException e) {
            out.problem("ARCHIVE_BOMB", "the archive was refused as a bomb: " + e.getMessage()
                    + "; the members unpacked before that were kept", item.locator());
        }
    }

    static int depth(String locator) {
        int depth = 0;
        for (int i = locator.indexOf("!/"); i >= 0; i = locator.indexOf("!/", i + 2)) {
            depth++;
        }
        return depth;
    }

    // ------------------------------------------------------------------ zip

    private void zip(Item item, Emitter out, Budget budget) throws IOException {
        try (SeekableByteChannel channel = item.channel();
                ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setCharset(StandardCharsets.UTF_8)
                        .setUseUnicodeExtraFields(true).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                budget.member();
                String name = entry.getGeneralPurposeBit().usesUTF8ForNames() ? entry.getName()
                        : MemberNames.decode(entry.getRawName());
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("member", name);
                attributes.put("method", entry.getMethod());
                attributes.put("compressedSize", entry.getCompressedSize());
                if (!entry.getGeneralPurposeBit().usesUTF8ForNames() && !MemberNames.utf8(entry.getRawName())) {
                    attributes.put("nameEncoding", "GB18030");
                }
                FileTimes times = new FileTimes(zipTime(entry, item.zone()), null, null, null);
                if (entry.isUnixSymlink()) {
                    String target;
                    try (InputStream in = zip.getInputStream(entry)) {
                        target = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                    }
                    link(item, out, name, target, times, attributes);
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    attributes.put("encrypted", true);
                    refuse(item, out, name, entry.getSize(), times, attributes, "ENCRYPTED",
                            "encrypted members were recorded but not unpacked");
                    continue;
                }
                if (MemberNames.unsafe(name)) {
                    attributes.put("unsafePath", true);
                    refuse(item, out, name, entry.getSize(), times, attributes, "UNSAFE_PATH",
                            "members named to escape the archive's folder (.. or absolute) were recorded but not"
                                    + " unpacked");
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    attributes.put("unsupported", "compression method " + entry.getMethod());
                    refuse(item, out, name, entry.getSize(), times, attributes, "UNSUPPORTED_METHOD",
                            "members packed with a method this tool cannot unpack were recorded but not unpacked");
                    continue;
                }
                try (InputStream in = budget.watch(zip.getInputStream(entry), name)) {
                    out.child(member(item, name, null, times, Ownership.NONE, attributes), in);
                }
            }
        }
    }

    /** Zip times are DOS local times unless an extra field gives UTC: read them in the source's zone. */
    private static Instant zipTime(ZipArchiveEntry entry, ZoneId zone) {
        if (entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) != null
                || entry.getExtraField(X000A_NTFS.HEADER_ID) != null) {
            return entry.getLastModifiedTime().toInstant();
        }
        long time = entry.getTime();
        if (time < 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneId.systemDefault());
        return local.atZone(zone).toInstant();
    }

    // ------------------------------------------------------------------ 7z

    private void sevenZ(Item item, Emitter out, Budget budget) throws IOException {
        try (SeekableByteChannel channel = item.channel();
                SevenZFile archive = SevenZFile.builder().setSeekableByteChannel(channel).get()) {
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                if (entry.isDirectory() || entry.isAntiItem()) {
                    continue;
                }
                budget.member();
                String name = entry.getName();
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("member", name);
                FileTimes times = new FileTimes(entry.getHasLastModifiedDate()
                        ? entry.getLastModifiedDate().toInstant() : null, null, null, null);
                if (MemberNames.unsafe(name)) {
                    attributes.put("unsafePath", true);
                    refuse(item, out, name, entry.getSize(), times, attributes, "UNSAFE_PATH",
                            "members named to escape the archive's folder (.. or absolute) were recorded but not"
                                    + " unpacked");
                    continue;
                }
                try (InputStream in = budget.watch(archive.getInputStream(entry), name)) {
                    out.child(member(item, name, null, times, Ownership.NONE, attributes), in);
                }
            }
        } catch (PasswordRequiredException e) {
            out.problem("ENCRYPTED", "the archive is encrypted and was not unpacked", item.locator());
        }
    }

    // ------------------------------------------------------------------ tar

    private void tar(Item item, InputStream raw, Emitter out, Budget budget) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(raw, "UTF-8");
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            if (entry.isDirectory()) {
                continue;
            }
            budget.member();
            String name = entry.getName();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("member", name);
            attributes.put("uid", entry.getLongUserId());
            attributes.put("gid", entry.getLongGroupId());
            Ownership owner = new Ownership(entry.getUserName(), entry.getGroupName(),
                    String.format("%04o", entry.getMode() & 07777));
            FileTimes times = new FileTimes(entry.getLastModifiedTime().toInstant(), null, null, null);
            if (entry.isSymbolicLink()) {
                link(item, out, name, entry.getLinkName(), times, attributes);
                continue;
            }
            if (entry.isLink()) {
                attributes.put("hardLinkTo", entry.getLinkName());
                out.child(member(item, name, null, times, owner, attributes), null);
                continue;
            }
            if (!entry.isFile()) {
                attributes.put("type", "special");
                out.child(member(item, name, null, times, owner, attributes), null);
                continue;
            }
            if (MemberNames.unsafe(name)) {
                attributes.put("unsafePath", true);
                refuse(item, out, name, entry.getSize(), times, attributes, "UNSAFE_PATH",
                        "members named to escape the archive's folder (.. or absolute) were recorded but not unpacked");
                continue;
            }
            out.child(member(item, name, null, times, owner, attributes), budget.watch(new NonClosing(tar), name));
        }
    }

    // ------------------------------------------------------------------ gzip, bzip2, xz

    private void compressed(Item item, Emitter out, Budget budget) throws IOException {
        String type = item.mediaType();
        try (InputStream raw = item.open()) {
            InputStream unpacked;
            String inner = innerName(item.name());
            if (GZIP.contains(type)) {
                GzipCompressorInputStream gzip = GzipCompressorInputStream.builder().setInputStream(raw)
                        .setDecompressConcatenated(true).get();
                String stored = gzip.getMetaData().getFileName();
                if (stored != null && !stored.isBlank()) {
                    inner = MemberNames.baseName(stored);
                }
                unpacked = gzip;
            } else if (BZIP2.contains(type)) {
                unpacked = new BZip2CompressorInputStream(raw, true);
            } else {
                unpacked = new XZCompressorInputStream(raw, true);
            }
            BufferedInputStream in = new BufferedInputStream(budget.watch(unpacked, inner), 64 * 1024);
            in.mark(8192);
            byte[] head = in.readNBytes(8192);
            in.reset();
            if (isTar(head)) {
                tar(item, in, out, budget);
            } else if (TextSniffer.looksLikeText(head)) {
                // a rotated log and the like: the log readers read compressed text as it is
                out.describe(null, Map.of("compressedText", true));
            } else {
                budget.member();
                out.child(member(item, inner, null, item.artifact().times(), Ownership.NONE,
                        new LinkedHashMap<>(Map.of("member", inner))), in);
            }
        }
    }

    static boolean isTar(byte[] head) {
        return head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r';
    }

    private static String innerName(String name) {
        String lower = name.toLowerCase();
        for (String ext : new String[] {".tgz", ".gz", ".bz2", ".xz", ".z"}) {
            if (lower.endsWith(ext)) {
                String base = name.substring(0, name.length() - ext.length());
                return ext.equals(".tgz") ? base + ".tar" : base;
            }
        }
        return name + ".unpacked";
    }

    // ------------------------------------------------------------------ members

    private static Artifact member(Item item, String name, Long size, FileTimes times, Ownership owner,
            Map<String, Object> attributes) {
        String path = name.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return new Artifact(null, 0, null, ArtifactKind.ARCHIVE_MEMBER, item.locator() + "!/" + path,
                MemberNames.baseName(name), size, Hashes.NONE, null, times, owner, null, false, attributes);
    }

    private static void link(Item item, Emitter out, String name, String target, FileTimes times,
            Map<String, Object> attributes) throws IOException {
        boolean outside = MemberNames.linkLeavesArchive(name, target);
        attributes.put("pointsOutsideArchive", outside);
        Artifact link = member(item, name, null, times, Ownership.NONE, attributes);
        out.child(new Artifact(null, 0, null, ArtifactKind.SYMLINK, link.locator(), link.name(), null, Hashes.NONE,
                null, times, link.ownership(), target, false, attributes), null);
        if (outside) {
            out.problem("LINK_OUTSIDE", "links pointing outside the archive were recorded, never followed",
                    name + " -> " + target);
        }
    }

    private static void refuse(Item item, Emitter out, String name, long size, FileTimes times,
            Map<String, Object> attributes, String code, String message) throws IOException {
        attributes.put("refused", code);
        out.child(member(item, name, size < 0 ? null : size, times, Ownership.NONE, attributes), null);
        out.problem(code, message, name);
    }

    /** The tar stream stays open between members: storing one member must not close it. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream goes on to the next member
        }
    }
}
