package org.huisu.core.acquire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.i18n.Messages;
import org.huisu.core.Timestamps;
import org.huisu.core.Tool;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Custody;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;
import org.huisu.core.store.StoreException;

/**
 * Registers an evidence source: walks it read-only, hashes every regular file once, records each
 * entry as an artifact with its metadata, seals the whole with a manifest hash and writes the
 * custody record — all in one database transaction, so an acquisition is recorded whole or not at
 * all. Unreadable items are recorded as extraction errors and the walk goes on.
 */
public final class Acquisition {

    /** Custody event of a first (or repeated) acquisition. */
    public static final String ACQUIRED = "ACQUIRED";

    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");
    private static final int ERRORS_IN_RESULT = 20;

    private final Case theCase;
    private final EvidenceFiles files;
    private final Progress progress;

    public Acquisition(Case theCase, EvidenceFiles files, Progress progress) {
        this.theCase = theCase;
        this.files = files;
        this.progress = progress;
    }

    /** What to acquire and how. {@code kind} null means decide by looking; {@code label} null, use the name. */
    public record Request(Path locator, String label, SourceKind kind, Set<HashAlgorithm> algorithms, boolean copy,
            boolean again, int threads, String examiner, ZoneId zone) {

        /** A request that assumes the examining machine's zone for times the evidence writes without one. */
        public Request(Path locator, String label, SourceKind kind, Set<HashAlgorithm> algorithms, boolean copy,
                boolean again, int threads, String examiner) {
            this(locator, label, kind, algorithms, copy, again, threads, examiner, ZoneId.systemDefault());
        }
    }

    /** Entries recorded, by type, and what reading them met. */
    public record Counts(long files, long directories, long links, long special, long bytes, long errors,
            long accessTimesNotKept) {

        public long items() {
            return files + directories + links + special;
        }
    }

    /** The sealed source, its counts, the first errors and how long it took. */
    public record Result(Source source, Counts counts, List<ExtractionError> errors, Duration elapsed,
            Path manifest, List<Source> sameManifest) {
    }

    public Result run(Request request) {
        Path locator = request.locator().toAbsolutePath().normalize();
        if (!Files.exists(locator)) {
            throw HuisuException.unreadable(Messages.core("acquire.missing", locator));
        }
        Path root;
        try {
            root = locator.toRealPath();
        } catch (IOException e) {
            throw HuisuException.unreadable(Messages.core("acquire.unresolvable", locator, e.getMessage()), e);
        }
        String label = request.label() != null ? request.label() : defaultLabel(root);
        checkLabel(theCase, label);
        checkCaseOutsideEvidence(root);
        SourceKind kind = request.kind() != null ? request.kind() : probe(root);
        checkKindFits(kind, root);
        checkReadable(root);

        CaseStore store = theCase.store();
        Instant started = Instant.now();
        try {
            return store.inTransaction(() -> acquire(request, root, label, kind, started));
        } catch (Exception e) {
            if (diskFull(e)) {
                long free = theCase.folder().root().toFile().getUsableSpace();
                throw new HuisuException(ExitStatus.UNREADABLE_INPUT,
                        Messages.core("acquire.diskFull", theCase.folder().root(), free >> 20), e);
            }
            if (e instanceof RuntimeException r) {
                // HuisuException among them: already one sentence for the user
                throw r;
            }
            throw new IllegalStateException(e);
        } finally {
            progress.close();
        }
    }

    private Result acquire(Request request, Path root, String label, SourceKind kind, Instant started)
            throws IOException, InterruptedException {
        CaseStore store = theCase.store();
        Source source = store.insertSource(new Source(null, label, kind, root.toString(), request.examiner(),
                started, Timestamps.localOffset(started), 0, 0, 0, request.algorithms(), null, request.copy(),
                Map.of()));
        TreeWalk walk = new TreeWalk(theCase, files, progress, source, root, request.algorithms(),
                request.copy(), Math.max(1, request.threads()));
        Counts counts = walk.run();
        progress.close();

        Manifest manifest = new Manifest(theCase.objects());
        try {
            store.forEachManifestRow(source.id(), row -> {
                try {
                    manifest.add(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String manifestSha256 = manifest.finish();

        List<Source> same = store.sourcesWithManifest(manifestSha256);
        if (!same.isEmpty() && !request.again()) {
            Source first = same.get(0);
            throw HuisuException.usage(Messages.core("acquire.duplicate", request.locator(), first.label(),
                    Timestamps.forDisplay(Timestamps.format(first.acquired())), manifestSha256));
        }

        Instant finished = Instant.now();
        Duration elapsed = Duration.between(started, finished);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("files", counts.files());
        attributes.put("directories", counts.directories());
        attributes.put("links", counts.links());
        attributes.put("special", counts.special());
        // the zone the evidence's own clocks are assumed to keep, where its times carry none
        attributes.put("timezone", request.zone().getId());
        if (counts.accessTimesNotKept() > 0) {
            attributes.put("accessTimesNotKept", counts.accessTimesNotKept());
        }
        store.sealSource(source.id(), counts.items(), counts.bytes(), counts.errors(), manifestSha256, attributes);

        Map<String, Object> details = new LinkedHashMap<>(attributes);
        details.put("given", request.locator().toString());
        details.put("kind", kind.cliName());
        details.put("hash", HashAlgorithm.labels(request.algorithms()));
        details.put("copy", request.copy());
        details.put("threads", request.threads());
        details.put("reader", files.description());
        details.put("bytes", counts.bytes());
        details.put("errors", counts.errors());
        details.put("seconds", elapsed.toMillis() / 1000.0);
        details.put("finished", Timestamps.format(finished));
        details.put("manifestObject", theCase.folder().root().relativize(
                theCase.objects().path(manifestSha256)).toString());
        if (counts.links() > 0) {
            details.put("linkAccessTimes", "reading a symbolic link's target updates the link's own access time;"
                    + " the access time recorded for each link is the one it had before");
        }
        if (!same.isEmpty()) {
            details.put("sameManifestAs", same.stream().map(Source::label).toList());
        }
        store.insertCustody(new Custody(null, source.id(), ACQUIRED, request.examiner(), Tool.osUser(),
                Tool.machine(), Tool.nameAndVersion(), started, Timestamps.localOffset(started), root.toString(),
                manifestSha256, details));

        Source sealed = store.source(source.id()).orElseThrow();
        return new Result(sealed, counts, store.errors(source.id(), ERRORS_IN_RESULT), elapsed,
                theCase.objects().path(manifestSha256), same);
    }

    private static String defaultLabel(Path root) {
        Path name = root.getFileName();
        String text = name == null ? "root" : name.toString().replaceAll("[^\\p{L}\\p{N}._-]", "-");
        return text.isEmpty() || !LABEL.matcher(text).matches() ? "source" : text;
    }

    /** Refuses a label that is not a word or that another source of the case already has. */
    public static void checkLabel(Case theCase, String label) {
        if (!LABEL.matcher(label).matches()) {
            throw HuisuException.usage(Messages.core("acquire.badLabel", label));
        }
        theCase.store().sourceByLabel(label).ifPresent(existing -> {
            throw HuisuException.usage(Messages.core("acquire.labelTaken", label, existing.id(),
                    existing.locator()));
        });
    }

    private void checkCaseOutsideEvidence(Path root) {
        Path caseRoot;
        try {
            caseRoot = theCase.folder().root().toRealPath();
        } catch (IOException e) {
            caseRoot = theCase.folder().root();
        }
        if (caseRoot.startsWith(root) || root.startsWith(caseRoot)) {
            throw HuisuException.usage(Messages.core("acquire.overlap", root, caseRoot));
        }
    }

    private SourceKind probe(Path root) {
        try {
            return new SourceKindProbe(files).probe(root);
        } catch (AccessDeniedException e) {
            throw HuisuException.unreadable(Messages.core("acquire.permissionDenied", root), e);
        } catch (IOException e) {
            throw HuisuException.unreadable(Messages.core("acquire.unreadable", root, e.getMessage()), e);
        }
    }

    private static void checkKindFits(SourceKind kind, Path root) {
        boolean directory = Files.isDirectory(root);
        switch (kind) {
            case DIRECTORY, ANDROID, LOGS -> {
                if (!directory) {
                    throw HuisuException.usage(Messages.core("acquire.kindNeedsFolder", root, kind.cliName()));
                }
            }
            case FILE, ARCHIVE, DISK_IMAGE -> {
                if (directory) {
                    throw HuisuException.usage(Messages.core("acquire.kindNeedsFile", root, kind.cliName()));
                }
            }
            case S3 -> throw HuisuException.usage(Messages.core("acquire.kindS3", root));
        }
    }

    private void checkReadable(Path root) {
        try {
            if (Files.isDirectory(root)) {
                files.list(root);
            } else {
                files.open(root).close();
            }
        } catch (AccessDeniedException e) {
            throw HuisuException.unreadable(Messages.core("acquire.permissionDenied", root), e);
        } catch (NoSuchFileException e) {
            throw HuisuException.unreadable(Messages.core("acquire.vanished", root), e);
        } catch (IOException e) {
            throw HuisuException.unreadable(Messages.core("acquire.unreadable", root, e.getMessage()), e);
        }
    }

    /** Whether the failure was the case's disk filling up. */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException s && s.diskFull()) {
                return true;
            }
            String message = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (message != null && message.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
