package org.huisu.core.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.huisu.core.acquire.EvidenceChannel;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.acquire.OpenFileInputStream;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.store.CaseStore;

/**
 * An artifact of the case as an {@link Item}: bytes from the object store when a copy is there,
 * otherwise from the evidence itself, read-only and checked against the acquisition hash.
 */
final class CaseItem implements Item {

    private final Artifact artifact;
    private final Source source;
    private final Context context;
    private String mediaType;
    private Path workspace;

    /** What items share: the stores, the evidence reader, the workspace root. */
    record Context(CaseStore reader, ObjectStore objects, EvidenceFiles files, Path workspaceRoot) {
    }

    CaseItem(Artifact artifact, Source source, Context context) {
        this.artifact = artifact;
        this.source = source;
        this.context = context;
        this.mediaType = artifact.mediaType();
    }

    @Override
    public Artifact artifact() {
        return artifact;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    /** Type detection runs first; what it finds is seen by the extractors after it at once. */
    void mediaType(String detected) {
        this.mediaType = detected;
    }

    @Override
    public boolean hasContent() {
        return artifact.stored() || artifact.kind() == ArtifactKind.FILE && artifact.sha256() != null
                && source.kind() != SourceKind.S3;
    }

    private Path evidencePath() {
        Path root = Path.of(source.locator());
        boolean single = source.kind() == SourceKind.FILE || source.kind() == SourceKind.ARCHIVE
                || source.kind() == SourceKind.DISK_IMAGE;
        return single ? root : root.resolve(artifact.locator().substring(1));
    }

    /**
     * The evidence file, opened read-only: by path, or by the bytes of its path where a name on the
     * way is not UTF-8 (acquisition kept them as {@code rawPath}).
     */
    private EvidenceFiles.OpenFile openEvidence() throws IOException {
        Object raw = artifact.attributes().get("rawPath");
        if (raw == null) {
            return context.files().open(evidencePath());
        }
        byte[] root = Path.of(source.locator()).toString().getBytes(StandardCharsets.UTF_8);
        byte[] below = HexFormat.of().parseHex(raw.toString());
        byte[] path = Arrays.copyOf(root, root.length + 1 + below.length);
        path[root.length] = '/';
        System.arraycopy(below, 0, path, root.length + 1, below.length);
        return context.files().openRaw(path);
    }

    @Override
    public InputStream open() throws IOException {
        if (artifact.stored()) {
            return Files.newInputStream(context.objects().path(artifact.sha256()));
        }
        if (!hasContent()) {
            throw new IOException(reference() + " has no bytes to read");
        }
        EvidenceFiles.OpenFile file = openEvidence();
        return new Verified(OpenFileInputStream.owning(file), artifact.sha256(), reference());
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        if (artifact.stored()) {
            return FileChannel.open(context.objects().path(artifact.sha256()), StandardOpenOption.READ);
        }
        if (!hasContent()) {
            throw new IOException(reference() + " has no bytes to read");
        }
        return new EvidenceChannel(openEvidence());
    }

    @Override
    public Path workingCopy(String... siblings) throws IOException {
        if (workspace == null) {
            workspace = Files.createDirectories(context.workspaceRoot().resolve(Long.toString(artifact.id())));
        }
        Path copy = workspace.resolve(safeName(name()));
        try (InputStream in = open()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String suffix : siblings) {
            Optional<Item> sibling = sibling(name() + suffix);
            if (sibling.isPresent() && sibling.get().hasContent()) {
                try (InputStream in = sibling.get().open()) {
                    Files.copy(in, workspace.resolve(safeName(name()) + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    private static String safeName(String name) {
        String cleaned = name.replaceAll("[/\\\\\\x00]", "_");
        return cleaned.isEmpty() ? "item" : cleaned;
    }

    @Override
    public Optional<Item> sibling(String name) {
        // by locator, not among the parent's children: an archive's members are all its children
        String locator = artifact.locator();
        return at(locator.substring(0, locator.lastIndexOf('/') + 1) + name);
    }

    @Override
    public Optional<Item> at(String locator) {
        Optional<Artifact> found;
        synchronized (context.reader()) {
            found = context.reader().artifactAt(artifact.sourceId(), locator);
        }
        return found.map(a -> new CaseItem(a, source, context));
    }

    @Override
    public List<Item> children() {
        List<Artifact> inside;
        synchronized (context.reader()) {
            inside = context.reader().children(artifact.id());
        }
        List<Item> items = new ArrayList<>(inside.size());
        for (Artifact a : inside) {
            items.add(new CaseItem(a, source, context));
        }
        return items;
    }

    @Override
    public ZoneId zone() {
        Object zone = source.attributes().get("timezone");
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone.toString());
    }

    /** Removes the item's working copies. */
    void cleanUp() throws IOException {
        if (workspace != null && Files.exists(workspace)) {
            try (var all = Files.walk(workspace)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A stream that, read to its end, proves the bytes are those hashed at acquisition. */
    private static final class Verified extends FilterInputStream {
        private final MessageDigest digest = HashAlgorithm.SHA256.newDigest();
        private final String expected;
        private final String reference;
        private boolean checked;

        Verified(InputStream in, String expected, String reference) {
            super(in);
            this.expected = expected;
            this.reference = reference;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            } else if (n < 0 && !checked) {
                checked = true;
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw new IOException(reference + " changed since it was acquired (sha256 " + actual
                            + " now, " + expected + " then); acquire it again");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping would leave bytes unhashed: read them instead
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
