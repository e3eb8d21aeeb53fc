package org.huisu.trace.walk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huisu.core.HuisuException;
import org.huisu.core.model.Activity;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.NodeType;
import org.huisu.core.model.Relation;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;
import org.huisu.core.store.CaseStore;
import org.huisu.trace.link.CloudRef;

/**
 * {@code huisu trace}: from one artifact, along the relations the linkers made, upstream (where it
 * came from: the upload that made the object, the file it was uploaded from, the capture that saved
 * it, the host and job behind them) or downstream (where it went), breadth first, each node once.
 */
public final class Trace {

    public enum Direction {
        UPSTREAM, DOWNSTREAM, BOTH
    }

    /** One step: the node reached, and the relation that reached it from the node before. */
    public record Hop(int depth, NodeRef node, NodeRef via, Relation relation, Artifact artifact, Activity activity,
            Actor actor, String sourceLabel) {
    }

    /** {@code truncated}: the walk stopped at {@link #MOST_HOPS}; narrower depth shows the rest. */
    public record Result(Artifact from, String fromSource, Activity fromActivity, Direction direction,
            List<Hop> hops, boolean truncated) {
    }

    /** More hops than a person reads or a program needs from one walk; the walk says it stopped. */
    public static final int MOST_HOPS = 2000;

    private final CaseStore store;

    public Trace(CaseStore store) {
        this.store = store;
    }

    public Result walk(String ref, Direction direction, int maxDepth) {
        NodeRef start = resolve(ref);
        Artifact fromArtifact = start.type() == NodeType.ARTIFACT ? store.artifact(start.id()).orElseThrow() : null;
        Activity fromActivity = start.type() == NodeType.ACTIVITY ? store.activity(start.id()).orElseThrow() : null;
        if (fromArtifact == null && fromActivity != null && fromActivity.evidenceArtifactId() != null) {
            fromArtifact = store.artifact(fromActivity.evidenceArtifactId()).orElse(null);
        }
        List<Hop> hops = new ArrayList<>();
        Set<NodeRef> seen = new HashSet<>();
        seen.add(start);
        Deque<Map.Entry<NodeRef, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(start, 0));
        boolean truncated = false;
        while (!queue.isEmpty() && !truncated) {
            Map.Entry<NodeRef, Integer> at = queue.poll();
            if (at.getValue() >= maxDepth) {
                continue;
            }
            for (Relation r : store.relationsAt(at.getKey())) {
                NodeRef next = next(r, at.getKey(), direction);
                if (next == null || !seen.add(next)) {
                    continue;
                }
                if (hops.size() == MOST_HOPS) {
                    truncated = true;
                    break;
                }
                hops.add(hop(at.getValue() + 1, next, at.getKey(), r));
                if (next.type() != NodeType.ACTOR) {
                    queue.add(Map.entry(next, at.getValue() + 1));
                }
            }
        }
        String label = fromArtifact == null ? null : store.source(fromArtifact.sourceId()).map(Source::label).orElse(null);
        return new Result(fromArtifact, label, fromActivity, direction, hops, truncated);
    }

    /** The other end of the relation when walking that way from {@code at}, or null. */
    static NodeRef next(Relation r, NodeRef at, Direction direction) {
        boolean atFrom = r.from().equals(at);
        NodeRef other = atFrom ? r.to() : r.from();
        if (r.kind() == RelationKind.ALTERNATE_OF || direction == Direction.BOTH) {
            return other;
        }
        // PROV edges point from effect to cause; an archive's members came out of it, so it is their upstream
        boolean towardsCause = r.kind() == RelationKind.HAD_MEMBER ? !atFrom : atFrom;
        return (direction == Direction.UPSTREAM) == towardsCause ? other : null;
    }

    private Hop hop(int depth, NodeRef node, NodeRef via, Relation r) {
        return switch (node.type()) {
            case ARTIFACT -> {
                Artifact a = store.artifact(node.id()).orElseThrow();
                yield new Hop(depth, node, via, r, a, null, null, label(a));
            }
            case ACTIVITY -> {
                Activity act = store.activity(node.id()).orElseThrow();
                Artifact e = act.evidenceArtifactId() == null ? null : store.artifact(act.evidenceArtifactId()).orElse(null);
                yield new Hop(depth, node, via, r, e, act, null, e == null ? null : label(e));
            }
            case ACTOR -> new Hop(depth, node, via, r, null, null, store.actor(node.id()).orElseThrow(), null);
        };
    }

    private String label(Artifact a) {
        return store.source(a.sourceId()).map(Source::label).orElse("?");
    }

    /**
     * A REF as the contract gives it: an artifact id, a SHA-256, {@code SOURCE_LABEL:/path}, or a URL
     * ({@code https://bucket.endpoint/key}, {@code s3://bucket/key}); a URL of an object not acquired
     * resolves to the log record of its upload.
     */
    public NodeRef resolve(String ref) {
        String r = ref.trim();
        if (r.matches("\\d{1,18}")) {
            return store.artifact(Long.parseLong(r)).map(a -> NodeRef.artifact(a.id()))
                    .orElseThrow(() -> notFound(ref, "there is no artifact with that id"));
        }
        if (r.matches("(?i)[0-9a-f]{64}")) {
            List<Artifact> same = store.artifactsWithSha256(r.toLowerCase(Locale.ROOT));
            if (same.isEmpty()) {
                throw notFound(ref, "no artifact has that SHA-256");
            }
            return NodeRef.artifact(same.get(0).id());
        }
        CloudRef object = CloudRef.parse(r);
        if (object != null) {
            return objectOrUpload(ref, object);
        }
        int colon = r.indexOf(':');
        if (colon > 0) {
            Optional<Source> source = store.sourceByLabel(r.substring(0, colon));
            if (source.isPresent()) {
                return store.artifactAt(source.get().id(), r.substring(colon + 1)).map(a -> NodeRef.artifact(a.id()))
                        .orElseThrow(() -> notFound(ref, "source " + source.get().label() + " holds nothing at "
                                + r.substring(colon + 1)));
            }
        }
        if (colon > 0 && !r.substring(0, colon).contains("/")) {
            throw notFound(ref, "no source is labelled '" + r.substring(0, colon) + "' (this case's sources: "
                    + String.join(", ", store.sources().stream().map(Source::label).toList()) + ")");
        }
        throw notFound(ref, "give an artifact id, a SHA-256, SOURCE_LABEL:/path or a URL");
    }

    private NodeRef objectOrUpload(String ref, CloudRef object) {
        for (Source s : store.sources()) {
            Optional<Artifact> a = store.artifactAt(s.id(), object.key());
            if (a.isPresent() && a.get().kind() == ArtifactKind.CLOUD_OBJECT
                    && object.bucket().equals(String.valueOf(a.get().attributes().get("bucket")))) {
                return NodeRef.artifact(a.get().id());
            }
        }
        Optional<Activity> upload = store.activitiesWithSubject(object.uri()).stream().findFirst();
        return upload.map(u -> NodeRef.activity(u.id())).orElseThrow(() -> notFound(ref,
                "no object " + object.uri() + " was acquired and no log records it"));
    }

    private static HuisuException notFound(String ref, String why) {
        return HuisuException.unreadable("cannot trace from '" + ref + "': " + why + ".");
    }

    /** A hop as the contract's JSON gives it, its sentence in {@code en} or {@code zh}. */
    public static Map<String, Object> json(Hop h, String language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", h.depth());
        if (h.artifact() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", String.valueOf(h.artifact().id()));
            a.put("kind", h.artifact().kind().name());
            a.put("source", h.sourceLabel());
            a.put("locator", h.artifact().locator());
            a.put("sha256", h.artifact().sha256());
            m.put("artifact", a);
        }
        if (h.activity() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", String.valueOf(h.activity().id()));
            a.put("kind", h.activity().kind().name());
            a.put("subject", h.activity().subject());
            m.put("activity", a);
        }
        m.put("relation", h.relation().kind().provName());
        m.put("linker", h.relation().linker());
        m.put("confidence", h.relation().confidence());
        m.put("explanation", h.relation().explanation(language));
        m.put("stage", h.activity() == null || h.activity().stage() == null ? null : h.activity().stage().name());
        List<Map<String, Object>> actors = new ArrayList<>();
        if (h.actor() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("kind", h.actor().kind().jsonName());
            a.put("name", h.actor().name());
            a.put("addresses", h.actor().addresses());
            actors.add(a);
        }
        m.put("actors", actors);
        m.put("time", h.activity() == null || h.activity().started() == null ? null : h.activity().started().toString());
        return m;
    }
}
