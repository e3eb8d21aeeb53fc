package org.huisu.trace.chain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Category;
import org.huisu.core.model.Finding;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.NodeType;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.Stage;
import org.huisu.trace.chain.Chains.ActorRef;
import org.huisu.trace.chain.Chains.Chain;
import org.huisu.trace.chain.Chains.EvidenceRef;
import org.huisu.trace.chain.Chains.StageReport;
import org.huisu.trace.link.CaseIndex;
import org.huisu.trace.link.CloudRef;
import org.huisu.trace.link.Links;
import org.huisu.trace.link.Links.Edge;
import org.huisu.trace.link.Traits;

/**
 * Assembles, per category of personal information found, the stages COLLECT to DELETE from the
 * findings and the relations the linkers made. Each stage counts only what evidence ties to the
 * category: the objects under the bucket prefixes where it was found, the uploads of those
 * prefixes from the addresses that uploaded it, the captures of what turned up there. A stage
 * without such evidence is reported missing, with what was looked for.
 */
public final class ChainBuilder {

    private static final int EVIDENCE_SHOWN = 8;
    private static final Set<String> ARCHIVE_ENDINGS = Set.of(".zip", ".tar", ".tgz", ".gz", ".7z", ".rar", ".bz2",
            ".xz", ".tbz2", ".txz");

    private final CaseIndex index;
    private final Links links;
    private final ZoneId zone;
    private final Facts facts;
    private final Map<ActivityKind, Map<String, List<Activity>>> byPrefix = new java.util.EnumMap<>(ActivityKind.class);

    public ChainBuilder(CaseIndex index, Links links) {
        this.index = index;
        this.links = links;
        this.zone = caseZone(index);
        this.facts = new Facts();
    }

    public Chains build(String caseName) {
        List<Chain> chains = new ArrayList<>();
        Map<String, Chains.CategoryStats> perCategory = new LinkedHashMap<>();
        Set<Category> found = new TreeSet<>();
        index.allFindings().values().forEach(list -> list.forEach(f -> found.add(f.category())));
        for (Category c : found) {
            CategoryChain cc = new CategoryChain(c);
            chains.add(cc.chain());
            perCategory.put(c.name(), cc.stats());
        }
        long vectors = 0;
        long persons = 0;
        for (List<Finding> list : index.allFindings().values()) {
            for (Finding f : list) {
                if (f.category() == Category.FACE_FEATURE) {
                    vectors += f.count();
                    persons = Math.max(persons, number(f.details().get("estimatedPersons")));
                }
            }
        }
        Chains.Stats stats = new Chains.Stats(index.sources().size(), index.artifacts().size(), perCategory, vectors,
                persons, facts.deletion);
        return new Chains(caseName, Instant.now().toString(), zone.getId(), chains, stats);
    }

    /** Shared across categories: the deletion pattern is the case's, found once. */
    private static final class Facts {
        Chains.Deletion deletion = new Chains.Deletion(0, null);
    }

    /** The chain of one category. */
    private final class CategoryChain {

        final Category category;
        final Set<Long> seeds = new HashSet<>();
        final Set<Long> records = new HashSet<>();
        final Set<Long> piObjects = new HashSet<>();
        final Set<String> prefixes = new TreeSet<>();
        final List<Activity> uploads = new ArrayList<>();
        final Set<String> uploaderAddresses = new TreeSet<>();
        final List<Activity> captures = new ArrayList<>();
        final Set<Long> captureIds = new HashSet<>();
        final Set<String> capturedPaths = new HashSet<>();
        final Set<String> uploadedLocalPaths = new HashSet<>();
        List<Map<String, Object>> analysisColumns = new ArrayList<>();
        Artifact analysisDatabase;
        long uploadedThenDeleted;
        long otherCaptures;

        CategoryChain(Category category) {
            this.category = category;
            for (Map.Entry<Long, List<Finding>> e : index.allFindings().entrySet()) {
                for (Finding f : e.getValue()) {
                    if (f.category() == category) {
                        seeds.add(e.getKey());
                        if (category != Category.FACE_IMAGE || !"scene".equals(f.details().get("kind"))) {
                            records.add(e.getKey());
                        }
                    }
                }
            }
        }

        Chain chain() {
            findObjectsAndPrefixes();
            findUploads();
            findCaptures();
            List<StageReport> stages = new ArrayList<>();
            stages.add(collect());
            StageReport analyze = analyze();
            stages.add(analyze);
            stages.add(identify());
            stages.add(use());
            stages.add(transmit());
            stages.add(store());
            stages.add(delete());
            long total = total();
            return new Chain(category.name(), total, unique(total), stages);
        }

        /** How many records of the category: captures where they are known, else vectors, uploads or findings. */
        private long total() {
            if (category == Category.FACE_FEATURE) {
                long vectors = 0;
                for (long id : seeds) {
                    vectors += index.findings(id).stream().filter(f -> f.category() == category)
                            .mapToLong(Finding::count).sum();
                }
                return vectors;
            }
            return !captures.isEmpty() ? captures.size() : Math.max(transmitted(), records.size());
        }

        // ------------------------------------------------------------ what belongs to the chain

        private void findObjectsAndPrefixes() {
            for (long id : seeds) {
                Set<Long> same = alternates(id);
                for (long s : same) {
                    Artifact top = container(index.artifact(s));
                    if (top != null && top.kind() == ArtifactKind.CLOUD_OBJECT) {
                        piObjects.add(top.id());
                        CloudRef ref = CloudRef.of(top);
                        prefixes.add(ref.bucket() + "/" + ref.topPrefix());
                    }
                }
            }
            if (prefixes.isEmpty()) {
                // no bucket acquired: the client's own upload records of the files found say where they went
                Set<String> seedPaths = new HashSet<>();
                Set<String> seedNames = new HashSet<>();
                for (long id : seeds) {
                    Artifact a = index.artifact(id);
                    if (!index.isCloud(a.sourceId())) {
                        seedPaths.add(a.locator());
                        seedNames.add(a.name());
                    }
                }
                for (Activity u : index.activities(ActivityKind.UPLOAD)) {
                    CloudRef ref = CloudRef.of(u);
                    if (ref == null || Traits.planned(u)) {
                        continue;
                    }
                    boolean named = Traits.localPaths(u).stream().anyMatch(seedPaths::contains)
                            || seedNames.contains(ref.fileName());
                    if (named) {
                        prefixes.add(ref.bucket() + "/" + ref.topPrefix());
                    }
                }
            }
        }

        private boolean fromUploader(Activity a) {
            String address = Traits.remoteAddress(a);
            return address != null && uploaderAddresses.contains(address);
        }

        /** The activities of a kind that touched the chain's prefixes, in the case's order. */
        private List<Activity> inChainPrefixes(ActivityKind kind) {
            Map<String, List<Activity>> byPrefix = prefixIndex(kind);
            List<Activity> found = new ArrayList<>();
            for (String p : prefixes) {
                found.addAll(byPrefix.getOrDefault(p, List.of()));
            }
            found.sort(Comparator.comparingLong(Activity::id));
            return found;
        }

        private boolean inPrefixes(CloudRef ref) {
            return ref != null && prefixes.contains(ref.bucket() + "/" + ref.topPrefix());
        }

        private void findUploads() {
            List<Activity> server = new ArrayList<>();
            List<Activity> client = new ArrayList<>();
            for (Activity a : inChainPrefixes(ActivityKind.UPLOAD)) {
                if (Traits.planned(a) || Traits.failed(a)) {
                    continue;
                }
                (Traits.serverSide(a) ? server : client).add(a);
            }
            Set<String> piKeys = new HashSet<>();
            piObjects.forEach(id -> piKeys.add(CloudRef.of(index.artifact(id)).uri()));
            for (Activity a : server) {
                if (piKeys.contains(CloudRef.of(a).uri()) && Traits.remoteAddress(a) != null) {
                    uploaderAddresses.add(Traits.remoteAddress(a));
                }
            }
            for (Activity a : server) {
                if (uploaderAddresses.isEmpty() || fromUploader(a)) {
                    uploads.add(a);
                }
            }
            if (uploads.isEmpty()) {
                uploads.addAll(client);
            }
            uploads.sort(Comparator.comparing(Activity::started, Comparator.nullsLast(Comparator.naturalOrder())));
            for (Activity a : client) {
                uploadedLocalPaths.addAll(Traits.localPaths(a));
            }
        }

        private void findCaptures() {
            Set<Long> tied = new HashSet<>();
            for (long id : records) {
                tied.addAll(alternates(id));
            }
            Set<Long> singleObjects = new HashSet<>();
            for (CloudRef ref : index.allObjects().keySet()) {
                if (inPrefixes(ref) && !isArchive(ref.key())) {
                    index.objects(ref).forEach(o -> singleObjects.add(o.id()));
                }
            }
            tied.addAll(singleObjects);
            Set<Long> recordCaptures = capturesOf(tied);
            Set<Long> systemCaptures = capturesOf(vectorRows());
            Set<Long> chosen;
            if (category == Category.FACE_FEATURE) {
                chosen = systemCaptures;
            } else if (systemCaptures.stream().anyMatch(recordCaptures::contains)) {
                // the analysis system keeps one row per captured face: its rows say which captures are records,
                // and frames that merely show a face (scene frames) are counted apart
                chosen = new LinkedHashSet<>(systemCaptures);
                chosen.addAll(capturesOf(singleObjects));
                otherCaptures = recordCaptures.stream().filter(id -> !chosen.contains(id)).count();
            } else {
                chosen = recordCaptures;
            }
            Set<Long> captureIds = new LinkedHashSet<>(chosen);
            if (category != Category.FACE_FEATURE) {
                for (Activity c : index.activities(ActivityKind.CAPTURE)) {
                    if (!captureIds.contains(c.id())
                            && Traits.localPaths(c).stream().anyMatch(uploadedLocalPaths::contains)
                            && (chosen.isEmpty() || !isArchive(Traits.localPaths(c).get(0)))) {
                        captureIds.add(c.id());
                    }
                }
            }
            for (long id : captureIds) {
                Activity c = index.activity(id);
                this.captureIds.add(id);
                captures.add(c);
                capturedPaths.addAll(Traits.localPaths(c));
            }
            captures.sort(Comparator.comparing(Activity::started, Comparator.nullsLast(Comparator.naturalOrder())));
        }

        /** The capture activities that generated any of these artifacts. */
        private Set<Long> capturesOf(Set<Long> artifacts) {
            Set<Long> ids = new LinkedHashSet<>();
            for (long id : artifacts) {
                for (Edge e : links.at(NodeRef.artifact(id))) {
                    if (e.kind() == RelationKind.WAS_GENERATED_BY && e.from().id() == id
                            && e.from().type() == NodeType.ARTIFACT && e.to().type() == NodeType.ACTIVITY) {
                        Activity c = index.activity(e.to().id());
                        if (c != null && c.kind() == ActivityKind.CAPTURE) {
                            ids.add(c.id());
                        }
                    }
                }
            }
            return ids;
        }

        /** Rows of tables whose columns hold face feature vectors (the analysis system's records). */
        private Set<Long> vectorRows() {
            Set<Long> rows = new HashSet<>();
            Map<Long, Set<String>> tablesByDatabase = new HashMap<>();
            for (Map.Entry<Long, List<Finding>> e : index.allFindings().entrySet()) {
                for (Finding f : e.getValue()) {
                    if (f.category() == Category.FACE_FEATURE && f.details().get("columns") instanceof List<?> cols) {
                        for (Object o : cols) {
                            if (o instanceof Map<?, ?> m && m.get("table") != null) {
                                tablesByDatabase.computeIfAbsent(e.getKey(), k -> new HashSet<>())
                                        .add(m.get("table").toString());
                            }
                        }
                    }
                }
            }
            for (Artifact a : index.artifacts()) {
                if (a.kind() == ArtifactKind.DB_ROW && a.parentId() != null
                        && tablesByDatabase.getOrDefault(a.parentId(), Set.of()).contains(
                                String.valueOf(a.attributes().get("table")))) {
                    rows.add(a.id());
                }
            }
            return rows;
        }

        // ------------------------------------------------------------ stages

        private StageReport collect() {
            if (captures.isEmpty()) {
                long onDisk = records.stream().map(index::artifact).filter(a -> !index.isCloud(a.sourceId())).count();
                return missing(Stage.COLLECT, "CAPTURE",
                        "No capture record (a camera or capture program's log line saving a file) ties to the "
                                + label() + " found" + (onDisk > 0 ? "; " + onDisk + " were found on seized disks,"
                                        + " but nothing there says how they were collected." : "."),
                        "未发现与所见" + labelZh() + "相关的采集记录（摄像头或采集程序保存文件的日志行）"
                                + (onDisk > 0 ? "；在扣押的磁盘上发现 " + onDisk + " 条，但没有记录说明其采集方式。" : "。"));
            }
            Set<ActorRef> actors = new LinkedHashSet<>();
            for (Actor camera : index.actors()) {
                if (camera.name().length() >= 3 && capturedPaths.stream().anyMatch(p -> namesCamera(p, camera.name()))) {
                    // known to the network as a host; in this stage it is what captured
                    actors.add(new ActorRef("camera", camera.name(), ref(camera).addresses()));
                }
            }
            List<Long> logs = evidenceOf(captures);
            hostsOf(logs).forEach(actors::add);
            List<String> locations = localDirectories(captures.get(0), capturedPaths);
            long n = captures.size();
            String en = n + " " + label() + " were captured, as " + logs.size() + " log file(s) record line by line ("
                    + index.where(captures.get(0)) + " first); each is tied to " + label()
                    + " found elsewhere in the evidence (the same file in the bucket, an archive, a database row)."
                    + (otherCaptures > 0 ? " " + otherCaptures + " more captured frames show faces but are no records"
                            + " of the analysis system (scene frames); they are not counted here." : "");
            String zh = "日志逐行记录了 " + n + " 条" + labelZh() + "的采集（首条见 " + index.where(captures.get(0))
                    + "）；每条都与证据中别处发现的" + labelZh() + "（存储桶中的同一文件、压缩包、数据库记录）相关联。"
                    + (otherCaptures > 0 ? "另有 " + otherCaptures + " 帧采集画面含有人脸，但不是分析系统的记录（场景帧），未计入。" : "");
            return found(Stage.COLLECT, "CAPTURE", actors, locations, captures, n, 0.9, en, zh, logs);
        }

        private StageReport analyze() {
            List<Map<String, Object>> columns = new ArrayList<>();
            Map<Map<String, Object>, Artifact> databases = new HashMap<>();
            for (Map.Entry<Long, List<Finding>> e : index.allFindings().entrySet()) {
                Artifact db = index.artifact(e.getKey());
                for (Finding f : e.getValue()) {
                    if (f.category() != Category.FACE_FEATURE || !(f.details().get("columns") instanceof List<?> cols)) {
                        continue;
                    }
                    for (Object o : cols) {
                        if (o instanceof Map<?, ?> m && tiedToChain(db, m)) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> col = (Map<String, Object>) m;
                            columns.add(col);
                            databases.put(col, db);
                        }
                    }
                }
            }
            if (columns.isEmpty()) {
                return missing(Stage.ANALYZE, "EXTRACT_FACES", "No face feature vectors tied to the " + label()
                        + " were found (a database or file of vectors whose rows name the captured files).",
                        "未发现与" + labelZh() + "相关的人脸特征值（其记录指向所采集文件的数据库或文件）。");
            }
            columns.sort(Comparator.comparingLong(m -> -number(m.get("vectors"))));
            Map<String, Object> main = columns.get(0);
            Artifact database = databases.get(main);
            analysisColumns = columns.stream().filter(col -> databases.get(col) == database).toList();
            analysisDatabase = database;
            long vectors = number(main.get("vectors"));
            String where = index.where(database) + " (" + main.get("table") + "." + main.get("column") + ")";
            String en = vectors + " face feature vectors of " + main.get("dimension") + " values (" + main.get("encoding")
                    + ", " + main.get("storage") + ") are kept in " + where
                    + (category == Category.FACE_FEATURE ? "." : "; its rows name the captured files, so each vector"
                            + " was computed from a captured face.");
            String zh = where + " 中保存了 " + vectors + " 条 " + main.get("dimension") + " 维人脸特征值"
                    + (category == Category.FACE_FEATURE ? "。" : "；其记录指向所采集的文件，即每条特征值由一张采集到的人脸计算得出。");
            return new StageReport(Stage.ANALYZE.name(), true, "EXTRACT_FACES", hostsOf(List.of(database.id())),
                    List.of(index.where(database)), time(first(captures)), time(last(captures)), vectors, 0.85,
                    text(en, zh), evidence(List.of(database.id())));
        }

        /** A vector column belongs to this chain when its rows are tied to the chain's captures (or it is the chain). */
        private boolean tiedToChain(Artifact db, Map<?, ?> column) {
            if (category == Category.FACE_FEATURE && captures.isEmpty()) {
                return true;
            }
            String table = String.valueOf(column.get("table"));
            for (Artifact row : index.children(db.id())) {
                if (row.kind() == ArtifactKind.DB_ROW && table.equals(String.valueOf(row.attributes().get("table")))) {
                    for (Edge e : links.at(NodeRef.artifact(row.id()))) {
                        if (e.kind() == RelationKind.WAS_GENERATED_BY && e.to().type() == NodeType.ACTIVITY
                                && captureIds.contains(e.to().id())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private StageReport identify() {
            if (analysisColumns.isEmpty()) {
                return missing(Stage.IDENTIFY, "MATCH", "Without feature vectors there is no evidence of matching"
                        + " faces to persons.", "没有特征值，就没有将人脸比对到个人的证据。");
            }
            Map<String, Object> main = analysisColumns.get(0);
            Map<String, Object> templates = null;
            for (Map<String, Object> col : allColumns(analysisDatabase)) {
                long v = number(col.get("vectors"));
                if (!col.get("table").equals(main.get("table")) && v > 0 && v == number(col.get("estimatedPersons"))
                        && v < number(main.get("vectors"))) {
                    templates = col;
                }
            }
            long persons;
            String en;
            String zh;
            if (templates != null) {
                persons = number(templates.get("vectors"));
                en = persons + " persons are held as one template vector each in " + templates.get("table") + "."
                        + templates.get("column") + "; clustering the " + number(main.get("vectors"))
                        + " captured vectors (cosine similarity, threshold " + main.get("threshold") + ") gives "
                        + main.get("estimatedPersons") + " persons too: captured faces were matched to persons.";
                zh = templates.get("table") + "." + templates.get("column") + " 中每人一条模板特征值，共 " + persons
                        + " 人；对 " + number(main.get("vectors")) + " 条采集特征值聚类（余弦相似度阈值 "
                        + main.get("threshold") + "）得到 " + main.get("estimatedPersons") + " 人：采集到的人脸被比对识别到个人。";
            } else {
                persons = number(main.get("estimatedPersons"));
                en = "Clustering the " + number(main.get("vectors")) + " vectors (cosine similarity, threshold "
                        + main.get("threshold") + ") gives an estimated " + persons + " distinct persons; no table of"
                        + " per-person templates was found.";
                zh = "对 " + number(main.get("vectors")) + " 条特征值聚类（余弦相似度阈值 " + main.get("threshold")
                        + "）估计有 " + persons + " 个不同的人；未发现按人保存的模板表。";
            }
            return new StageReport(Stage.IDENTIFY.name(), true, "MATCH", hostsOf(List.of(analysisDatabase.id())),
                    List.of(index.where(analysisDatabase)), time(first(captures)), time(last(captures)), persons,
                    templates != null ? 0.85 : 0.7, text(en, zh), evidence(List.of(analysisDatabase.id())));
        }

        private List<Map<String, Object>> allColumns(Artifact db) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Finding f : index.findings(db.id())) {
                if (f.category() == Category.FACE_FEATURE && f.details().get("columns") instanceof List<?> cols) {
                    for (Object o : cols) {
                        if (o instanceof Map<?, ?> m) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> col = (Map<String, Object>) m;
                            all.add(col);
                        }
                    }
                }
            }
            return all;
        }

        private StageReport use() {
            List<Activity> downloads = new ArrayList<>();
            for (Activity a : inChainPrefixes(ActivityKind.DOWNLOAD)) {
                if (Traits.serverSide(a) && !Traits.failed(a) && !fromUploader(a)) {
                    downloads.add(a);
                }
            }
            downloads.sort(Comparator.comparing(Activity::started, Comparator.nullsLast(Comparator.naturalOrder())));
            Set<String> locations = new LinkedHashSet<>();
            List<Long> rowEvidence = new ArrayList<>();
            long rows = 0;
            for (Edge e : links.edges()) {
                if (e.kind() != RelationKind.WAS_DERIVED_FROM || !"app-url".equals(e.linker())) {
                    continue;
                }
                Artifact row = index.artifact(e.from().id());
                Artifact object = index.artifact(e.to().id());
                if (row != null && object != null && inPrefixes(CloudRef.of(object))) {
                    rows++;
                    locations.add(index.label(row) + ":" + appFolder(row.locator()));
                    if (rowEvidence.size() < EVIDENCE_SHOWN) {
                        rowEvidence.add(row.id());
                    }
                }
            }
            if (downloads.isEmpty() && rows == 0 && category == Category.FACE_FEATURE) {
                return appVectors();
            }
            if (downloads.isEmpty() && rows == 0) {
                return missing(Stage.USE, "VIEW", "No download of the stored " + label() + " and no app record"
                        + " pointing at them was found.", "未发现对所存" + labelZh() + "的下载，也未发现指向它们的应用记录。");
            }
            Map<String, Set<String>> clients = new TreeMap<>();
            for (Activity d : downloads) {
                Object who = d.attributes().get("requester");
                if (who == null) {
                    who = d.attributes().getOrDefault("userAgent", "unknown client");
                }
                clients.computeIfAbsent(who.toString(), k -> new TreeSet<>()).add(String.valueOf(Traits.remoteAddress(d)));
            }
            Set<ActorRef> actors = new LinkedHashSet<>();
            clients.forEach((who, ads) -> actors.add(new ActorRef(who.startsWith("arn:") ? "account" : "client", who,
                    List.copyOf(ads))));
            downloads.forEach(d -> locations.add("s3://" + CloudRef.of(d).bucket() + "/" + CloudRef.of(d).topPrefix()));
            long n = downloads.isEmpty() ? rows : downloads.size();
            Set<String> addresses = new TreeSet<>();
            clients.values().forEach(addresses::addAll);
            String en = (downloads.isEmpty() ? "" : downloads.size() + " downloads of the stored " + label() + " from "
                    + addresses.size() + " addresses other than the uploader's are logged. ")
                    + (rows == 0 ? "" : rows + " app database rows point at the stored objects (" + String.join(", ",
                            locations.stream().filter(l -> !l.startsWith("s3://")).toList()) + ").");
            String zh = (downloads.isEmpty() ? "" : "日志记录了来自上传地址以外 " + addresses.size() + " 个地址对所存"
                    + labelZh() + "的 " + downloads.size() + " 次下载。") + (rows == 0 ? "" : "应用数据库中有 " + rows
                            + " 条记录指向所存对象。");
            List<Long> ev = new ArrayList<>(evidenceOf(downloads));
            ev.addAll(rowEvidence);
            return new StageReport(Stage.USE.name(), true, downloads.isEmpty() ? "VIEW" : "DOWNLOAD",
                    List.copyOf(actors), List.copyOf(locations), time(first(downloads)), time(last(downloads)), n,
                    downloads.isEmpty() ? 0.8 : 0.9, text(en.trim(), zh), evidence(ev));
        }

        /** Feature vectors inside a phone app's data are in use by that app. */
        private StageReport appVectors() {
            long n = 0;
            List<Long> ev = new ArrayList<>();
            Set<String> locations = new LinkedHashSet<>();
            for (long id : seeds) {
                Artifact a = index.artifact(id);
                Source s = index.source(a.sourceId());
                if (s.kind() != org.huisu.core.model.SourceKind.ANDROID) {
                    continue;
                }
                n += index.findings(id).stream().filter(f -> f.category() == category).mapToLong(Finding::count).sum();
                ev.add(id);
                locations.add(s.label() + ":" + appFolder(a.locator()));
            }
            if (n == 0) {
                return missing(Stage.USE, "VIEW", "No app or download making use of the " + label() + " was found.",
                        "未发现使用" + labelZh() + "的应用或下载。");
            }
            return new StageReport(Stage.USE.name(), true, "VIEW", List.of(), List.copyOf(locations), null, null, n,
                    0.8, text("The phone app data " + String.join(", ", locations) + " holds " + n + " " + label()
                            + ": the app uses them.", "手机应用数据 " + String.join("、", locations) + " 中保存有 " + n
                            + " 条" + labelZh() + "，为应用所使用。"), evidence(ev));
        }

        private long transmitted() {
            Set<String> keys = new HashSet<>();
            Set<String> archives = new HashSet<>();
            for (Activity u : uploads) {
                CloudRef ref = CloudRef.of(u);
                (isArchive(ref.key()) ? archives : keys).add(ref.uri());
            }
            if (!keys.isEmpty()) {
                return keys.size();
            }
            long members = 0;
            for (String uri : archives) {
                for (Artifact object : index.objects(CloudRef.parse(uri))) {
                    members += membersWithRecords(object);
                }
            }
            return members;
        }

        private long membersWithRecords(Artifact archive) {
            long n = 0;
            for (Artifact m : index.children(archive.id())) {
                n += records.contains(m.id()) ? 1 : 0;
                n += m.kind() == ArtifactKind.ARCHIVE_MEMBER ? membersWithRecords(m) : 0;
            }
            return n;
        }

        private StageReport transmit() {
            if (uploads.isEmpty()) {
                return missing(Stage.TRANSMIT, "UPLOAD", "No upload of the " + label() + " was found in the storage"
                        + " service's logs, the clients' logs or the scripts.",
                        "在存储服务日志、客户端日志和脚本中均未发现" + labelZh() + "的上传记录。");
            }
            Set<ActorRef> actors = new LinkedHashSet<>();
            double confidence = 0;
            Set<Long> evidence = new LinkedHashSet<>(evidenceOf(uploads));
            List<Activity> clientSide = new ArrayList<>();
            for (Activity u : uploads) {
                double best = 0.6;
                for (Edge e : links.at(NodeRef.activity(u.id()))) {
                    if (e.from().type() != NodeType.ACTIVITY || e.from().id() != u.id()) {
                        continue;
                    }
                    if (e.kind() == RelationKind.WAS_ASSOCIATED_WITH) {
                        Actor actor = index.actor(e.to().id());
                        if (actor != null) {
                            actors.add(ref(actor));
                        }
                        best = Math.max(best, e.confidence());
                        if (evidence.size() < EVIDENCE_SHOWN * 2) {
                            evidence.addAll(e.evidence());
                        }
                    } else if (e.kind() == RelationKind.WAS_INFORMED_BY) {
                        Activity other = index.activity(e.to().id());
                        if (other != null) {
                            clientSide.add(other);
                            jobsOf(other).forEach(actors::add);
                        }
                    }
                }
                confidence += best;
            }
            confidence /= uploads.size();
            Set<String> paths = new HashSet<>();
            clientSide.forEach(c -> paths.addAll(Traits.localPaths(c)));
            List<String> locations = new ArrayList<>();
            if (!clientSide.isEmpty()) {
                Set<String> filePaths = new HashSet<>(paths);
                filePaths.retainAll(capturedPaths);
                locations.addAll(localDirectories(clientSide.get(0), filePaths.isEmpty() ? paths : filePaths));
            }
            prefixes.forEach(p -> locations.add("s3://" + p));
            long n = transmitted();
            long archives = uploads.stream().map(CloudRef::of).filter(r -> isArchive(r.key())).map(CloudRef::uri)
                    .distinct().count();
            String by = actors.stream().map(a -> a.name() + (a.addresses().isEmpty() ? "" : " (" + String.join(", ",
                    a.addresses()) + ")")).reduce((a, b) -> a + ", " + b).orElse("an unidentified sender");
            String en = n + " " + label() + (archives > 0 ? " and " + archives + " archives" : "") + " were uploaded to "
                    + String.join(", ", prefixes.stream().map(p -> "s3://" + p).toList()) + " from "
                    + String.join(", ", uploaderAddresses.isEmpty() ? List.of("the client") : uploaderAddresses)
                    + ", by " + by + ".";
            String zh = n + " 条" + labelZh() + (archives > 0 ? "及 " + archives + " 个压缩包" : "") + "从 "
                    + String.join("、", uploaderAddresses.isEmpty() ? List.of("客户端") : uploaderAddresses) + " 上传至 "
                    + String.join("、", prefixes.stream().map(p -> "s3://" + p).toList()) + "，上传方：" + by + "。";
            return found(Stage.TRANSMIT, "UPLOAD", actors, locations, uploads, n, confidence, en, zh,
                    List.copyOf(evidence));
        }

        private StageReport store() {
            List<Artifact> stored = new ArrayList<>();
            for (Map.Entry<CloudRef, List<Artifact>> e : index.allObjects().entrySet()) {
                if (inPrefixes(e.getKey())) {
                    stored.addAll(e.getValue());
                }
            }
            stored.sort(Comparator.comparing(Artifact::locator));
            Set<String> buckets = new TreeSet<>();
            prefixes.forEach(p -> buckets.add(p.substring(0, p.indexOf('/'))));
            List<ActorRef> actors = buckets.stream().map(b -> new ActorRef("bucket", b, endpoints(b))).toList();
            List<String> locations = prefixes.stream().map(p -> "s3://" + p).toList();
            if (stored.isEmpty()) {
                if (uploads.isEmpty()) {
                    return localStore();
                }
                Set<String> keys = new TreeSet<>();
                uploads.forEach(u -> keys.add(CloudRef.of(u).uri()));
                return new StageReport(Stage.STORE.name(), true, "STORE", actors, locations, time(first(uploads)), null,
                        keys.size(), 0.6, text(keys.size() + " objects were uploaded to " + String.join(", ", locations)
                                + "; the bucket itself was not acquired, so whether they are still stored is not known.",
                                keys.size() + " 个对象被上传至 " + String.join("、", locations) + "；存储桶本身未获取，无法确认其是否仍在保存。"),
                        evidence(evidenceOf(uploads)));
            }
            Instant from = null;
            Instant to = null;
            for (Artifact a : stored) {
                Instant t = a.times() == null ? null : a.times().modified();
                if (t != null) {
                    from = from == null || t.isBefore(from) ? t : from;
                    to = to == null || t.isAfter(to) ? t : to;
                }
            }
            if (!uploads.isEmpty()) {
                from = first(uploads) != null ? first(uploads) : from;
                to = last(uploads) != null ? last(uploads) : to;
            }
            long withFindings = stored.stream().filter(a -> piObjects.contains(a.id())).count();
            String en = stored.size() + " objects are stored in " + String.join(", ", locations) + " as acquired from "
                    + "the bucket; " + withFindings + " of them hold " + label() + " by their content (the rest lie"
                    + " under the same prefixes, uploaded the same way).";
            String zh = String.join("、", locations) + " 中保存有 " + stored.size() + " 个对象（取自存储桶）；其中 "
                    + withFindings + " 个经内容检测含有" + labelZh() + "（其余位于同一前缀下，以同样方式上传）。";
            List<Long> ev = stored.stream().filter(a -> piObjects.contains(a.id())).limit(EVIDENCE_SHOWN)
                    .map(Artifact::id).toList();
            return new StageReport(Stage.STORE.name(), true, "STORE", actors, locations, time(from), time(to),
                    stored.size(), 0.95, text(en, zh), evidence(ev));
        }

        /** Without a bucket, where the records are kept is where they were found: the seized disks and databases. */
        private StageReport localStore() {
            Map<String, Long> places = new TreeMap<>();
            List<Long> ev = new ArrayList<>();
            for (long id : records) {
                Artifact a = index.artifact(id);
                Artifact top = container(a);
                String place = index.label(top) + ":" + (a.kind() == ArtifactKind.DB_ROW ? a.locator().replaceAll("#.*", "")
                        : directory(top.locator()));
                long n = category == Category.FACE_FEATURE ? index.findings(id).stream()
                        .filter(f -> f.category() == category).mapToLong(Finding::count).sum() : 1;
                places.merge(place, n, Long::sum);
                if (ev.size() < EVIDENCE_SHOWN) {
                    ev.add(top.id());
                }
            }
            if (places.isEmpty()) {
                return missing(Stage.STORE, "STORE", "No place holding the " + label() + " was found.",
                        "未发现保存" + labelZh() + "的位置。");
            }
            long n = places.values().stream().mapToLong(Long::longValue).sum();
            String list = places.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return new StageReport(Stage.STORE.name(), true, "STORE", hostsOf(ev), List.copyOf(places.keySet()), null,
                    null, n, 0.9, text(n + " " + label() + " are kept on the seized evidence: " + list + ".",
                            "扣押的证据中保存有 " + n + " 条" + labelZh() + "：" + list + "。"), evidence(ev));
        }

        private StageReport delete() {
            if (category == Category.FACE_FEATURE) {
                return missing(Stage.DELETE, "DELETE", "No record of deleting feature vectors was found (deleting the"
                        + " captured images does not delete the vectors computed from them).",
                        "未发现删除特征值的记录（删除采集的图像并不会删除由其计算出的特征值）。");
            }
            List<Activity> deletions = new ArrayList<>();
            Set<String> deletedRecords = new HashSet<>();
            Set<String> candidates = new HashSet<>(capturedPaths);
            candidates.addAll(uploadedLocalPaths);
            for (Activity d : index.activities(ActivityKind.DELETE)) {
                if (Traits.planned(d) || Traits.failed(d)) {
                    continue;
                }
                if (Traits.serverSide(d)) {
                    if (inPrefixes(CloudRef.of(d))) {
                        deletions.add(d);
                        deletedRecords.add(CloudRef.of(d).uri());
                    }
                    continue;
                }
                boolean covers = false;
                for (String gone : Traits.localPaths(d)) {
                    String dir = gone.endsWith("/") ? gone : gone + "/";
                    for (String p : candidates) {
                        if (p.equals(gone) || p.startsWith(dir)) {
                            covers = true;
                            if (capturedPaths.isEmpty() || capturedPaths.contains(p)) {
                                if (!isArchive(p)) {
                                    deletedRecords.add(p);
                                }
                            }
                        }
                    }
                }
                if (covers) {
                    deletions.add(d);
                }
            }
            if (deletions.isEmpty()) {
                return missing(Stage.DELETE, "DELETE", "No record of deleting the " + label() + " (locally or in the"
                        + " bucket) was found.", "未发现删除" + labelZh() + "（本地或存储桶中）的记录。");
            }
            deletions.sort(Comparator.comparing(Activity::started, Comparator.nullsLast(Comparator.naturalOrder())));
            Set<ActorRef> actors = new LinkedHashSet<>(hostsOf(evidenceOf(deletions)));
            deletions.forEach(d -> jobsOf(d).forEach(actors::add));
            Set<String> deletedPaths = new HashSet<>();
            deletions.forEach(d -> deletedPaths.addAll(Traits.localPaths(d)));
            Set<String> tiedPaths = new HashSet<>(deletedRecords);
            List<String> locations = localDirectories(deletions.get(0), tiedPaths.isEmpty() ? deletedPaths : tiedPaths);
            long n = deletedRecords.size();
            uploadedThenDeleted = 0;
            Map<String, Instant> uploadTimes = new HashMap<>();
            for (Activity u : inChainPrefixes(ActivityKind.UPLOAD)) {
                if (Traits.clientSide(u)) {
                    Traits.localPaths(u).forEach(p -> uploadTimes.putIfAbsent(p, u.started()));
                }
            }
            for (String p : deletedRecords) {
                if (uploadTimes.containsKey(p)) {
                    uploadedThenDeleted++;
                }
            }
            Map<String, String> pattern = schedule(deletions);
            if (category == Category.FACE_IMAGE || facts.deletion.uploadedThenDeleted() == 0) {
                facts.deletion = new Chains.Deletion(uploadedThenDeleted, pattern);
            }
            String en = n + " " + label() + " were deleted: " + deletions.size() + " deletion record(s) ("
                    + index.where(deletions.get(0)) + " first) remove files and folders that held them"
                    + (uploadedThenDeleted > 0 ? "; " + uploadedThenDeleted + " of them had been uploaded before" : "")
                    + (pattern == null ? "." : "; " + pattern.get("en"));
            String zh = n + " 条" + labelZh() + "被删除：" + deletions.size() + " 条删除记录（首条见 "
                    + index.where(deletions.get(0)) + "）删除了存放它们的文件和目录"
                    + (uploadedThenDeleted > 0 ? "；其中 " + uploadedThenDeleted + " 条删除前已被上传" : "") + "。"
                    + (pattern == null ? "" : pattern.get("zh"));
            return found(Stage.DELETE, "DELETE", actors, locations, deletions, n, 0.85, en, zh,
                    evidenceOf(deletions));
        }

        /**
         * The schedule behind the deletions, in English and Chinese: the scheduled script's command a
         * linker tied them to, else the days and hour they keep to; null when there is none.
         */
        private Map<String, String> schedule(List<Activity> deletions) {
            for (Activity d : deletions) {
                for (Edge e : links.at(NodeRef.activity(d.id()))) {
                    if (e.kind() == RelationKind.WAS_INFORMED_BY && e.from().id() == d.id()
                            && e.to().type() == NodeType.ACTIVITY) {
                        Activity command = index.activity(e.to().id());
                        Activity schedule = scheduleOf(command);
                        if (command != null && schedule != null) {
                            String job = index.where(schedule) + " runs " + schedule.attributes().get("description")
                                    + " (" + schedule.attributes().get("schedule") + "); its script deletes with "
                                    + command.attributes().get("command") + " (" + index.where(command) + ")";
                            return text("the job " + job + ".", "定时任务按计划运行脚本，脚本在上传后删除本地文件（"
                                    + job + "）。");
                        }
                    }
                }
            }
            Set<String> days = new TreeSet<>();
            Set<Integer> hours = new TreeSet<>();
            for (Activity d : deletions) {
                if (d.started() != null) {
                    var local = d.started().atZone(zone);
                    days.add(local.toLocalDate().toString());
                    hours.add(local.getHour());
                }
            }
            if (days.size() >= 3 && hours.size() <= 2) {
                String en = "deletions happen on " + days.size() + " days, always at " + hours.iterator().next()
                        + " o'clock (" + zone.getId() + ").";
                return text(en, "删除行为规律出现：" + en);
            }
            return null;
        }

        private Activity scheduleOf(Activity command) {
            if (command == null) {
                return null;
            }
            for (Edge e : links.at(NodeRef.activity(command.id()))) {
                if (e.kind() == RelationKind.WAS_INFORMED_BY && e.from().id() == command.id()
                        && e.to().type() == NodeType.ACTIVITY) {
                    Activity s = index.activity(e.to().id());
                    if (s != null && s.kind() == ActivityKind.SCHEDULE) {
                        return s;
                    }
                }
            }
            return null;
        }

        /** The jobs an activity ran as, directly or through the script command it followed. */
        private List<ActorRef> jobsOf(Activity a) {
            List<ActorRef> jobs = new ArrayList<>();
            for (Edge e : links.at(NodeRef.activity(a.id()))) {
                if (e.from().type() != NodeType.ACTIVITY || e.from().id() != a.id()) {
                    continue;
                }
                if (e.kind() == RelationKind.WAS_ASSOCIATED_WITH) {
                    Actor actor = index.actor(e.to().id());
                    if (actor != null && actor.kind() == org.huisu.core.model.ActorKind.JOB) {
                        jobs.add(ref(actor));
                    }
                } else if (e.kind() == RelationKind.WAS_INFORMED_BY) {
                    Activity command = index.activity(e.to().id());
                    Activity schedule = scheduleOf(command);
                    if (schedule != null && index.actor(schedule.actorId()) != null) {
                        jobs.add(ref(index.actor(schedule.actorId())));
                    }
                }
            }
            return jobs;
        }

        Chains.CategoryStats stats() {
            Map<String, Long> bySource = new TreeMap<>();
            for (long id : records) {
                Artifact a = index.artifact(id);
                bySource.merge(index.label(a), 1L, Long::sum);
            }
            Map<String, Long> byDay = new TreeMap<>();
            if (!captures.isEmpty()) {
                for (Activity c : captures) {
                    if (c.started() != null) {
                        byDay.merge(c.started().atZone(zoneOf(c)).toLocalDate().toString(), 1L, Long::sum);
                    }
                }
            } else {
                for (long id : records) {
                    Artifact a = index.artifact(id);
                    Instant t = a.times() == null ? null : a.times().modified();
                    if (t != null) {
                        byDay.merge(t.atZone(index.zone(a.sourceId())).toLocalDate().toString(), 1L, Long::sum);
                    }
                }
            }
            long total = total();
            return new Chains.CategoryStats(total, unique(total), bySource, byDay);
        }

        /**
         * Distinct contents among the records: copies of one file (phone cache, bucket, archive) count
         * once. Captures are counted by the bytes of what they saved, where any copy of it was found.
         */
        private long unique(long total) {
            Set<String> shas = new HashSet<>();
            if (!captures.isEmpty()) {
                long unseen = 0;
                for (Activity c : captures) {
                    String sha = null;
                    for (Edge e : links.at(NodeRef.activity(c.id()))) {
                        if (e.kind() == RelationKind.WAS_GENERATED_BY && e.from().type() == NodeType.ARTIFACT) {
                            Artifact a = index.artifact(e.from().id());
                            if (a != null && a.sha256() != null && a.kind() != ArtifactKind.DB_ROW) {
                                sha = a.sha256();
                                break;
                            }
                        }
                    }
                    if (sha == null) {
                        unseen++;
                    } else {
                        shas.add(sha);
                    }
                }
                return shas.size() + unseen;
            }
            if (category == Category.FACE_FEATURE) {
                return total;
            }
            long noBytes = 0;
            for (long id : records) {
                String sha = index.artifact(id).sha256();
                if (sha == null) {
                    noBytes++;
                } else {
                    shas.add(sha);
                }
            }
            return Math.min(total, shas.size() + noBytes);
        }

        private String label() {
            return switch (category) {
                case FACE_IMAGE -> "face images";
                case FACE_VIDEO -> "face videos";
                case FACE_FEATURE -> "face feature vectors";
                case ID_NUMBER -> "records with identity numbers";
                case PHONE -> "records with phone numbers";
            };
        }

        private String labelZh() {
            return switch (category) {
                case FACE_IMAGE -> "人脸图像";
                case FACE_VIDEO -> "人脸视频";
                case FACE_FEATURE -> "人脸特征值";
                case ID_NUMBER -> "含身份证号的记录";
                case PHONE -> "含手机号的记录";
            };
        }

        private StageReport found(Stage stage, String activity, Collection<ActorRef> actors, List<String> locations,
                List<Activity> activities, long records, double confidence, String en, String zh, List<Long> evidence) {
            return new StageReport(stage.name(), true, activity, List.copyOf(actors), locations,
                    time(first(activities)), time(last(activities)), records, round(confidence), text(en, zh),
                    evidence(evidence));
        }

        private StageReport missing(Stage stage, String activity, String en, String zh) {
            return new StageReport(stage.name(), false, activity, List.of(), List.of(), null, null, 0, 0,
                    text("Missing: " + en, "缺失：" + zh), List.of());
        }
    }

    // ---------------------------------------------------------------- shared helpers

    /** The artifact and every artifact holding the same bytes (alternateOf, both ways, one hop from the first copy). */
    private Set<Long> alternates(long id) {
        Set<Long> same = new HashSet<>();
        same.add(id);
        for (Edge e : links.at(NodeRef.artifact(id))) {
            if (e.kind() == RelationKind.ALTERNATE_OF) {
                long other = e.from().id() == id ? e.to().id() : e.from().id();
                same.add(other);
                if (e.from().id() == id) {
                    for (Edge e2 : links.at(NodeRef.artifact(other))) {
                        if (e2.kind() == RelationKind.ALTERNATE_OF) {
                            same.add(e2.from().id());
                        }
                    }
                }
            }
        }
        return same;
    }

    /** The file or object an archive member was found in (through nested archives). */
    private Artifact container(Artifact a) {
        Artifact at = a;
        while (at != null && at.kind() == ArtifactKind.ARCHIVE_MEMBER && at.parentId() != null) {
            at = index.artifact(at.parentId());
        }
        return at;
    }

    private static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : ARCHIVE_ENDINGS) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesCamera(String path, String name) {
        String fileName = Traits.fileName(path);
        return path.contains("/" + name + "/") || fileName.startsWith(name + "_") || fileName.startsWith(name + "-");
    }

    private List<Long> evidenceOf(List<Activity> activities) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Activity a : activities) {
            if (a.evidenceArtifactId() != null) {
                ids.add(a.evidenceArtifactId());
            }
        }
        return List.copyOf(ids);
    }

    /** The hosts whose own disks hold these artifacts. */
    private List<ActorRef> hostsOf(List<Long> artifacts) {
        Set<Long> sources = new HashSet<>();
        artifacts.forEach(id -> {
            Artifact a = index.artifact(id);
            if (a != null) {
                sources.add(a.sourceId());
            }
        });
        List<ActorRef> hosts = new ArrayList<>();
        for (Actor host : index.actors()) {
            if (host.kind() != org.huisu.core.model.ActorKind.HOST) {
                continue;
            }
            for (Source s : index.sources()) {
                if (sources.contains(s.id()) && ownDisk(host, s)) {
                    hosts.add(ref(host));
                    break;
                }
            }
        }
        return hosts;
    }

    private static boolean ownDisk(Actor host, Source s) {
        Object nameFrom = host.attributes() == null ? null : host.attributes().get("nameFrom");
        if (nameFrom != null && nameFrom.toString().startsWith(s.label() + ":")) {
            return true;
        }
        return s.label().equals(host.name());
    }

    private List<String> localDirectories(Activity a, Collection<String> paths) {
        Artifact e = a.evidenceArtifactId() == null ? null : index.artifact(a.evidenceArtifactId());
        String label = e == null ? "" : index.label(e) + ":";
        Map<String, Integer> counts = new TreeMap<>();
        for (String p : paths) {
            String[] parts = p.split("/");
            if (parts.length >= 3) {
                counts.merge("/" + parts[1] + "/" + parts[2], 1, Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> dirs = new ArrayList<>();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .filter(x -> x.getValue() * 10 >= total).forEach(x -> dirs.add(label + x.getKey()));
        return dirs;
    }

    private static String directory(String locator) {
        int slash = locator.lastIndexOf('/');
        return slash <= 0 ? "/" : locator.substring(0, slash);
    }

    private static String appFolder(String locator) {
        int at = locator.indexOf("/data/data/");
        if (at >= 0) {
            int end = locator.indexOf('/', at + "/data/data/".length());
            return end < 0 ? locator : locator.substring(0, end);
        }
        int hash = locator.indexOf('#');
        return hash < 0 ? locator : locator.substring(0, hash);
    }

    /** Activities of a kind by the bucket and first folder of the object they touched ("bucket/prefix/"). */
    private Map<String, List<Activity>> prefixIndex(ActivityKind kind) {
        return byPrefix.computeIfAbsent(kind, k -> {
            Map<String, List<Activity>> map = new HashMap<>();
            for (Activity a : index.activities(k)) {
                CloudRef ref = CloudRef.of(a);
                if (ref != null) {
                    map.computeIfAbsent(ref.bucket() + "/" + ref.topPrefix(), x -> new ArrayList<>()).add(a);
                }
            }
            return map;
        });
    }

    private List<String> endpoints(String bucket) {
        Set<String> hosts = new TreeSet<>();
        for (Activity a : index.activities(ActivityKind.UPLOAD)) {
            Object b = a.attributes().get("bucket");
            Object h = a.attributes().get("host");
            if (h != null && bucket.equals(b)) {
                hosts.add(h.toString());
                if (hosts.size() > 2) {
                    break;
                }
            }
        }
        return List.copyOf(hosts);
    }

    private ActorRef ref(Actor a) {
        return new ActorRef(a.kind().jsonName(), a.name(), a.addresses().stream().filter(x -> !x.contains(":")
                || x.chars().filter(ch -> ch == ':').count() != 5).toList());
    }

    private List<EvidenceRef> evidence(List<Long> ids) {
        List<EvidenceRef> refs = new ArrayList<>();
        for (Long id : ids) {
            Artifact a = id == null ? null : index.artifact(id);
            if (a != null && refs.stream().noneMatch(r -> r.artifact() == a.id())) {
                refs.add(new EvidenceRef(a.id(), index.label(a), a.locator(), a.sha256()));
            }
            if (refs.size() >= EVIDENCE_SHOWN) {
                break;
            }
        }
        return refs;
    }

    private ZoneId zoneOf(Activity a) {
        Artifact e = a.evidenceArtifactId() == null ? null : index.artifact(a.evidenceArtifactId());
        return e == null ? zone : index.zone(e.sourceId());
    }

    private String time(Instant t) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime().toString();
    }

    private static Instant first(List<Activity> activities) {
        return activities.stream().map(Activity::started).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    private static Instant last(List<Activity> activities) {
        return activities.stream().map(Activity::started).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
    }

    private static Map<String, String> text(String en, String zh) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", en);
        m.put("zh", zh);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The zone most sources' clocks kept: the one times are shown in. */
    private static ZoneId caseZone(CaseIndex index) {
        Map<ZoneId, Integer> votes = new HashMap<>();
        for (Source s : index.sources()) {
            votes.merge(index.zone(s.id()), 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(ZoneId.of("UTC"));
    }
}
