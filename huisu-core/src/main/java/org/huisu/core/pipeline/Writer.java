package org.huisu.core.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Finding;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Phase;
import org.huisu.core.store.CaseStore;

/**
 * The one thread that writes to the case database during analysis. Extractors on other threads
 * hand it batches; it commits each batch in one transaction, in order. Its queue is bounded, so a
 * fast extractor waits instead of filling memory.
 */
final class Writer implements AutoCloseable {

    /** One change to the case database. */
    sealed interface Op {
    }

    record Begin(long artifactId, String extractor, int version) implements Op {
    }

    record Artifacts(List<Artifact> rows, long originId, String extractor) implements Op {
    }

    record Activities(List<Activity> rows, List<Emitter.ActorKey> actors, long originId) implements Op {
    }

    record Findings(List<Finding> rows) implements Op {
    }

    record Actors(List<Actor> actors, long evidenceId) implements Op {
    }

    record Describe(long artifactId, String mediaType, Map<String, Object> attributes) implements Op {
    }

    record Error(ExtractionError error) implements Op {
    }

    record Done(long artifactId, String extractor, int version) implements Op {
    }

    /** Undoes what the extractor wrote for the artifact and records why. */
    record Abort(long artifactId, long sourceId, String locator, String extractor, int version, String message)
            implements Op {
    }

    /** Removes what an earlier, interrupted or older run wrote, so that the extractor runs afresh. */
    record Reset(long artifactId, String extractor) implements Op {
    }

    private record Batch(List<Op> ops, Runnable afterCommit) {
    }

    private static final Batch END = new Batch(List.of(), null);

    private final CaseStore store;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(64);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<Emitter.ActorKey, Long> actorIds = new HashMap<>();
    private final Thread thread;

    Writer(CaseStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "huisu-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a batch; {@code afterCommit} runs on the writer thread once it is committed. */
    void submit(List<Op> ops, Runnable afterCommit) {
        rethrow();
        try {
            while (!queue.offer(new Batch(List.copyOf(ops), afterCommit), 200, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the case database", e);
        }
    }

    private volatile boolean reported;

    void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            reported = true;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof java.lang.Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Commits what is queued together (group commit): each commit waits for the disk, so one for
     * every small item made the disk the pace of analysis on folders of small files.
     */
    private void run() {
        try {
            List<Batch> batches = new ArrayList<>();
            while (true) {
                batches.clear();
                batches.add(queue.take());
                queue.drainTo(batches);
                int end = -1;
                for (int i = 0; i < batches.size() && end < 0; i++) {
                    end = batches.get(i) == END ? i : -1;
                }
                List<Batch> work = end < 0 ? batches : batches.subList(0, end);
                store.inTransaction(() -> {
                    for (Batch batch : work) {
                        for (Op op : batch.ops()) {
                            apply(op);
                        }
                    }
                    return null;
                });
                for (Batch batch : work) {
                    if (batch.afterCommit() != null) {
                        batch.afterCommit().run();
                    }
                }
                if (end >= 0) {
                    return;
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            queue.clear();
        }
    }

    private void apply(Op op) {
        // (pattern switches are a preview in Java 17: instanceof, in the order ops usually come)
        if (op instanceof Artifacts a) {
            store.insertExtractedArtifacts(a.rows(), a.originId(), a.extractor());
        } else if (op instanceof Activities a) {
            List<Activity> rows = new ArrayList<>(a.rows().size());
            for (int i = 0; i < a.rows().size(); i++) {
                Activity x = a.rows().get(i);
                Emitter.ActorKey key = a.actors().get(i);
                Long actorId = key == null ? x.actorId() : Long.valueOf(actorId(key));
                rows.add(new Activity(x.id(), x.kind(), x.stage(), x.started(), x.ended(), actorId,
                        x.evidenceArtifactId(), x.extractor(), x.subject(), x.attributes()));
            }
            store.insertExtractedActivities(rows, a.originId());
        } else if (op instanceof Findings f) {
            for (Finding finding : f.rows()) {
                store.insertFinding(finding);
            }
        } else if (op instanceof Begin b) {
            store.markProcessing(b.artifactId(), b.extractor(), b.version(), "RUNNING");
        } else if (op instanceof Done d) {
            store.markProcessing(d.artifactId(), d.extractor(), d.version(), "DONE");
        } else if (op instanceof Actors a) {
            for (Actor actor : a.actors()) {
                long id = store.upsertActor(actor, a.evidenceId());
                actorIds.put(new Emitter.ActorKey(actor.kind(), actor.name()), id);
            }
        } else if (op instanceof Describe d) {
            store.describeArtifact(d.artifactId(), d.mediaType(), d.attributes());
        } else if (op instanceof Error e) {
            store.insertError(e.error());
        } else if (op instanceof Abort a) {
            store.deleteOutputs(a.artifactId(), a.extractor());
            store.markProcessing(a.artifactId(), a.extractor(), a.version(), "FAILED");
            store.insertError(new ExtractionError(null, a.sourceId(), a.artifactId(), a.locator(), Phase.EXTRACT,
                    a.extractor(), "EXTRACTOR_FAILED", a.message(), Instant.now()));
        } else if (op instanceof Reset r) {
            store.deleteOutputs(r.artifactId(), r.extractor());
        }
    }

    private long actorId(Emitter.ActorKey key) {
        Long id = actorIds.get(key);
        if (id == null) {
            id = store.upsertActor(new Actor(null, key.kind(), key.name(), List.of(), Map.of()));
            actorIds.put(key, id);
        }
        return id;
    }

    /** Waits for every queued batch to be committed. */
    @Override
    public void close() {
        try {
            if (failure.get() == null) {
                queue.put(END);
            }
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reported) {
            rethrow();
        }
    }
}
