package org.huisu.trace.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;

/**
 * Membership and packing: every archive member to its archive and every database row to its
 * database file (so that a walk from either reaches what it holds), and each archive — wherever it
 * was found: on a disk, in a bucket — to the log line that packed a file of that name (and, where
 * the line gives it, that size).
 */
public final class MembershipLinker implements Linker {

    private static final Pattern BYTES = Pattern.compile("\\((\\d+) bytes\\)|size[=:]\\s*(\\d+)");

    @Override
    public String name() {
        return "membership";
    }

    @Override
    public String description() {
        return "archive members to their archive, database rows to their database; archives to the log line that"
                + " packed them (name, size)";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<String, List<Artifact>> archivesByName = new HashMap<>();
        for (Artifact m : index.artifacts()) {
            if (m.kind() == ArtifactKind.DB_ROW && m.parentId() != null) {
                Artifact db = index.artifact(m.parentId());
                if (db != null) {
                    out.add(RelationKind.HAD_MEMBER, NodeRef.artifact(db.id()), NodeRef.artifact(m.id()), 1.0,
                            index.where(m) + " is a row of the database " + index.where(db) + ".",
                            index.where(m) + " 是数据库 " + index.where(db) + " 中的一条记录。",
                            List.of(db.id(), m.id()));
                }
                continue;
            }
            if (m.kind() != ArtifactKind.ARCHIVE_MEMBER || m.parentId() == null) {
                continue;
            }
            Artifact archive = index.artifact(m.parentId());
            if (archive == null || archive.kind() == ArtifactKind.DIRECTORY) {
                continue;
            }
            archivesByName.computeIfAbsent(archive.name(), k -> new java.util.ArrayList<>());
            if (!archivesByName.get(archive.name()).contains(archive)) {
                archivesByName.get(archive.name()).add(archive);
            }
            out.add(RelationKind.HAD_MEMBER, NodeRef.artifact(archive.id()), NodeRef.artifact(m.id()), 1.0,
                    index.where(m) + " is a member of the archive " + index.where(archive) + ".",
                    index.where(m) + " 是压缩包 " + index.where(archive) + " 中的成员。",
                    List.of(archive.id(), m.id()));
        }
        for (Activity p : index.activities(ActivityKind.PACKAGE)) {
            Object paths = p.attributes().get("localPaths");
            String packed = paths instanceof List<?> l && !l.isEmpty() ? l.get(0).toString() : p.subject();
            if (packed == null) {
                continue;
            }
            String name = packed.substring(packed.lastIndexOf('/') + 1);
            Long size = size(p);
            for (Artifact archive : archivesByName.getOrDefault(name, List.of())) {
                boolean sameSize = size != null && size.equals(archive.size());
                if (size != null && !sameSize) {
                    continue;
                }
                out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(archive.id()), NodeRef.activity(p.id()),
                        sameSize ? 0.95 : 0.75, index.where(archive) + " bears the name of the archive "
                                + index.where(p) + " records packing (" + packed + ")"
                                + (sameSize ? ", and has the size it gives (" + size + " bytes)." : "."),
                        index.where(archive) + " 与 " + index.where(p) + " 记录打包的压缩包同名（" + packed + "）"
                                + (sameSize ? "，大小也与其所记一致（" + size + " 字节）。" : "。"),
                        List.of(archive.id(), p.evidenceArtifactId()));
            }
        }
    }

    private static Long size(Activity p) {
        Object text = p.attributes().get("text");
        if (text == null) {
            return null;
        }
        Matcher m = BYTES.matcher(text.toString());
        if (!m.find()) {
            return null;
        }
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }
}
