package org.huisu.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;

/**
 * A cloud object to the records of its upload and to its local original: the storage log's PUT of
 * that bucket and key (the object {@code wasGeneratedBy} it), the client's own log line of the same
 * upload (the PUT {@code wasInformedBy} it, surer when their times agree), and the local file the
 * client read, where the evidence still holds it. Deletions of the object invalidate it.
 */
public final class ObjectOriginLinker implements Linker {

    @Override
    public String name() {
        return "object-origin";
    }

    @Override
    public String description() {
        return "cloud objects to the log records of their upload and deletion, and to the local file uploaded";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<CloudRef, List<Activity>> clientUploads = new HashMap<>();
        List<Activity> serverUploads = new ArrayList<>();
        for (Activity a : index.activities()) {
            if (a.kind() != ActivityKind.UPLOAD && a.kind() != ActivityKind.DELETE) {
                continue;
            }
            if (Traits.planned(a) || Traits.failed(a)) {
                continue;
            }
            CloudRef ref = CloudRef.of(a);
            if (ref == null) {
                if (a.kind() == ActivityKind.UPLOAD) {
                    linkLocalFiles(index, out, a, null);
                }
                continue;
            }
            for (Artifact object : index.objects(ref)) {
                if (a.kind() == ActivityKind.UPLOAD) {
                    Object size = a.attributes().get("objectSize");
                    boolean sameSize = size != null && object.size() != null && size.toString().equals(
                            object.size().toString());
                    double confidence = Traits.serverSide(a) ? (sameSize ? 0.98 : 0.9) : 0.85;
                    out.add(RelationKind.WAS_GENERATED_BY, NodeRef.artifact(object.id()), NodeRef.activity(a.id()),
                            confidence, index.where(a) + " records the upload of " + ref.uri()
                                    + (Traits.serverSide(a) ? " as the storage service saw it" : " by the client")
                                    + (sameSize ? ", with the size of the object found in the bucket (" + size
                                            + " bytes)." : "."),
                            index.where(a) + (Traits.serverSide(a) ? " 是存储服务记录的 " : " 是客户端记录的 ") + ref.uri()
                                    + " 上传" + (sameSize ? "，大小与存储桶中的对象一致（" + size + " 字节）。" : "。"),
                            List.of(object.id(), a.evidenceArtifactId()));
                } else if (Traits.serverSide(a)) {
                    out.add(RelationKind.WAS_INVALIDATED_BY, NodeRef.artifact(object.id()), NodeRef.activity(a.id()),
                            0.9, index.where(a) + " records the deletion of " + ref.uri() + ".",
                            index.where(a) + " 记录了 " + ref.uri() + " 的删除。",
                            List.of(object.id(), a.evidenceArtifactId()));
                }
            }
            if (a.kind() == ActivityKind.UPLOAD) {
                if (Traits.serverSide(a)) {
                    serverUploads.add(a);
                } else {
                    clientUploads.computeIfAbsent(ref, k -> new ArrayList<>()).add(a);
                    linkLocalFiles(index, out, a, ref);
                }
            }
        }
        for (Activity put : serverUploads) {
            List<Activity> clients = clientUploads.getOrDefault(CloudRef.of(put), List.of());
            Activity best = null;
            double closest = -1;
            for (Activity c : clients) {
                double closeness = Traits.closeness(put.started(), c.started());
                if (closeness > closest) {
                    closest = closeness;
                    best = c;
                }
            }
            if (best == null) {
                continue;
            }
            double confidence = 0.7 + 0.25 * closest;
            out.add(RelationKind.WAS_INFORMED_BY, NodeRef.activity(put.id()), NodeRef.activity(best.id()), confidence,
                    index.where(put) + " (the storage service) and " + index.where(best) + " (the client) record"
                            + " the upload of the same object " + CloudRef.of(put).uri()
                            + (closest > 0 ? ", " + seconds(put, best) + " s apart." : "; their times are far apart."),
                    index.where(put) + "（存储服务）与 " + index.where(best) + "（客户端）记录了同一对象 "
                            + CloudRef.of(put).uri() + " 的上传" + (closest > 0 ? "，相隔 " + seconds(put, best) + " 秒。"
                                    : "；两者时间相差较远。"),
                    List.of(put.evidenceArtifactId(), best.evidenceArtifactId()));
        }
    }

    private static long seconds(Activity a, Activity b) {
        return Math.abs(java.time.Duration.between(a.started(), b.started()).getSeconds());
    }

    private static void linkLocalFiles(CaseIndex index, Links out, Activity upload, CloudRef ref) {
        for (String path : Traits.localPaths(upload)) {
            for (Artifact file : index.filesAt(path)) {
                out.add(RelationKind.USED, NodeRef.activity(upload.id()), NodeRef.artifact(file.id()), 0.9,
                        index.where(upload) + " uploads " + path + (ref == null ? "" : " to " + ref.uri())
                                + ", the file found at " + index.where(file) + ".",
                        index.where(upload) + " 将 " + path + (ref == null ? "" : " 上传至 " + ref.uri())
                                + "，该文件见于 " + index.where(file) + "。",
                        List.of(file.id(), upload.evidenceArtifactId()));
            }
        }
    }
}
