package org.huisu.trace.link;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.store.CaseStore;

/**
 * The case as the linkers and the chain read it, loaded once: sources, artifacts, activities,
 * actors and findings, with the lookups they share (object by bucket and key, file by path, actor
 * by address). Long attribute values (vectors in text, image data) are left out: no linker reads them.
 */
public final class CaseIndex {

    /** Attribute values longer than this are dropped on loading: embeddings and base64, never a key or a path. */
    private static final int LONGEST_VALUE = 1024;

    private final Map<Long, Source> sources = new LinkedHashMap<>();
    private final Map<Long, Artifact> artifacts = new HashMap<>();
    private final List<Activity> activities = new ArrayList<>();
    private final Map<Long, Activity> activityById = new HashMap<>();
    private final List<Actor> actors;
    private final Map<Long, Actor> actorById = new HashMap<>();
    private final Map<Long, List<Finding>> findings = new HashMap<>();
    private Map<String, List<Actor>> actorsByAddress;
    private Map<CloudRef, List<Artifact>> objects;
    private Map<String, List<Artifact>> filesByPath;
    private Map<Long, List<Artifact>> children;
    private Map<ActivityKind, List<Activity>> byKind;

    private CaseIndex(List<Actor> actors) {
        this.actors = actors;
        actors.forEach(a -> actorById.put(a.id(), a));
    }

    public static CaseIndex load(CaseStore store) {
        return load(store, null);
    }

    /**
     * Loads the case; with a second connection to it, artifacts are read on another thread while
     * activities are read on this one (the two largest tables, read once each).
     */
    public static CaseIndex load(CaseStore store, java.util.function.Supplier<CaseStore> second) {
        CaseIndex index = new CaseIndex(store.actors());
        store.sources().forEach(s -> index.sources.put(s.id(), s));
        java.util.concurrent.CompletableFuture<Void> artifacts;
        if (second == null) {
            store.forEachArtifact(Set.of(), a -> index.artifacts.put(a.id(), trimmed(a)));
            artifacts = java.util.concurrent.CompletableFuture.completedFuture(null);
        } else {
            artifacts = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (CaseStore other = second.get()) {
                    other.forEachArtifact(Set.of(), a -> index.artifacts.put(a.id(), trimmed(a)));
                }
            });
        }
        Map<String, String> strings = new HashMap<>();
        store.forEachActivity(READ, a -> {
            Activity t = new Activity(a.id(), a.kind(), a.stage(), a.started(), a.ended(), a.actorId(),
                    a.evidenceArtifactId(), a.extractor().intern(), a.subject(), kept(a, strings));
            index.activities.add(t);
            index.activityById.put(t.id(), t);
        });
        store.forEachFinding(null, row -> index.findings.computeIfAbsent(row.finding().artifactId(),
                k -> new ArrayList<>()).add(row.finding()));
        try {
            artifacts.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return index;
    }

    /** The attributes of activities that linkers and the chain read; a log's millions of records keep only these. */
    private static final Set<String> ACTIVITY_KEYS = Set.of("bucket", "key", "remoteAddress", "operation", "status",
            "objectSize", "host", "requester", "userAgent", "localPaths", "localPath", "remoteUris", "planned",
            "datePattern", "resolved", "runs", "command", "schedule", "description", "line");
    private static final Set<String> READ = union(ACTIVITY_KEYS, Set.of("text"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Values repeated over millions of log records, kept once. */
    private static final Set<String> SHARED_VALUES = Set.of("bucket", "remoteAddress", "operation", "status", "host",
            "requester", "userAgent");

    private static Map<String, Object> kept(Activity a, Map<String, String> strings) {
        Map<String, Object> at = a.attributes();
        if (at == null || at.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> kept = new HashMap<>();
        for (Map.Entry<String, Object> e : at.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            boolean keep = ACTIVITY_KEYS.contains(k) || k.equals("text") && a.kind() == ActivityKind.PACKAGE;
            if (!keep || v == null) {
                continue;
            }
            if (v instanceof String str && SHARED_VALUES.contains(k)) {
                v = strings.computeIfAbsent(str, x -> x);
            }
            kept.put(k.intern(), v);
        }
        return Map.copyOf(kept);
    }

    private static Artifact trimmed(Artifact a) {
        if (a.attributes() == null || a.attributes().isEmpty()) {
            return a;
        }
        return new Artifact(a.id(), a.sourceId(), a.parentId(), a.kind(), a.locator(), a.name(), a.size(),
                a.hashes(), a.mediaType(), a.times(), a.ownership(), a.linkTarget(), a.stored(),
                trim(a.attributes()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trim(Map<String, Object> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s && s.length() > LONGEST_VALUE) {
                continue;
            }
            if (v instanceof Map<?, ?> m) {
                v = trim((Map<String, Object>) m);
            }
            kept.put(e.getKey(), v);
        }
        return kept;
    }

    public Collection<Source> sources() {
        return sources.values();
    }

    public Source source(long id) {
        return sources.get(id);
    }

    public String label(Artifact a) {
        return sources.get(a.sourceId()).label();
    }

    /** The zone the source's clocks kept, as recorded when it was added (UTC when none was). */
    public ZoneId zone(long sourceId) {
        Source s = sources.get(sourceId);
        Object zone = s == null || s.attributes() == null ? null : s.attributes().get("timezone");
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone.toString());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public boolean isCloud(long sourceId) {
        Source s = sources.get(sourceId);
        return s != null && s.kind() == SourceKind.S3;
    }

    public Artifact artifact(long id) {
        return artifacts.get(id);
    }

    public Collection<Artifact> artifacts() {
        return artifacts.values();
    }

    public List<Activity> activities() {
        return activities;
    }

    public Activity activity(long id) {
        return activityById.get(id);
    }

    public List<Activity> activities(ActivityKind kind) {
        if (byKind == null) {
            byKind = new java.util.EnumMap<>(ActivityKind.class);
            for (Activity a : activities) {
                byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a);
            }
        }
        return byKind.getOrDefault(kind, List.of());
    }

    public List<Actor> actors() {
        return actors;
    }

    public Actor actor(Long id) {
        return id == null ? null : actorById.get(id);
    }

    public List<Finding> findings(long artifactId) {
        return findings.getOrDefault(artifactId, List.of());
    }

    public boolean hasFinding(long artifactId, Category category) {
        return findings(artifactId).stream().anyMatch(f -> f.category() == category);
    }

    public Map<Long, List<Finding>> allFindings() {
        return findings;
    }

    /** The actors that own an address (IP or MAC), as the evidence or an examiner's attribution says. */
    public List<Actor> ownersOf(String address) {
        if (actorsByAddress == null) {
            actorsByAddress = new HashMap<>();
            for (Actor a : actors) {
                for (String ad : a.addresses()) {
                    actorsByAddress.computeIfAbsent(ad, k -> new ArrayList<>()).add(a);
                }
            }
        }
        return address == null ? List.of() : actorsByAddress.getOrDefault(address, List.of());
    }

    /** The cloud objects acquired from buckets, by bucket and key. */
    public List<Artifact> objects(CloudRef ref) {
        if (objects == null) {
            objects = new HashMap<>();
            for (Artifact a : artifacts.values()) {
                CloudRef r = CloudRef.of(a);
                if (r != null) {
                    objects.computeIfAbsent(r, k -> new ArrayList<>()).add(a);
                }
            }
        }
        return objects.getOrDefault(ref, List.of());
    }

    public Map<CloudRef, List<Artifact>> allObjects() {
        objects(new CloudRef("", ""));
        return objects;
    }

    /** Files (and archive members) of evidence sources standing at this absolute path. */
    public List<Artifact> filesAt(String path) {
        if (filesByPath == null) {
            filesByPath = new HashMap<>();
            for (Artifact a : artifacts.values()) {
                if (a.kind() == org.huisu.core.model.ArtifactKind.FILE && !isCloud(a.sourceId())) {
                    filesByPath.computeIfAbsent(a.locator(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return filesByPath.getOrDefault(path, List.of());
    }

    public List<Artifact> children(long parentId) {
        if (children == null) {
            children = new HashMap<>();
            for (Artifact a : artifacts.values()) {
                if (a.parentId() != null) {
                    children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return children.getOrDefault(parentId, List.of());
    }

    /** "label:locator", the way every output names an artifact. */
    public String where(Artifact a) {
        return label(a) + ":" + a.locator();
    }

    /** The artifact an activity was read from, named with the line where the log or script says so. */
    public String where(Activity a) {
        Artifact e = a.evidenceArtifactId() == null ? null : artifact(a.evidenceArtifactId());
        if (e == null) {
            return a.extractor();
        }
        Object line = a.attributes().get("line");
        return where(e) + (line == null || e.locator().contains("#line") ? "" : " line " + line);
    }
}
