package org.huisu.trace.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;

/**
 * Equal SHA-256, equal bytes: the phone's cached image is the bucket's object is the server's file.
 * Each copy is tied to the first one found (by source, then id), so that n copies make n - 1
 * relations, not n².
 */
public final class SameContentLinker implements Linker {

    @Override
    public String name() {
        return "same-content";
    }

    @Override
    public String description() {
        return "files, archive members and cloud objects with the same SHA-256, across and within sources";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<String, List<Artifact>> bySha = new HashMap<>();
        for (Artifact a : index.artifacts()) {
            if (holdsBytes(a) && a.sha256() != null && a.size() != null && a.size() > 0) {
                bySha.computeIfAbsent(a.sha256(), k -> new ArrayList<>(2)).add(a);
            }
        }
        for (List<Artifact> copies : bySha.values()) {
            if (copies.size() < 2) {
                continue;
            }
            copies.sort(Comparator.comparingLong(Artifact::sourceId).thenComparingLong(Artifact::id));
            Artifact first = copies.get(0);
            for (Artifact copy : copies.subList(1, copies.size())) {
                out.add(RelationKind.ALTERNATE_OF, NodeRef.artifact(copy.id()), NodeRef.artifact(first.id()), 1.0,
                        index.where(copy) + " and " + index.where(first) + " hold the same bytes (SHA-256 "
                                + first.sha256().substring(0, 16) + "…, " + first.size() + " bytes).",
                        index.where(copy) + " 与 " + index.where(first) + " 内容完全相同（SHA-256 "
                                + first.sha256().substring(0, 16) + "…，" + first.size() + " 字节）。",
                        List.of(copy.id(), first.id()));
            }
        }
    }

    static boolean holdsBytes(Artifact a) {
        return a.kind() == ArtifactKind.FILE || a.kind() == ArtifactKind.ARCHIVE_MEMBER
                || a.kind() == ArtifactKind.CLOUD_OBJECT;
    }
}
