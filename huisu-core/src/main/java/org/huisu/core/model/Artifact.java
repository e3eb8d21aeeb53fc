package org.huisu.core.model;

import java.util.Map;

/**
 * A thing found in a source (PROV entity): a file, an archive member, a database row, a log
 * record, a cloud object, a derived face crop… {@code locator} says where it stands inside its
 * source, unique there; {@code stored} says whether its bytes are in the case's object store.
 */
public record Artifact(
        Long id,
        long sourceId,
        Long parentId,
        ArtifactKind kind,
        String locator,
        String name,
        Long size,
        Hashes hashes,
        String mediaType,
        FileTimes times,
        Ownership ownership,
        String linkTarget,
        boolean stored,
        Map<String, Object> attributes) {

    public String sha256() {
        return hashes == null ? null : hashes.sha256();
    }
}
