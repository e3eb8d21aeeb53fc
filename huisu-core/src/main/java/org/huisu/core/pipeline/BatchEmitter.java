package org.huisu.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Phase;
import org.huisu.core.objects.ObjectStore;

/**
 * The emitter one extractor writes into for one item: ids are given at once, rows gather into
 * batches that the writer commits, problems are counted by code and written at the end.
 */
final class BatchEmitter implements Emitter {

    private static final int BATCH = 1000;
    private static final int EXAMPLES = 5;

    private final Item item;
    private final Extractor extractor;
    private final Writer writer;
    private final ObjectStore objects;
    private final AtomicLong artifactIds;
    private final AtomicLong activityIds;
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<ActorKey> activityActors = new ArrayList<>();
    private final List<Actor> actors = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Writer.Op> pending = new ArrayList<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private long written;

    private static final class Problem {
        final String message;
        long count;
        final List<String> examples = new ArrayList<>();

        Problem(String message) {
            this.message = message;
        }
    }

    BatchEmitter(Item item, Extractor extractor, Writer writer, ObjectStore objects, AtomicLong artifactIds,
            AtomicLong activityIds) {
        this.item = item;
        this.extractor = extractor;
        this.writer = writer;
        this.objects = objects;
        this.artifactIds = artifactIds;
        this.activityIds = activityIds;
    }

    @Override
    public long child(Artifact child, InputStream content) throws IOException {
        long id = artifactIds.incrementAndGet();
        Hashes hashes = child.hashes();
        Long size = child.size();
        boolean stored = false;
        if (content != null) {
            Stored s = store0(content);
            hashes = new Hashes(s.sha256(), null, null);
            size = s.size();
            stored = true;
        }
        artifacts.add(new Artifact(id, item.artifact().sourceId(), child.parentId() != null ? child.parentId()
                : item.artifact().id(), child.kind(), child.locator(), child.name(), size, hashes, child.mediaType(),
                child.times(), child.ownership(), child.linkTarget(), stored, child.attributes()));
        flushIfFull();
        return id;
    }

    private record Stored(String sha256, long size) {
    }

    @Override
    public String store(InputStream content) throws IOException {
        return store0(content).sha256();
    }

    private Stored store0(InputStream content) throws IOException {
        org.huisu.core.hash.Digests digest = new Digests(EnumSet.of(HashAlgorithm.SHA256));
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ObjectStore.Pending pending = objects.begin()) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                pending.write(ByteBuffer.wrap(buffer, 0, n));
                size += n;
            }
            String sha256 = digest.finish().get(HashAlgorithm.SHA256);
            pending.commit(sha256);
            return new Stored(sha256, size);
        }
    }

    @Override
    public long activity(Activity a, ActorKey actor) {
        long id = activityIds.incrementAndGet();
        activities.add(new Activity(id, a.kind(), a.stage() != null ? a.stage() : a.kind().defaultStage(), a.started(),
                a.ended(), a.actorId(), a.evidenceArtifactId() != null ? a.evidenceArtifactId() : item.artifact().id(),
                extractor.name(), a.subject(), a.attributes()));
        activityActors.add(actor);
        flushIfFull();
        return id;
    }

    @Override
    public void actor(Actor actor) {
        actors.add(actor);
        flushIfFull();
    }

    @Override
    public void describe(String mediaType, Map<String, Object> attributes) {
        if (mediaType != null && item instanceof CaseItem caseItem) {
            // the extractors after this one see the type at once
            caseItem.mediaType(mediaType);
        }
        moveRowsToPending();
        pending.add(new Writer.Describe(item.artifact().id(), mediaType, attributes));
    }

    @Override
    public void finding(Category category, int count, double confidence, Map<String, Object> details) {
        findings.add(new Finding(null, item.artifact().id(), category, count, confidence, extractor.name(),
                details == null ? Map.of() : details));
        flushIfFull();
    }

    @Override
    public void problem(String code, String message, String example) {
        Problem p = problems.computeIfAbsent(code, c -> new Problem(message));
        p.count++;
        if (example != null && p.examples.size() < EXAMPLES) {
            p.examples.add(example.length() > 300 ? example.substring(0, 300) + "…" : example);
        }
    }

    long written() {
        return written;
    }

    private void flushIfFull() {
        if (artifacts.size() + activities.size() + actors.size() + findings.size() >= BATCH) {
            moveRowsToPending();
            writer.submit(pending, null);
            pending.clear();
        }
    }

    /** Rows go to the writer in the order that keeps references valid: actors, artifacts, activities. */
    private void moveRowsToPending() {
        if (!actors.isEmpty()) {
            pending.add(new Writer.Actors(List.copyOf(actors), item.artifact().id()));
            written += actors.size();
            actors.clear();
        }
        if (!artifacts.isEmpty()) {
            pending.add(new Writer.Artifacts(List.copyOf(artifacts), item.artifact().id(), extractor.name()));
            written += artifacts.size();
            artifacts.clear();
        }
        if (!findings.isEmpty()) {
            pending.add(new Writer.Findings(List.copyOf(findings)));
            written += findings.size();
            findings.clear();
        }
        if (!activities.isEmpty()) {
            pending.add(new Writer.Activities(List.copyOf(activities), new ArrayList<>(activityActors),
                    item.artifact().id()));
            written += activities.size();
            activities.clear();
            activityActors.clear();
        }
    }

    /** Writes what is left, the problems, and the mark that the extractor is done with the item. */
    void finish(Runnable afterCommit) {
        moveRowsToPending();
        for (Map.Entry<String, Problem> e : problems.entrySet()) {
            Problem p = e.getValue();
            pending.add(new Writer.Error(new ExtractionError(null, item.artifact().sourceId(), item.artifact().id(),
                    item.locator(), Phase.EXTRACT, extractor.name(), e.getKey(), p.message, Instant.now(), p.count,
                    List.copyOf(p.examples))));
        }
        pending.add(new Writer.Done(item.artifact().id(), extractor.name(), extractor.version()));
        writer.submit(pending, afterCommit);
        pending.clear();
    }
}
