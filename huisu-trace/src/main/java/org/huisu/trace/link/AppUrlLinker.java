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
 * App rows to the objects they show, and downloads to the objects they fetched. A URL in a row is
 * read in any style — virtual-hosted, path style, {@code s3://}, signed with a query — and where
 * its host is no storage endpoint (a CDN, the app's own domain) its path is looked up among the
 * keys of the buckets acquired: one bucket holding that key is the answer, several are none.
 */
public final class AppUrlLinker implements Linker {

    @Override
    public String name() {
        return "app-url";
    }

    @Override
    public String description() {
        return "URLs in app and database rows (any style, signed, CDN) and logged downloads to the cloud objects";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<String, List<CloudRef>> byKey = new HashMap<>();
        for (CloudRef ref : index.allObjects().keySet()) {
            byKey.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(ref);
        }
        for (Artifact row : index.artifacts()) {
            if (row.kind() != ArtifactKind.DB_ROW || !(row.attributes().get("columns") instanceof Map<?, ?> columns)) {
                continue;
            }
            for (Map.Entry<?, ?> c : columns.entrySet()) {
                if (!(c.getValue() instanceof String text)) {
                    continue;
                }
                Resolved r = resolve(text, byKey);
                if (r == null) {
                    continue;
                }
                for (Artifact object : index.objects(r.ref())) {
                    out.add(RelationKind.WAS_DERIVED_FROM, NodeRef.artifact(row.id()), NodeRef.artifact(object.id()),
                            r.confidence(), index.where(row) + " (column " + c.getKey() + ") points at "
                                    + r.ref().uri() + r.how() + ", the object " + index.where(object) + ".",
                            index.where(row) + "（字段 " + c.getKey() + "）指向 " + r.ref().uri() + r.howZh()
                                    + "，即对象 " + index.where(object) + "。",
                            List.of(row.id(), object.id()));
                }
            }
        }
        for (Activity a : index.activities(ActivityKind.DOWNLOAD)) {
            if (!Traits.serverSide(a) || Traits.failed(a)) {
                continue;
            }
            CloudRef ref = CloudRef.of(a);
            if (ref == null) {
                continue;
            }
            for (Artifact object : index.objects(ref)) {
                out.add(RelationKind.USED, NodeRef.activity(a.id()), NodeRef.artifact(object.id()), 0.95,
                        index.where(a) + " records a download of " + ref.uri() + " from "
                                + Traits.remoteAddress(a) + ".", index.where(a) + " 记录了 " + Traits.remoteAddress(a)
                                + " 对 " + ref.uri() + " 的下载。", List.of(a.evidenceArtifactId(), object.id()));
            }
        }
    }

    record Resolved(CloudRef ref, double confidence, String how, String howZh) {
    }

    static Resolved resolve(String text, Map<String, List<CloudRef>> byKey) {
        CloudRef ref = CloudRef.parse(text);
        if (ref != null) {
            return new Resolved(ref, text.contains("?") ? 0.9 : 0.95, text.contains("?")
                    ? " (a signed URL; its query is not part of the key)" : "", text.contains("?")
                    ? "（签名 URL，查询参数不属于对象键）" : "");
        }
        String path = CloudRef.cdnPath(text);
        if (path == null || path.isEmpty()) {
            return null;
        }
        List<CloudRef> candidates = byKey.getOrDefault(path, List.of());
        if (candidates.size() == 1) {
            return new Resolved(candidates.get(0), 0.8, " (its host " + CloudRef.host(text)
                    + " is no storage endpoint; the path is a key of this bucket only)", "（其主机 "
                    + CloudRef.host(text) + " 不是存储端点；该路径只是此存储桶中的对象键）");
        }
        return null;
    }
}
