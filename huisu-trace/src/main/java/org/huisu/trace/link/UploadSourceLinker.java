package org.huisu.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;

/**
 * The remote address of each upload (and deletion) the storage service logged, to the host that
 * owns it: a host configured with that address; a router whose WAN address it is, and behind it
 * the LAN host that holds a lease from that router and whose own disk records uploading to that
 * bucket; or an actor an examiner attributed the address to, with the reference they gave.
 */
public final class UploadSourceLinker implements Linker {

    private record Owner(Actor actor, double confidence, String explanation, String explanationZh,
            List<Long> evidence) {
    }

    @Override
    public String name() {
        return "upload-source";
    }

    @Override
    public String description() {
        return "each logged upload's remote address to the host behind it (own address, router WAN + LAN lease,"
                + " or an examiner's attribution)";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<Long, Set<String>> bucketsBySource = clientBuckets(index);
        Map<String, List<Owner>> decided = new HashMap<>();
        for (Activity a : index.activities()) {
            if ((a.kind() != ActivityKind.UPLOAD && a.kind() != ActivityKind.DELETE) || !Traits.serverSide(a)
                    || Traits.failed(a)) {
                continue;
            }
            String address = Traits.remoteAddress(a);
            CloudRef ref = CloudRef.of(a);
            if (address == null || ref == null) {
                continue;
            }
            List<Owner> owners = decided.computeIfAbsent(address + '|' + ref.bucket(),
                    k -> owners(index, bucketsBySource, address, ref.bucket()));
            for (Owner o : owners) {
                List<Long> evidence = new ArrayList<>(o.evidence());
                evidence.add(a.evidenceArtifactId());
                out.add(RelationKind.WAS_ASSOCIATED_WITH, NodeRef.activity(a.id()), NodeRef.actor(o.actor().id()),
                        o.confidence(), index.where(a) + " came from " + address + ". " + o.explanation(),
                        index.where(a) + " 来自 " + address + "。" + o.explanationZh(), evidence);
            }
        }
    }

    private static List<Owner> owners(CaseIndex index, Map<Long, Set<String>> bucketsBySource, String address,
            String bucket) {
        List<Owner> owners = new ArrayList<>();
        for (Actor actor : index.ownersOf(address)) {
            Map<?, ?> attribution = attributionOf(actor, address);
            if (attribution != null) {
                owners.add(new Owner(actor, 0.8, "The examiner " + attribution.get("examiner") + " attributed "
                        + address + " to " + actor.name() + " (reference: " + attribution.get("reference")
                        + ", recorded " + attribution.get("time") + ").", "检验人员 " + attribution.get("examiner")
                        + " 将 " + address + " 归属于 " + actor.name() + "（依据：" + attribution.get("reference")
                        + "，记录于 " + attribution.get("time") + "）。", List.of()));
                continue;
            }
            if (actor.kind() != ActorKind.HOST) {
                continue;
            }
            boolean wan = isWan(actor, address);
            Set<Long> own = sourcesOf(index, actor);
            boolean uploadsThere = own.stream().anyMatch(s -> bucketsBySource.getOrDefault(s, Set.of()).contains(bucket));
            if (!wan || uploadsThere) {
                owners.add(new Owner(actor, uploadsThere ? 0.95 : 0.85, actor.name() + " is configured with "
                        + address + evidenceText(actor) + (uploadsThere ? ", and its own disk records uploading to "
                                + bucket + "." : "."), actor.name() + " 配置有地址 " + address + evidenceText(actor)
                                + (uploadsThere ? "，且其自身磁盘记录了向 " + bucket + " 的上传。" : "。"), List.of()));
                continue;
            }
            owners.add(new Owner(actor, 0.9, address + " is the WAN address of the router " + actor.name()
                    + evidenceText(actor) + ".", address + " 是路由器 " + actor.name() + " 的公网（WAN）地址"
                            + evidenceText(actor) + "。", List.of()));
            for (Actor lan : index.actors()) {
                if (lan.kind() != ActorKind.HOST || lan.equals(actor) || !behind(lan, actor)) {
                    continue;
                }
                Set<Long> lanSources = sourcesOf(index, lan);
                List<String> buckets = lanSources.stream()
                        .filter(s -> bucketsBySource.getOrDefault(s, Set.of()).contains(bucket))
                        .map(s -> index.source(s).label()).toList();
                if (buckets.isEmpty()) {
                    continue;
                }
                owners.add(new Owner(lan, 0.85, lan.name() + " sits on the LAN of " + actor.name() + " ("
                        + lanAddresses(lan) + ") and its own disk (" + String.join(", ", buckets)
                        + ") records uploading to " + bucket + ".", lan.name() + " 位于 " + actor.name() + " 的局域网内（"
                        + lanAddresses(lan) + "），其自身磁盘（" + String.join("、", buckets) + "）记录了向 " + bucket
                        + " 的上传。", List.of()));
            }
        }
        return owners;
    }

    /** The examiner's attribution of this address to the actor, where one was recorded. */
    private static Map<?, ?> attributionOf(Actor actor, String address) {
        Object list = actor.attributes() == null ? null : actor.attributes().get("attributions");
        if (list instanceof List<?> attributions) {
            for (Object o : attributions) {
                if (o instanceof Map<?, ?> m && m.get("addresses") instanceof List<?> ads && ads.contains(address)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static boolean isWan(Actor host, String address) {
        for (Map<?, ?> i : interfaces(host)) {
            if (address.equals(i.get("address")) && "WAN".equals(i.get("scope"))) {
                return true;
            }
        }
        return false;
    }

    /** A host is behind a router that leased it an address, keeps a static lease for it, or is its gateway. */
    private static boolean behind(Actor lan, Actor router) {
        Map<String, Object> at = lan.attributes() == null ? Map.of() : lan.attributes();
        if (at.get("staticLeaseOn") instanceof List<?> l && l.contains(router.name())) {
            return true;
        }
        if (at.get("leases") instanceof List<?> leases) {
            for (Object o : leases) {
                if (o instanceof Map<?, ?> m && router.name().equals(m.get("server"))) {
                    return true;
                }
            }
        }
        Set<Object> routerAddresses = new HashSet<>(router.addresses());
        for (Map<?, ?> i : interfaces(lan)) {
            if (i.get("gateway") != null && routerAddresses.contains(i.get("gateway"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Map<?, ?>> interfaces(Actor host) {
        List<Map<?, ?>> found = new ArrayList<>();
        Object list = host.attributes() == null ? null : host.attributes().get("interfaces");
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static String lanAddresses(Actor host) {
        return String.join(", ", host.addresses());
    }

    private static String evidenceText(Actor host) {
        Object ev = host.attributes() == null ? null : host.attributes().get("evidence");
        if (ev instanceof List<?> l && !l.isEmpty()) {
            return " (" + l.get(0) + (l.size() > 1 ? " and " + (l.size() - 1) + " more" : "") + ")";
        }
        return "";
    }

    /**
     * The sources that are the host's own disk: those its name was read from, those its
     * evidence entries name, and a source labelled with its name.
     */
    static Set<Long> sourcesOf(CaseIndex index, Actor host) {
        Set<String> labels = new HashSet<>();
        labels.add(host.name());
        Map<String, Object> at = host.attributes() == null ? Map.of() : host.attributes();
        Object nameFrom = at.get("nameFrom");
        if (nameFrom != null) {
            labels.add(labelOf(nameFrom.toString()));
        }
        if (at.get("names") instanceof List<?> names) {
            names.forEach(n -> labels.add(n.toString()));
        }
        Set<Long> ids = new HashSet<>();
        for (Source s : index.sources()) {
            if (labels.contains(s.label())) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    private static String labelOf(String where) {
        int colon = where.indexOf(':');
        return colon < 0 ? where : where.substring(0, colon);
    }

    /** The buckets each source's own tools, scripts and configuration upload to. */
    private static Map<Long, Set<String>> clientBuckets(CaseIndex index) {
        Map<Long, Set<String>> buckets = new HashMap<>();
        for (Activity a : index.activities()) {
            if (a.kind() != ActivityKind.UPLOAD || Traits.serverSide(a) || a.evidenceArtifactId() == null) {
                continue;
            }
            var evidence = index.artifact(a.evidenceArtifactId());
            if (evidence == null) {
                continue;
            }
            String bucket = a.attributes().get("bucket") != null ? a.attributes().get("bucket").toString() : null;
            if (bucket == null) {
                CloudRef ref = CloudRef.of(a);
                bucket = ref == null ? null : ref.bucket();
            }
            if (bucket == null && a.attributes().get("resolved") instanceof Map<?, ?> r && r.get("bucket") != null) {
                bucket = r.get("bucket").toString();
            }
            if (bucket != null) {
                buckets.computeIfAbsent(evidence.sourceId(), k -> new HashSet<>()).add(bucket);
            }
        }
        return buckets;
    }
}
