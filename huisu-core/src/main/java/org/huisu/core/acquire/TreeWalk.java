package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.i18n.Messages;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Phase;
import org.huisu.core.model.Source;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;

/**
 * One walk of a source: a walker thread lists directories (sorted, never following links, never
 * leaving the root's file system) and hands regular files to a bounded pool of hashing threads;
 * the calling thread is the single writer that stores what they find. Memory stays bounded: the
 * walker waits when the pool's queue is full, the pool when the writer's is.
 */
final class TreeWalk {

    static final String PLUGIN = "acquire";
    private static final int PARENT_CACHE = 1024;
    private static final int BATCH = 512;

    private final Case theCase;
    private final EvidenceFiles files;
    private final Progress progress;
    private final Source source;
    private final Path root;
    private final boolean copy;
    private final int threads;
    private final FileHasher hasher;
    private final ExecutorService workers;
    private final ExecutorService readAhead;
    private final Semaphore permits;
    private final int maxPermits;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4096);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private volatile boolean cancelled;

    private long regularFiles;
    private long directories;
    private long links;
    private long special;
    private long bytes;
    private long errors;
    private long accessTimesNotKept;

    TreeWalk(Case theCase, EvidenceFiles files, Progress progress, Source source, Path root,
            Set<HashAlgorithm> algorithms, boolean copy, int threads) {
        this.theCase = theCase;
        this.files = files;
        this.progress = progress;
        this.source = source;
        this.root = root;
        this.copy = copy;
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, daemon("huisu-hash"));
        this.readAhead = Executors.newFixedThreadPool(threads, daemon("huisu-read"));
        this.hasher = new FileHasher(files, algorithms, readAhead, progress);
        this.maxPermits = threads * 16;
        this.permits = new Semaphore(maxPermits);
    }

    private sealed interface Item permits Found, Problem, End {
    }

    /** An entry to store, with the locator of its parent and an error to attach, if any. */
    private record Found(Artifact artifact, String parentLocator, Problem problem) implements Item {
    }

    /** An extraction error; stored alone when no artifact comes with it. */
    private record Problem(String locator, String code, String message) implements Item {
    }

    private record End() implements Item {
    }

    /** Walks, hashes and stores; returns the counts. Runs inside the caller's transaction. */
    Acquisition.Counts run() throws InterruptedException {
        Thread walker = new Thread(this::walk, "huisu-walk");
        walker.setDaemon(true);
        walker.start();
        try {
            write();
        } finally {
            cancelled = true;
            queue.clear();
            // tasks that will never run give back their permits, or the walker would wait for them
            permits.release(workers.shutdownNow().size());
            readAhead.shutdownNow();
            walker.interrupt();
            walker.join();
            workers.awaitTermination(1, TimeUnit.MINUTES);
            readAhead.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Acquisition.Counts(regularFiles, directories, links, special, bytes, errors, accessTimesNotKept);
    }

    // ------------------------------------------------------------------ writer (calling thread)

    private void write() throws InterruptedException {
        CaseStore store = theCase.store();
        Map<String, Long> parents = new LinkedHashMap<>(PARENT_CACHE, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > PARENT_CACHE;
            }
        };
        List<Artifact> batch = new ArrayList<>(BATCH);
        while (true) {
            Item item = queue.poll(200, TimeUnit.MILLISECONDS);
            rethrowFatal();
            if (item == null) {
                continue;
            }
            if (item instanceof End) {
                rethrowFatal();
                flush(store, batch);
                return;
            }
            if (item instanceof Problem p) {
                storeError(store, null, p);
                continue;
            }
            Found f = (Found) item;
            Long parentId = null;
            if (f.parentLocator() != null) {
                parentId = parents.get(f.parentLocator());
                if (parentId == null) {
                    flush(store, batch);
                    parentId = store.artifactId(source.id(), f.parentLocator()).orElse(null);
                }
            }
            Artifact a = f.artifact();
            Artifact row = new Artifact(null, source.id(), parentId, a.kind(), a.locator(), a.name(), a.size(),
                    a.hashes(), a.mediaType(), a.times(), a.ownership(), a.linkTarget(), a.stored(), a.attributes());
            count(a);
            if (a.kind() != ArtifactKind.DIRECTORY && f.problem() == null) {
                // nothing will refer to it by id during the walk: batch it
                batch.add(row);
                if (batch.size() >= BATCH) {
                    flush(store, batch);
                }
                continue;
            }
            flush(store, batch);
            long id = store.insertArtifact(row);
            if (a.kind() == ArtifactKind.DIRECTORY) {
                parents.put(a.locator(), id);
            }
            if (f.problem() != null) {
                storeError(store, id, f.problem());
            }
        }
    }

    private static void flush(CaseStore store, List<Artifact> batch) {
        store.insertArtifacts(batch);
        batch.clear();
    }

    private void count(Artifact a) {
        switch (a.kind()) {
            case FILE -> {
                regularFiles++;
                bytes += a.size();
                if (Boolean.FALSE.equals(a.attributes().get("accessTimeKept"))) {
                    accessTimesNotKept++;
                }
            }
            case DIRECTORY -> directories++;
            case SYMLINK -> links++;
            default -> special++;
        }
    }

    private void storeError(CaseStore store, Long artifactId, Problem p) {
        errors++;
        store.insertError(new ExtractionError(null, source.id(), artifactId, p.locator(), Phase.ACQUIRE, PLUGIN,
                p.code(), p.message(), Instant.now()));
    }

    private void rethrowFatal() {
        Throwable t = fatal.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t.getMessage(), t);
        }
    }

    // ------------------------------------------------------------------ walker thread

    private record Dir(Place place, String locator) {
    }

    /**
     * Where an entry is: a path, or — when its name or a folder's above it is not UTF-8, which
     * Java's file API cannot name — the bytes of its absolute path.
     */
    private record Place(Path path, byte[] raw) {

        Place child(EvidenceFiles.DirectoryEntry entry) {
            if (raw == null && entry.raw() == null) {
                return new Place(path.resolve(entry.name()), null);
            }
            byte[] parent = raw != null ? raw : path.toString().getBytes(StandardCharsets.UTF_8);
            byte[] name = entry.raw() != null ? entry.raw() : entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] joined = Arrays.copyOf(parent, parent.length + 1 + name.length);
            joined[parent.length] = '/';
            System.arraycopy(name, 0, joined, parent.length + 1, name.length);
            return new Place(null, joined);
        }
    }

    private List<EvidenceFiles.DirectoryEntry> list(Place place) throws IOException {
        return place.raw() == null ? files.list(place.path()) : files.listRaw(place.raw());
    }

    private EntryStat stat(Place place) throws IOException {
        if (place.raw() == null) {
            return EntryStat.of(place.path());
        }
        try (EvidenceFiles.Pinned pinned = files.pinRaw(place.raw())) {
            return EntryStat.ofPinned(pinned.path());
        }
    }

    /** The bytes of the place's path below the root, in hex, for finding it again after acquisition. */
    private String rawPathBelowRoot(Place place) {
        int skip = root.toString().getBytes(StandardCharsets.UTF_8).length + 1;
        return HexFormat.of().formatHex(place.raw(), skip, place.raw().length);
    }

    private void walk() {
        try {
            EntryStat top = EntryStat.of(root);
            if (top.kind() == ArtifactKind.DIRECTORY) {
                walkTree(top);
            } else {
                progress.discovered(1, top.size());
                submit(new Place(root, null), "/" + root.getFileName(), root.getFileName().toString(), null, top,
                        top.attributes());
            }
            progress.discoveryComplete();
            permits.acquire(maxPermits);
            permits.release(maxPermits);
        } catch (Throwable t) {
            fatal.compareAndSet(null, t);
        } finally {
            put(new End());
        }
    }

    private void walkTree(EntryStat top) throws InterruptedException {
        Long device = top.device();
        emit(entry(ArtifactKind.DIRECTORY, "/", "", top, null, top.attributes()), null, null);
        progress.discovered(1, 0);
        progress.finishedItems(1);
        Deque<Dir> pending = new ArrayDeque<>();
        pending.push(new Dir(new Place(root, null), "/"));
        while (!pending.isEmpty() && !cancelled) {
            Dir dir = pending.pop();
            List<EvidenceFiles.DirectoryEntry> names;
            try {
                names = new ArrayList<>(list(dir.place()));
            } catch (IOException e) {
                put(problem(dir.locator(), e, "its contents could not be listed"));
                continue;
            }
            names.sort(Comparator.comparing(EvidenceFiles.DirectoryEntry::rawName));
            List<Dir> subdirectories = new ArrayList<>();
            for (EvidenceFiles.DirectoryEntry entry : names) {
                if (cancelled) {
                    return;
                }
                String prefix = dir.locator().equals("/") ? "/" : dir.locator() + "/";
                String name = entry.name();
                if (name == null) {
                    if (!files.readsRawNames()) {
                        String reading = entry.gbkReading() == null ? ""
                                : " (read as GBK: '" + entry.gbkReading() + "')";
                        put(new Problem(prefix + entry.rawName(), "NAME_NOT_UTF8", label(prefix + entry.rawName())
                                + ": the name is not valid UTF-8" + reading + ", so this tool cannot open it on this"
                                + " platform; acquire the folder on Linux or from a disk image"));
                        continue;
                    }
                    // a Chinese system's GBK name, read as such; other bytes keep their escapes
                    name = entry.gbkReading() != null ? entry.gbkReading() : entry.rawName();
                }
                String locator = prefix + name;
                Place place = dir.place().child(entry);
                EntryStat stat;
                try {
                    stat = stat(place);
                } catch (IOException e) {
                    put(problem(locator, e, "its metadata could not be read"));
                    continue;
                }
                Map<String, Object> attributes = stat.attributes();
                if (place.raw() != null) {
                    attributes.put("rawPath", rawPathBelowRoot(place));
                }
                if (entry.raw() != null) {
                    attributes.put("nameEncoding", entry.gbkReading() != null ? "GB18030" : "unknown");
                    attributes.put("rawName", HexFormat.of().formatHex(entry.raw()));
                }
                if (stat.kind() == ArtifactKind.FILE) {
                    progress.discovered(1, stat.size());
                    submit(place, locator, name, dir.locator(), stat, attributes);
                    continue;
                }
                progress.discovered(1, 0);
                switch (stat.kind()) {
                    case DIRECTORY -> {
                        if (!Objects.equals(stat.device(), device)) {
                            attributes.put("mountPoint", true);
                            emit(entry(ArtifactKind.DIRECTORY, locator, name, stat, null, attributes),
                                    dir.locator(), new Problem(locator, "NOT_DESCENDED", label(locator)
                                            + ": another file system is mounted here and was not walked; acquire it"
                                            + " as a source of its own"));
                        } else {
                            emit(entry(ArtifactKind.DIRECTORY, locator, name, stat, null, attributes),
                                    dir.locator(), null);
                            subdirectories.add(new Dir(place, locator));
                        }
                    }
                    case SYMLINK -> emitLink(place, locator, name, dir.locator(), stat, attributes);
                    default -> emit(entry(ArtifactKind.SPECIAL, locator, name, stat, null, attributes),
                            dir.locator(), null);
                }
                progress.finishedItems(1);
            }
            for (int i = subdirectories.size() - 1; i >= 0; i--) {
                pending.push(subdirectories.get(i));
            }
        }
    }

    private void emitLink(Place place, String locator, String name, String parent, EntryStat stat,
            Map<String, Object> attributes) {
        String target;
        try {
            // readlink(2) updates the link's own access time, which no open flag prevents; the
            // time recorded is the one stat gave before
            target = place.raw() == null ? Files.readSymbolicLink(place.path()).toString()
                    : text(files.readLinkRaw(place.raw()));
        } catch (IOException e) {
            put(problem(locator, e, "the link's target could not be read"));
            return;
        }
        // judged where the link stands in the source, which holds for names Java cannot open too
        Path standing = root.resolve(locator.substring(1)).getParent();
        Path resolved = standing.resolve(target).normalize();
        attributes.put("pointsOutsideSource", !resolved.startsWith(root));
        emit(entry(ArtifactKind.SYMLINK, locator, name, stat, null, attributes, false, target), parent, null);
    }

    private void submit(Place place, String locator, String name, String parent, EntryStat stat,
            Map<String, Object> attributes) throws InterruptedException {
        permits.acquire();
        try {
            workers.execute(() -> hashFile(place, locator, name, parent, stat, attributes));
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    // ------------------------------------------------------------------ hashing threads

    private void hashFile(Place place, String locator, String name, String parent, EntryStat before,
            Map<String, Object> attributes) {
        try {
            if (cancelled) {
                return;
            }
            ObjectStore.Pending pending = copy ? theCase.objects().begin() : null;
            try {
                FileHasher.Hashed hashed = hasher.hash(place.raw() == null ? files.open(place.path())
                        : files.openRaw(place.raw()), before.size(), pending);
                String sha256 = hashed.digests().get(HashAlgorithm.SHA256);
                EntryStat after = statOrNull(place);
                boolean changed = after == null || !before.sameAs(after) || hashed.bytesRead() != before.size();
                boolean stored = false;
                if (pending != null && !changed) {
                    try {
                        pending.commit(sha256);
                    } catch (IOException e) {
                        throw new CopyFailedException(e);
                    }
                    stored = true;
                }
                if (!hashed.accessTimeKept()) {
                    attributes.put("accessTimeKept", false);
                }
                Problem problem = null;
                if (changed) {
                    attributes.put("changedWhileRead", true);
                    attributes.put("bytesRead", hashed.bytesRead());
                    problem = new Problem(locator, "CHANGED", label(locator) + ": the file changed while it was read ("
                            + before.size() + " bytes listed, " + hashed.bytesRead() + " read); the hash recorded is"
                            + " of the bytes read and may not match the file now; acquire again from a quiet copy");
                }
                emit(entry(ArtifactKind.FILE, locator, name, before, Hashes.of(hashed.digests()), attributes,
                        stored, null), parent, problem);
            } finally {
                if (pending != null) {
                    pending.close();
                }
            }
        } catch (CopyFailedException e) {
            fatal.compareAndSet(null, new HuisuException(ExitStatus.UNREADABLE_INPUT, Messages.core(
                    "acquire.copyFailed", theCase.folder().objects(), label(locator), e.getMessage()), e));
            cancelled = true;
        } catch (IOException e) {
            emit(entry(ArtifactKind.FILE, locator, name, before, null, attributes), parent,
                    problem(locator, e, "it could not be read, so it has no hash"));
        } catch (RuntimeException | Error e) {
            fatal.compareAndSet(null, e);
            cancelled = true;
        } finally {
            progress.finishedItems(1);
            permits.release();
        }
    }

    private static EntryStat statOrNull(Path path) {
        try {
            return EntryStat.of(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** A link target's bytes as text: UTF-8, else GBK (GB18030), else UTF-8 with replacements. */
    private static String text(byte[] bytes) {
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8,
                java.nio.charset.Charset.forName("GB18030"))) {
            try {
                return charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                // try the next
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private EntryStat statOrNull(Place place) {
        try {
            return stat(place);
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private Artifact entry(ArtifactKind kind, String locator, String name, EntryStat stat, Hashes hashes,
            Map<String, Object> attributes) {
        return entry(kind, locator, name, stat, hashes, attributes, false, null);
    }

    private Artifact entry(ArtifactKind kind, String locator, String name, EntryStat stat, Hashes hashes,
            Map<String, Object> attributes, boolean stored, String linkTarget) {
        return new Artifact(null, source.id(), null, kind, locator, name,
                kind == ArtifactKind.FILE ? stat.size() : null, hashes == null ? Hashes.NONE : hashes, null,
                stat.times(), stat.ownership(), linkTarget, stored, attributes);
    }

    private void emit(Artifact artifact, String parent, Problem problem) {
        put(new Found(artifact, parent, problem));
    }

    private void put(Item item) {
        try {
            while (!cancelled || item instanceof End) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (cancelled && item instanceof End) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Problem problem(String locator, IOException e, String consequence) {
        String where = label(locator);
        if (e instanceof NoSuchFileException) {
            return new Problem(locator, "VANISHED", where + ": it vanished after the folder was listed; "
                    + consequence + ". The evidence is changing: acquire from a quiet copy or an image");
        }
        if (e instanceof AccessDeniedException) {
            return new Problem(locator, "PERMISSION_DENIED", where + ": permission denied; " + consequence
                    + ". Run Huisu as a user who may read the evidence");
        }
        return new Problem(locator, "READ_ERROR", where + ": " + e.getMessage() + "; " + consequence);
    }

    private String label(String locator) {
        return source.label() + ":" + locator;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
