package org.huisu.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.Timestamps;
import org.huisu.core.Tool;
import org.huisu.core.acquire.Acquisition;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Phase;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Acquires a bucket (or a prefix of it) read-only over the S3 protocol, as a source like any other:
 * every object — every version and delete marker where the bucket keeps versions — becomes a
 * CLOUD_OBJECT artifact with its key, size, ETag, last-modified time, storage class, version and
 * owner; the selected objects' bytes are hashed into the case's object store (and checked against
 * their size and, for single-part uploads, their ETag); the bucket's own settings, the listing
 * manifest's hash and the custody record (endpoint, bucket, prefix, key id only) are recorded. All
 * of it in one transaction, so the source is recorded whole or not at all; downloads already filed
 * are remembered in a journal, so running the same command after an interruption resumes.
 */
public final class CloudInspection {

    /** The plugin name on the errors inspection records. */
    static final String PLUGIN = "s3-inspect";

    private static final int ERRORS_IN_RESULT = 20;
    private static final int BATCH = 512;
    private static final int BUFFER = 1 << 16;

    private final Case theCase;
    private final Progress progress;

    public CloudInspection(Case theCase, Progress progress) {
        this.theCase = theCase;
        this.progress = progress;
    }

    /** What to inspect and how; {@code label} null takes the bucket's name. */
    public record Request(String locator, ReadOnlyS3.Endpoint endpoint, S3Credentials credentials, String label,
            KeySelection selection, boolean again, String examiner, ZoneId zone) {
    }

    /** What the listing held and what was done with it. */
    public record Counts(long objects, long olderVersions, long deleteMarkers, long placeholders, long downloaded,
            long resumed, long notDownloaded, long bytesListed, long bytesDownloaded, long errors) {

        public long entries() {
            return objects + olderVersions + deleteMarkers + placeholders;
        }
    }

    public record Result(Source source, Counts counts, BucketSettings settings, List<ExtractionError> errors,
            Duration elapsed, Map<String, Long> requests, long retries, List<Source> sameManifest) {
    }

    public Result run(Request request) {
        S3Locator locator = S3Locator.parse(request.locator());
        String label = request.label() != null ? request.label() : locator.bucket();
        Acquisition.checkLabel(theCase, label);
        Instant started = Instant.now();
        try (ReadOnlyS3 s3 = new ReadOnlyS3(request.endpoint(), request.credentials())) {
            s3.checkBucket(locator.bucket());
            BucketSettings settings = BucketSettings.read(s3, locator.bucket());
            ResumeJournal journal = ResumeJournal.open(theCase.folder().resumeJournals(), locator);
            Result result;
            try {
                result = theCase.store().inTransaction(
                        () -> new Run(s3, request, locator, label, settings, journal, started).inspect());
            } finally {
                journal.close();
            }
            journal.delete();
            return result;
        } catch (Exception e) {
            if (Acquisition.diskFull(e)) {
                throw new HuisuException(ExitStatus.UNREADABLE_INPUT, CloudMessages.text("error.diskFull",
                        theCase.folder().root(), theCase.folder().root().toFile().getUsableSpace() >> 20), e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        } finally {
            progress.close();
        }
    }

    // ------------------------------------------------------------------ one run

    /** What the lister and the downloaders hand the writer. */
    private sealed interface Item permits Found, End {
    }

    /**
     * A listed entry, with its bytes' hashes when they were fetched (or found from an earlier run),
     * why they were not, and the problems met.
     */
    private record Found(ListedObject object, Hashes hashes, boolean stored, boolean resumed, String skipped,
            Map<String, Object> checks, List<Problem> problems) implements Item {
    }

    private record Problem(String code, String message) {
    }

    private record End() implements Item {
    }

    private final class Run {
        private final ReadOnlyS3 s3;
        private final Request request;
        private final S3Locator locator;
        private final String label;
        private final BucketSettings settings;
        private final ResumeJournal journal;
        private final Instant started;
        private final ObjectStore objects = theCase.objects();
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4096);
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        private final Semaphore permits;
        private final ExecutorService downloads;
        private volatile boolean cancelled;
        private String listing = "ListObjectsV2";

        private long objectsSeen;
        private long olderVersions;
        private long deleteMarkers;
        private long placeholders;
        private long downloaded;
        private long resumed;
        private long notDownloaded;
        private long bytesListed;
        private long bytesDownloaded;
        private long errors;

        Run(ReadOnlyS3 s3, Request request, S3Locator locator, String label, BucketSettings settings,
                ResumeJournal journal, Instant started) {
            this.s3 = s3;
            this.request = request;
            this.locator = locator;
            this.label = label;
            this.settings = settings;
            this.journal = journal;
            this.started = started;
            int connections = request.endpoint().connections();
            this.permits = new Semaphore(connections * 2);
            this.downloads = Executors.newFixedThreadPool(connections, r -> {
                Thread t = new Thread(r, "huisu-s3-get");
                t.setDaemon(true);
                return t;
            });
        }

        Result inspect() throws Exception {
            CaseStore store = theCase.store();
            Source source = store.insertSource(new Source(null, label, SourceKind.S3, locator.uri(),
                    request.examiner(), started, Timestamps.localOffset(started), 0, 0, 0,
                    EnumSet.of(HashAlgorithm.SHA256, HashAlgorithm.MD5), null, true, Map.of()));
            Thread lister = new Thread(this::list, "huisu-s3-list");
            lister.setDaemon(true);
            lister.start();
            try {
                write(store, source);
            } finally {
                cancelled = true;
                queue.clear();
                permits.release(downloads.shutdownNow().size());
                lister.interrupt();
                lister.join();
                downloads.awaitTermination(1, TimeUnit.MINUTES);
            }
            progress.close();
            objects.flushToDisk();

            ListingManifest manifest = new ListingManifest(objects);
            try {
                store.forEachArtifact(source.id(), manifest::add);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            String manifestSha256 = manifest.finish();
            List<Source> same = store.sourcesWithManifest(manifestSha256);
            if (!same.isEmpty() && !request.again()) {
                Source first = same.get(0);
                throw HuisuException.usage(CloudMessages.text("inspect.duplicate", locator.uri(), first.label(),
                        Timestamps.forDisplay(Timestamps.format(first.acquired())), manifestSha256));
            }

            Instant finished = Instant.now();
            Duration elapsed = Duration.between(started, finished);
            Counts counts = new Counts(objectsSeen, olderVersions, deleteMarkers, placeholders, downloaded, resumed,
                    notDownloaded, bytesListed, bytesDownloaded, errors);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("endpoint", request.endpoint().display());
            attributes.put("bucket", locator.bucket());
            attributes.put("prefix", locator.prefix());
            attributes.put("region", request.endpoint().region());
            attributes.put("addressing", request.endpoint().pathStyle() ? "path-style" : "virtual-hosted");
            attributes.put("keyId", request.credentials().keyId());
            attributes.put("listing", listing);
            attributes.put("objects", counts.objects());
            attributes.put("olderVersions", counts.olderVersions());
            attributes.put("deleteMarkers", counts.deleteMarkers());
            attributes.put("placeholders", counts.placeholders());
            attributes.put("downloaded", counts.downloaded() + counts.resumed());
            attributes.put("notDownloaded", counts.notDownloaded());
            attributes.put("bytesListed", counts.bytesListed());
            attributes.put("bucketSettings", settings.json());
            attributes.put("timezone", request.zone().getId());
            long items = counts.entries();
            store.sealSource(source.id(), items, counts.bytesDownloaded(), counts.errors(), manifestSha256,
                    attributes);

            Map<String, Object> details = new LinkedHashMap<>(attributes);
            details.put("given", request.locator());
            details.put("kind", SourceKind.S3.cliName());
            details.put("temporaryCredentials", request.credentials().temporary());
            details.put("connections", request.endpoint().connections());
            if (!request.selection().includes().isEmpty()) {
                details.put("include", request.selection().includes());
            }
            if (!request.selection().excludes().isEmpty()) {
                details.put("exclude", request.selection().excludes());
            }
            if (request.selection().maxBytes() != Long.MAX_VALUE) {
                details.put("maxBytes", request.selection().maxBytes());
            }
            details.put("resumed", counts.resumed());
            details.put("bytes", counts.bytesDownloaded());
            details.put("errors", counts.errors());
            details.put("requests", s3.requestsSent());
            details.put("retries", s3.retries());
            details.put("seconds", elapsed.toMillis() / 1000.0);
            details.put("finished", Timestamps.format(finished));
            details.put("manifestObject", theCase.folder().root().relativize(objects.path(manifestSha256)).toString());
            if (!same.isEmpty()) {
                details.put("sameManifestAs", same.stream().map(Source::label).toList());
            }
            store.insertCustody(new Custody(null, source.id(), Acquisition.ACQUIRED, request.examiner(), Tool.osUser(),
                    Tool.machine(), Tool.nameAndVersion(), started, Timestamps.localOffset(started), locator.uri(),
                    manifestSha256, details));
            Source sealed = store.source(source.id()).orElseThrow();
            return new Result(sealed, counts, settings, store.errors(source.id(), ERRORS_IN_RESULT), elapsed,
                    s3.requestsSent(), s3.retries(), same);
        }

        // -------------------------------------------------------------- lister thread

        private void list() {
            try {
                if (settings.versioned()) {
                    listVersions();
                } else {
                    listCurrent();
                }
                progress.discoveryComplete();
                // every download handed back its permit: all are in the queue
                permits.acquire(request.endpoint().connections() * 2);
                put(new End());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                fatal.compareAndSet(null, t);
            }
        }

        private void listCurrent() throws InterruptedException {
            String token = null;
            String last = null;
            do {
                ListObjectsV2Response page = s3.listObjects(locator.bucket(), locator.prefix(), token, null);
                if (goesBack(page, last)) {
                    // some servers (s3proxy 2.6 with URL-encoded keys) hand back a token that starts
                    // the listing again: ask for the keys after the last one instead
                    page = s3.listObjects(locator.bucket(), locator.prefix(), null, last);
                    if (goesBack(page, last)) {
                        throw new HuisuException(ExitStatus.UNREADABLE_INPUT, CloudMessages.text("error.listingLoops",
                                locator.uri(), request.endpoint().display(), last));
                    }
                }
                for (S3Object o : page.contents()) {
                    take(new ListedObject(o.key(), null, true, false, o.size() == null ? 0 : o.size(),
                            ListedObject.unquote(o.eTag()), o.lastModified(), o.storageClassAsString(), owner(o.owner())));
                    last = o.key();
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && !cancelled);
        }

        /** Whether a page lists a key at or before the last one listed: S3 lists in UTF-8 byte order. */
        private static boolean goesBack(ListObjectsV2Response page, String last) {
            return last != null && !page.contents().isEmpty()
                    && KeyOrder.compare(page.contents().get(0).key(), last) <= 0;
        }

        private void listVersions() throws InterruptedException {
            listing = "ListObjectVersions";
            String keyMarker = null;
            String versionMarker = null;
            do {
                ListObjectVersionsResponse page;
                try {
                    page = s3.listVersions(locator.bucket(), locator.prefix(), keyMarker, versionMarker);
                } catch (RuntimeException e) {
                    throw s3.translate(e, locator.bucket(), null);
                }
                // versions and delete markers come in two lists; each in key order, newest first
                List<ListedObject> entries = new ArrayList<>();
                for (ObjectVersion v : page.versions()) {
                    entries.add(new ListedObject(v.key(), v.versionId(), Boolean.TRUE.equals(v.isLatest()), false,
                            v.size() == null ? 0 : v.size(), ListedObject.unquote(v.eTag()), v.lastModified(),
                            v.storageClassAsString(), owner(v.owner())));
                }
                for (DeleteMarkerEntry d : page.deleteMarkers()) {
                    entries.add(new ListedObject(d.key(), d.versionId(), Boolean.TRUE.equals(d.isLatest()), true, 0,
                            null, d.lastModified(), null, owner(d.owner())));
                }
                for (ListedObject o : entries) {
                    take(o);
                }
                boolean more = Boolean.TRUE.equals(page.isTruncated());
                keyMarker = more ? page.nextKeyMarker() : null;
                versionMarker = more ? page.nextVersionIdMarker() : null;
            } while (keyMarker != null && !cancelled);
        }

        private String owner(Owner o) {
            if (o == null) {
                return null;
            }
            return o.displayName() != null && !o.displayName().isEmpty() ? o.displayName() : o.id();
        }

        /** Decides what to do with one listed entry: fetch it, take it from an earlier run, or list it only. */
        private void take(ListedObject o) throws InterruptedException {
            progress.discovered(1, 0);
            if (o.deleteMarker() || o.placeholder()) {
                put(new Found(o, null, false, false, null, Map.of(), List.of()));
                return;
            }
            String skipped = request.selection().skipReason(o.key(), o.size());
            if (skipped != null) {
                put(new Found(o, null, false, false, skipped, Map.of(), List.of()));
                return;
            }
            progress.discovered(0, o.size());
            ResumeJournal.Done earlier = journal.earlier(o);
            if (earlier != null && objects.contains(earlier.sha256()) && storedSize(earlier.sha256()) == o.size()) {
                progress.processedBytes(o.size());
                put(new Found(o, new Hashes(earlier.sha256(), earlier.md5(), null), true, true, null,
                        checks(o, earlier.md5(), o.etag()), List.of()));
                return;
            }
            permits.acquire();
            try {
                downloads.execute(() -> {
                    try {
                        put(download(o));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                        fatal.compareAndSet(null, t);
                    } finally {
                        permits.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                permits.release();
            }
        }

        private long storedSize(String sha256) {
            try {
                return java.nio.file.Files.size(objects.path(sha256));
            } catch (IOException e) {
                return -1;
            }
        }

        private void put(Item item) throws InterruptedException {
            while (!cancelled) {
                if (queue.offer(item, 200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        // -------------------------------------------------------------- downloader threads

        private Found download(ListedObject o) throws IOException {
            String version = settings.versioned() ? o.versionId() : null;
            Digests digests = new Digests(EnumSet.of(HashAlgorithm.SHA256, HashAlgorithm.MD5));
            long read = 0;
            String etagReceived;
            try (ResponseInputStream<GetObjectResponse> in = s3.get(locator.bucket(), o.key(), version);
                    ObjectStore.Pending pending = objects.begin()) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = readFully(in, buffer)) > 0; ) {
                    digests.update(buffer, 0, n);
                    pending.write(ByteBuffer.wrap(buffer, 0, n));
                    read += n;
                    progress.processedBytes(n);
                }
                etagReceived = ListedObject.unquote(in.response().eTag());
                Map<HashAlgorithm, String> hashes = digests.finish();
                String sha256 = hashes.get(HashAlgorithm.SHA256);
                pending.commit(sha256, false);
                List<Problem> problems = new ArrayList<>();
                if (read != o.size()) {
                    problems.add(new Problem("SIZE_CHANGED", CloudMessages.text("object.sizeChanged", o.key(),
                            o.size(), read)));
                }
                Map<String, Object> checks = checks(o, hashes.get(HashAlgorithm.MD5), etagReceived);
                if (Boolean.FALSE.equals(checks.get("etagMatchesBytes"))) {
                    problems.add(new Problem("ETAG_MISMATCH", CloudMessages.text("object.etagMismatch", o.key(),
                            o.etag(), hashes.get(HashAlgorithm.MD5))));
                } else if (etagReceived != null && o.etag() != null && !etagReceived.equals(o.etag())) {
                    problems.add(new Problem("CHANGED_SINCE_LISTING", CloudMessages.text("object.changed", o.key(),
                            o.etag(), etagReceived)));
                }
                if (problems.isEmpty()) {
                    journal.record(new ResumeJournal.Done(o.locator(), o.size(), o.etag(), sha256,
                            hashes.get(HashAlgorithm.MD5)));
                }
                return new Found(o, Hashes.of(hashes), true, false, null, checks, problems);
            } catch (RuntimeException e) {
                if (ReadOnlyS3.unreachable(e)) {
                    // the endpoint stopped answering, retries spent: stop; the journal lets a rerun resume
                    throw new HuisuException(ExitStatus.UNREADABLE_INPUT, CloudMessages.text("error.lost",
                            request.endpoint().display(), ReadOnlyS3.rootMessage(e)), e);
                }
                String code = ReadOnlyS3.errorCode(e);
                int status = ReadOnlyS3.status(e);
                Problem p;
                if ("NoSuchKey".equals(code) || "NoSuchVersion".equals(code) || status == 404) {
                    p = new Problem("VANISHED", CloudMessages.text("object.vanished", o.key()));
                } else if (status == 403) {
                    p = new Problem("DENIED", CloudMessages.text("object.denied", o.key(),
                            request.credentials().keyId(), ReadOnlyS3.rootMessage(e)));
                } else {
                    p = new Problem("UNREADABLE", CloudMessages.text("object.unreadable", o.key(),
                            ReadOnlyS3.rootMessage(e)));
                }
                return new Found(o, null, false, false, null, Map.of(), List.of(p));
            }
        }

        private static int readFully(InputStream in, byte[] buffer) throws IOException {
            int filled = 0;
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        }

        /** What the bytes say about the ETag: a single-part upload's ETag is their MD5. */
        private Map<String, Object> checks(ListedObject o, String md5, String etagReceived) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (o.etagIsMd5() && md5 != null) {
                m.put("etagMatchesBytes", o.etag().equalsIgnoreCase(md5));
            } else if (o.etag() != null && o.etag().contains("-")) {
                m.put("etagMatchesBytes", "multipart upload: the ETag is not the bytes' MD5");
            }
            return m;
        }

        // -------------------------------------------------------------- writer (calling thread)

        private void write(CaseStore store, Source source) throws InterruptedException {
            List<Artifact> batch = new ArrayList<>(BATCH);
            while (true) {
                Item item = queue.poll(200, TimeUnit.MILLISECONDS);
                rethrowFatal();
                if (item == null) {
                    continue;
                }
                if (item instanceof End) {
                    store.insertArtifacts(batch);
                    return;
                }
                Found f = (Found) item;
                Artifact a = artifact(source, f);
                count(f);
                progress.finishedItems(1);
                if (f.problems().isEmpty()) {
                    batch.add(a);
                    if (batch.size() >= BATCH) {
                        store.insertArtifacts(batch);
                        batch.clear();
                    }
                    continue;
                }
                store.insertArtifacts(batch);
                batch.clear();
                long id = store.insertArtifact(a);
                for (Problem p : f.problems()) {
                    errors++;
                    store.insertError(new ExtractionError(null, source.id(), id, a.locator(), Phase.ACQUIRE, PLUGIN,
                            p.code(), p.message(), Instant.now()));
                }
            }
        }

        private Artifact artifact(Source source, Found f) {
            ListedObject o = f.object();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("bucket", locator.bucket());
            attributes.put("key", o.key());
            if (o.etag() != null) {
                attributes.put("etag", o.etag());
            }
            if (o.versionId() != null) {
                attributes.put("versionId", o.versionId());
                attributes.put("latest", o.latest());
            }
            if (o.deleteMarker()) {
                attributes.put("deleteMarker", true);
            }
            if (o.placeholder()) {
                attributes.put("folderPlaceholder", true);
            }
            if (o.storageClass() != null) {
                attributes.put("storageClass", o.storageClass());
            }
            if (o.owner() != null) {
                attributes.put("owner", o.owner());
            }
            if (f.skipped() != null) {
                attributes.put("notDownloaded", f.skipped());
            }
            if (f.resumed()) {
                attributes.put("resumed", true);
            }
            attributes.putAll(f.checks());
            String name = o.key().endsWith("/") ? o.key() : o.key().substring(o.key().lastIndexOf('/') + 1);
            ArtifactKind kind = o.placeholder() ? ArtifactKind.DIRECTORY : ArtifactKind.CLOUD_OBJECT;
            return new Artifact(null, source.id(), null, kind, o.locator(), name,
                    o.deleteMarker() ? null : o.size(), f.hashes() == null ? Hashes.NONE : f.hashes(), null,
                    new FileTimes(o.lastModified(), null, null, null), null, null, f.stored(), attributes);
        }

        private void count(Found f) {
            ListedObject o = f.object();
            if (o.deleteMarker()) {
                deleteMarkers++;
                return;
            }
            if (o.placeholder()) {
                placeholders++;
                return;
            }
            if (o.latest()) {
                objectsSeen++;
            } else {
                olderVersions++;
            }
            bytesListed += o.size();
            if (f.resumed()) {
                resumed++;
                bytesDownloaded += o.size();
            } else if (f.stored()) {
                downloaded++;
                bytesDownloaded += o.size();
            } else if (f.skipped() != null) {
                notDownloaded++;
            }
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
    }
}
