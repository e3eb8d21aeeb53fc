package org.huisu.core.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.huisu.core.HuisuException;
import org.huisu.core.acquire.EvidenceFiles;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Source;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;

/**
 * {@code huisu analyze}: runs every extractor on every artifact that it accepts and has not yet
 * dealt with, children included, over a pool of threads, until nothing is left to do. Idempotent
 * (what is done stays done), resumable (an interrupted run is undone where it stopped and done
 * again), and bounded in memory (artifacts are read page by page; output reaches the database in
 * batches through one writer).
 */
public final class Analysis {

    private static final int PAGE = 500;

    private final Case theCase;
    private final List<Extractor> extractors;
    private final EvidenceFiles files;
    private final Progress progress;

    public Analysis(Case theCase, List<Extractor> extractors, EvidenceFiles files, Progress progress) {
        this.theCase = theCase;
        this.extractors = extractors.stream().sorted(Comparator.comparingInt(Extractor::order)
                .thenComparing(Extractor::name)).toList();
        this.files = files;
        this.progress = progress;
    }

    /** Every extractor and detector on the class path, by order and name. */
    public static List<Extractor> discover() {
        List<Extractor> all = new ArrayList<>();
        ServiceLoader.load(Extractor.class).forEach(all::add);
        ServiceLoader.load(Detector.class).forEach(all::add);
        all.sort(Comparator.comparingInt(Extractor::order).thenComparing(Extractor::name));
        return all;
    }

    /** The extractors {@code --only} and {@code --skip} leave; an unknown name is a usage error. */
    public static List<Extractor> select(List<Extractor> all, Set<String> only, Set<String> skip) {
        Set<String> known = new LinkedHashSet<>();
        all.forEach(e -> known.add(e.name()));
        for (String name : union(only, skip)) {
            if (!known.contains(name)) {
                throw HuisuException.usage("there is no extractor named '" + name + "'; the extractors are: "
                        + String.join(", ", known));
            }
        }
        return all.stream().filter(e -> only.isEmpty() || only.contains(e.name()))
                .filter(e -> !skip.contains(e.name())).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** What a run did. */
    public record Summary(long items, Map<String, Long> runs, Map<String, Long> rows, long failed, int passes,
            Duration elapsed) {
    }

    public Summary run(int threads) {
        long start = System.nanoTime();
        try (FileChannel lockFile = FileChannel.open(theCase.folder().analysisLock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw HuisuException.usage("another 'huisu analyze' is running on " + theCase.folder().root()
                        + "; wait for it to finish");
            }
            clear(theCase.folder().workspace());
            return analyse(Math.max(1, threads), start);
        } catch (IOException e) {
            throw HuisuException.unreadable(theCase.folder().root() + ": cannot prepare the analysis ("
                    + e.getMessage() + "); check that the case folder is writable", e);
        } finally {
            progress.close();
        }
    }

    private Summary analyse(int threads, long start) throws IOException {
        Map<String, Long> runs = new ConcurrentHashMap<>();
        Map<String, Long> rows = new ConcurrentHashMap<>();
        AtomicLong items = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Map<Long, Source> sources = new HashMap<>();
        theCase.store().sources().forEach(s -> sources.put(s.id(), s));
        int passes = 0;
        try (CaseStore reader = theCase.newConnection(); Writer writer = new Writer(theCase.store())) {
            recover(reader, writer);
            AtomicLong artifactIds = new AtomicLong(reader.maxId("artifacts"));
            AtomicLong activityIds = new AtomicLong(reader.maxId("activities"));
            CaseItem.Context context = new CaseItem.Context(reader, theCase.objects(), files,
                    theCase.folder().workspace());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "huisu-extract");
                t.setDaemon(true);
                return t;
            });
            int permits = threads * 4;
            Semaphore inFlight = new Semaphore(permits);
            Set<Long> inProgress = ConcurrentHashMap.newKeySet();
            try {
                boolean again = true;
                while (again) {
                    passes++;
                    boolean worked = false;
                    boolean deferred = false;
                    long cursor = 0;
                    while (true) {
                        List<Artifact> page;
                        Map<Long, Map<String, CaseStore.ProcessingState>> states = new HashMap<>();
                        Map<Long, Long> origins;
                        synchronized (reader) {
                            page = reader.artifactsAfter(cursor, PAGE);
                            if (page.isEmpty()) {
                                break;
                            }
                            long first = page.get(0).id();
                            long last = page.get(page.size() - 1).id();
                            for (CaseStore.ProcessingState s : reader.processing(first, last)) {
                                states.computeIfAbsent(s.artifactId(), k -> new HashMap<>()).put(s.plugin(), s);
                            }
                            origins = reader.origins(first, last);
                        }
                        cursor = page.get(page.size() - 1).id();
                        for (Artifact a : page) {
                            if (fatal.get() != null) {
                                break;
                            }
                            Long origin = origins.get(a.id());
                            if (origin != null && inProgress.contains(origin)) {
                                deferred = true;
                                continue;
                            }
                            CaseItem item = new CaseItem(a, sources.get(a.sourceId()), context);
                            Map<String, CaseStore.ProcessingState> done = states.getOrDefault(a.id(), Map.of());
                            if (!anythingToDo(item, done)) {
                                continue;
                            }
                            worked = true;
                            inProgress.add(a.id());
                            progress.discovered(1, a.size() == null ? 0 : a.size());
                            inFlight.acquire();
                            pool.execute(() -> {
                                try {
                                    process(item, done, writer, artifactIds, activityIds, runs, rows, failed);
                                    items.incrementAndGet();
                                } catch (Throwable t) {
                                    fatal.compareAndSet(null, t);
                                } finally {
                                    // in progress until what it wrote is committed: its children wait for that
                                    try {
                                        writer.submit(List.of(), () -> inProgress.remove(a.id()));
                                    } catch (RuntimeException e) {
                                        fatal.compareAndSet(null, e);
                                        inProgress.remove(a.id());
                                    }
                                    progress.finishedItems(1);
                                    inFlight.release();
                                }
                            });
                        }
                        rethrow(fatal);
                        writer.rethrow();
                    }
                    inFlight.acquire(permits);
                    inFlight.release(permits);
                    while (!inProgress.isEmpty() && fatal.get() == null) {
                        writer.rethrow();
                        Thread.sleep(2);
                    }
                    rethrow(fatal);
                    again = worked || deferred;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("analysis interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
        clear(theCase.folder().workspace());
        return new Summary(items.get(), new TreeMap<>(runs), new TreeMap<>(rows), failed.get(), passes,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether some extractor that takes the item has not yet dealt with it (in its current version). */
    private boolean anythingToDo(CaseItem item, Map<String, CaseStore.ProcessingState> done) {
        for (Extractor e : extractors) {
            if (!finished(done.get(e.name()), e) && e.accepts(item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean finished(CaseStore.ProcessingState state, Extractor e) {
        return state != null && state.version() == e.version()
                && (state.state().equals("DONE") || state.state().equals("FAILED"));
    }

    private void process(CaseItem item, Map<String, CaseStore.ProcessingState> done, Writer writer,
            AtomicLong artifactIds, AtomicLong activityIds, Map<String, Long> runs, Map<String, Long> rows,
            AtomicLong failed) throws IOException {
        try {
            for (Extractor e : extractors) {
                CaseStore.ProcessingState state = done.get(e.name());
                // asked in order: the type found by the first extractors decides what the later ones take
                if (finished(state, e) || !e.accepts(item)) {
                    continue;
                }
                List<Writer.Op> begin = new ArrayList<>();
                if (state != null) {
                    begin.add(new Writer.Reset(item.artifact().id(), e.name()));
                }
                begin.add(new Writer.Begin(item.artifact().id(), e.name(), e.version()));
                writer.submit(begin, null);
                BatchEmitter out = new BatchEmitter(item, e, writer, theCase.objects(), artifactIds, activityIds);
                try {
                    e.extract(item, out);
                    out.finish(null);
                    runs.merge(e.name(), 1L, Long::sum);
                    rows.merge(e.name(), out.written(), Long::sum);
                } catch (RuntimeException | IOException | Error x) {
                    writer.rethrow();
                    failed.incrementAndGet();
                    writer.submit(List.of(new Writer.Abort(item.artifact().id(), item.artifact().sourceId(),
                            item.locator(), e.name(), e.version(), describe(item, e, x))), null);
                } catch (Exception x) {
                    failed.incrementAndGet();
                    writer.submit(List.of(new Writer.Abort(item.artifact().id(), item.artifact().sourceId(),
                            item.locator(), e.name(), e.version(), describe(item, e, x))), null);
                }
            }
        } finally {
            item.cleanUp();
        }
    }

    private static String describe(Item item, Extractor e, Throwable x) {
        String message = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
        return item.reference() + ": the " + e.name() + " extractor failed (" + message
                + "); what it found there was left out and the analysis went on";
    }

    /** Interrupted runs left their work half done: undo it, so that it is done again. */
    private static void recover(CaseStore reader, Writer writer) {
        List<CaseStore.ProcessingState> running;
        synchronized (reader) {
            running = reader.processingIn("RUNNING");
        }
        List<Writer.Op> resets = new ArrayList<>();
        for (CaseStore.ProcessingState s : running) {
            resets.add(new Writer.Reset(s.artifactId(), s.plugin()));
        }
        if (!resets.isEmpty()) {
            writer.submit(resets, null);
        }
    }

    private static void rethrow(AtomicReference<Throwable> fatal) {
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

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
