package org.huisu.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;

/**
 * Capture to analysis: what a capture line saved, wherever it turns up — the file itself on a disk,
 * an archive member or cloud object of that name, a database row (an analysis record, a feature
 * vector's row) naming its path. A full path is surer than a file name, and a file name counts only
 * when one capture saved a file of that name and the name is specific (a digit, eight characters).
 */
public final class CaptureLinker implements Linker {

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String description() {
        return "capture log lines to the files, archive members, cloud objects and database rows of what they saved";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<String, List<Activity>> byPath = new HashMap<>();
        Map<String, List<Activity>> byName = new HashMap<>();
        for (Activity c : index.activities(ActivityKind.CAPTURE)) {
            for (String path : Traits.localPaths(c)) {
                byPath.computeIfAbsent(path, k -> new ArrayList<>(1)).add(c);
                byName.computeIfAbsent(Traits.fileName(path), k -> new ArrayList<>(1)).add(c);
            }
        }
        if (byPath.isEmpty()) {
            return;
        }
        for (Artifact a : index.artifacts()) {
            switch (a.kind()) {
                case FILE -> {
                    if (!index.isCloud(a.sourceId()) && byPath.containsKey(a.locator())) {
                        for (Activity c : byPath.get(a.locator())) {
                            out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(a.id()), NodeRef.activity(c.id()),
                                    0.95, index.where(c) + " saved " + a.locator() + ", the file found at "
                                            + index.where(a) + ".", index.where(c) + " 保存了 " + a.locator()
                                            + "，该文件见于 " + index.where(a) + "。", List.of(a.id(), c.evidenceArtifactId()));
                        }
                    } else {
                        byName(index, out, a, byName);
                    }
                }
                case CLOUD_OBJECT, ARCHIVE_MEMBER -> byName(index, out, a, byName);
                case DB_ROW -> rows(index, out, a, byPath, byName);
                default -> {
                }
            }
        }
    }

    private static void byName(CaseIndex index, Links out, Artifact a, Map<String, List<Activity>> byName) {
        String name = a.name() != null ? a.name() : Traits.fileName(a.locator());
        List<Activity> captures = byName.get(name);
        if (captures == null || captures.size() != 1 || !specific(name)) {
            return;
        }
        Activity c = captures.get(0);
        out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(a.id()), NodeRef.activity(c.id()), 0.85,
                index.where(a) + " bears the name of the file " + index.where(c) + " saved ("
                        + Traits.localPaths(c).get(0) + "), and no other capture saved a file of that name.",
                index.where(a) + " 与 " + index.where(c) + " 保存的文件同名（" + Traits.localPaths(c).get(0)
                        + "），且没有其他采集记录保存过同名文件。",
                List.of(a.id(), c.evidenceArtifactId()));
    }

    private static void rows(CaseIndex index, Links out, Artifact row, Map<String, List<Activity>> byPath,
            Map<String, List<Activity>> byName) {
        if (!(row.attributes().get("columns") instanceof Map<?, ?> columns)) {
            return;
        }
        for (Map.Entry<?, ?> col : columns.entrySet()) {
            if (!(col.getValue() instanceof String value) || value.length() < 8 || value.length() > 400) {
                continue;
            }
            List<Activity> exact = byPath.get(value);
            if (exact != null) {
                for (Activity c : exact) {
                    out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(row.id()), NodeRef.activity(c.id()), 0.9,
                            index.where(row) + " names " + value + " (column " + col.getKey() + "), the file "
                                    + index.where(c) + " saved.", index.where(row) + "（字段 " + col.getKey() + "）记载了 "
                                    + value + "，即 " + index.where(c) + " 保存的文件。",
                            List.of(row.id(), c.evidenceArtifactId()));
                }
                return;
            }
            String name = Traits.fileName(value);
            List<Activity> named = byName.get(name);
            if (named != null && named.size() == 1 && specific(name) && !value.startsWith("http")) {
                Activity c = named.get(0);
                out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(row.id()), NodeRef.activity(c.id()), 0.8,
                        index.where(row) + " names the file " + name + " (column " + col.getKey() + "), which "
                                + index.where(c) + " saved.", index.where(row) + "（字段 " + col.getKey() + "）记载了文件名 "
                                + name + "，该文件由 " + index.where(c) + " 保存。", List.of(row.id(), c.evidenceArtifactId()));
                return;
            }
        }
    }

    private static boolean specific(String name) {
        return name != null && name.length() >= 8 && name.chars().anyMatch(Character::isDigit);
    }
}
