package org.huisu.core.model;

import java.util.List;

/**
 * An edge of the provenance graph, with the linker that made it, how sure it is, a sentence a
 * judge can read, and the artifacts it rests on.
 */
public record Relation(
        Long id,
        RelationKind kind,
        NodeRef from,
        NodeRef to,
        String linker,
        double confidence,
        String explanation,
        List<Long> evidence,
        String explanationZh) {

    /** A relation explained in English only. */
    public Relation(Long id, RelationKind kind, NodeRef from, NodeRef to, String linker, double confidence,
            String explanation, List<Long> evidence) {
        this(id, kind, from, to, linker, confidence, explanation, evidence, null);
    }

    /** The sentence in {@code zh} or {@code en}; English where no Chinese was written. */
    public String explanation(String language) {
        return "zh".equals(language) && explanationZh != null ? explanationZh : explanation;
    }
}
