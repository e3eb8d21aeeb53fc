package org.huisu.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.Relation;
import org.huisu.core.model.RelationKind;

/**
 * Where linkers put relations: numbered, written to the case in batches, and kept in memory as
 * edges (without their sentences) for the linkers that follow and for the chain.
 */
public final class Links {

    /** A relation as the graph walks need it. */
    public record Edge(long id, RelationKind kind, NodeRef from, NodeRef to, String linker, double confidence,
            List<Long> evidence) {
    }

    private static final int BATCH = 5000;

    private final Consumer<List<Relation>> writer;
    private final List<Relation> pending = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<NodeRef, List<Edge>> byNode = new HashMap<>();
    /** What the running linker has recorded (a linker's relations are unique; others' may repeat them). */
    private final Set<Key> seen = new HashSet<>();
    private final Map<String, Long> counts = new HashMap<>();
    private long nextId;
    private String linker = "";

    public Links(long firstId, Consumer<List<Relation>> writer) {
        this.nextId = firstId;
        this.writer = writer;
    }

    /** A graph held only in memory, for tests and for correlating without a case. */
    public static Links inMemory() {
        return new Links(1, r -> { });
    }

    private record Key(RelationKind kind, NodeRef from, NodeRef to) {
    }

    public void startLinker(String name) {
        flush();
        seen.clear();
        linker = name;
    }

    /**
     * Records {@code from kind to} (PROV direction: the effect names its cause, as an object
     * {@code wasGeneratedBy} its upload) unless this linker recorded it already, with its sentence in
     * English and in Chinese.
     */
    public void add(RelationKind kind, NodeRef from, NodeRef to, double confidence, String explanation,
            String explanationZh, List<Long> evidence) {
        if (from.equals(to) || !seen.add(new Key(kind, from, to))) {
            return;
        }
        List<Long> ev = evidence.stream().filter(Objects::nonNull).distinct().toList();
        long id = nextId++;
        Relation r = new Relation(id, kind, from, to, linker, Math.max(0, Math.min(1, confidence)), explanation, ev,
                explanationZh);
        pending.add(r);
        Edge e = new Edge(id, kind, from, to, linker, r.confidence(), ev);
        edges.add(e);
        byNode.computeIfAbsent(from, k -> new ArrayList<>()).add(e);
        byNode.computeIfAbsent(to, k -> new ArrayList<>()).add(e);
        counts.merge(linker, 1L, Long::sum);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    public void flush() {
        if (!pending.isEmpty()) {
            writer.accept(List.copyOf(pending));
            pending.clear();
        }
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The edges that start or end at the node. */
    public List<Edge> at(NodeRef node) {
        return byNode.getOrDefault(node, List.of());
    }

    public Map<String, Long> counts() {
        return counts;
    }
}
