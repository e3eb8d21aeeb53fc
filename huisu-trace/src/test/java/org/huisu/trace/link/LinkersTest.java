package org.huisu.trace.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.casefolder.Case;
import org.huisu.core.hash.HashAlgorithm;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;
import org.huisu.core.model.Source;
import org.huisu.core.model.SourceKind;
import org.huisu.core.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each linker on a small case written straight into a real case database, shaped unlike the
 * sample generator's: other names, other tools, other addresses.
 */
class LinkersTest {

    @TempDir
    Path tmp;

    private Case theCase;
    private CaseStore store;

    @BeforeEach
    void open() {
        theCase = Case.create(tmp.resolve("case"), "linkers", "Zhou Min");
        store = theCase.store();
    }

    @AfterEach
    void close() {
        theCase.close();
    }

    private Source source(String label, SourceKind kind) {
        return store.insertSource(new Source(null, label, kind, "/evidence/" + label, "Zhou Min",
                Instant.parse("2024-09-01T08:00:00Z"), "+08:00", 0, 0, 0, EnumSet.of(HashAlgorithm.SHA256), null,
                false, Map.of("timezone", "Asia/Shanghai")));
    }

    private long artifact(Source s, Long parent, ArtifactKind kind, String locator, String sha, Long size,
            Map<String, Object> attributes) {
        String name = locator.substring(locator.lastIndexOf('/') + 1);
        return store.insertArtifact(new Artifact(null, s.id(), parent, kind, locator, name, size,
                new Hashes(sha, null, null), null, null, null, null, false, attributes));
    }

    private long activity(ActivityKind kind, Instant at, Long actor, long evidence, String subject,
            Map<String, Object> attributes) {
        return store.insertActivity(new Activity(null, kind, kind.defaultStage(), at, null, actor, evidence, "test",
                subject, attributes));
    }

    private Links link(Linker... linkers) {
        CaseIndex index = CaseIndex.load(store);
        Links links = Links.inMemory();
        for (Linker l : linkers) {
            links.startLinker(l.name());
            l.link(index, links);
        }
        return links;
    }

    private static List<Links.Edge> edges(Links links, RelationKind kind, NodeRef from) {
        List<Links.Edge> found = new ArrayList<>();
        for (Links.Edge e : links.at(from)) {
            if (e.kind() == kind && e.from().equals(from)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void anUploadFromACarrierNatAddressIsTiedToTheRouterAndTheLanHostThatUploadsToThatBucket() {
        Source nas = source("records-nas", SourceKind.DIRECTORY);
        Source gw = source("gateway", SourceKind.DIRECTORY);
        Source logs = source("cos-logs", SourceKind.LOGS);
        artifact(nas, null, ArtifactKind.FILE, "/etc/hostname", sha('a'), 10L, Map.of());
        artifact(gw, null, ArtifactKind.FILE, "/etc/config/network", sha('b'), 10L, Map.of());
        long coscli = artifact(nas, null, ArtifactKind.FILE, "/root/.cos.log", sha('c'), 10L, Map.of());
        long log = artifact(logs, null, ArtifactKind.FILE, "/cos/2024-09-01.log", sha('d'), 10L, Map.of());
        long router = store.upsertActor(new Actor(null, ActorKind.HOST, "hq-edge", List.of("10.8.0.1", "100.64.3.9"),
                Map.of("interfaces", List.of(Map.of("address", "100.64.3.9", "scope", "WAN"),
                        Map.of("address", "10.8.0.1", "scope", "LAN")), "evidence", List.of("gateway:/etc/config/network"),
                        "nameFrom", "gateway:/etc/config/system")));
        long host = store.upsertActor(new Actor(null, ActorKind.HOST, "records-nas", List.of("10.8.0.44"),
                Map.of("interfaces", List.of(Map.of("address", "10.8.0.44", "gateway", "10.8.0.1", "scope", "LAN")),
                        "nameFrom", "records-nas:/etc/hostname")));
        long printer = store.upsertActor(new Actor(null, ActorKind.HOST, "printer", List.of("10.8.0.50"),
                Map.of("leases", List.of(Map.of("address", "10.8.0.50", "server", "hq-edge")))));
        activity(ActivityKind.UPLOAD, Instant.parse("2024-09-01T01:00:00Z"), null, coscli, "cos://scans-1250/ids/a.jpg",
                Map.of("localPaths", List.of("/srv/scans/a.jpg"), "remoteUris", List.of("cos://scans-1250/ids/a.jpg")));
        long put = activity(ActivityKind.UPLOAD, Instant.parse("2024-09-01T01:00:02Z"), null, log,
                "s3://scans-1250/ids/a.jpg", Map.of("bucket", "scans-1250", "key", "ids/a.jpg", "remoteAddress",
                        "100.64.3.9", "operation", "PostObject", "status", 200));
        long other = activity(ActivityKind.UPLOAD, Instant.parse("2024-09-01T03:00:00Z"), null, log,
                "s3://scans-1250/ids/b.jpg", Map.of("bucket", "scans-1250", "key", "ids/b.jpg", "remoteAddress",
                        "198.18.0.7", "operation", "PostObject", "status", 200));

        Links links = link(new UploadSourceLinker());

        List<Long> owners = edges(links, RelationKind.WAS_ASSOCIATED_WITH, NodeRef.activity(put)).stream()
                .map(e -> e.to().id()).toList();
        assertThat(owners).containsExactlyInAnyOrder(router, host).doesNotContain(printer);
        assertThat(edges(links, RelationKind.WAS_ASSOCIATED_WITH, NodeRef.activity(other))).isEmpty();
    }

    @Test
    void aNightlyScriptsCommandTiesTheDatedUploadsItMadeAndNotOthers() {
        Source server = source("hr-server", SourceKind.DIRECTORY);
        Source logs = source("s3-logs", SourceKind.LOGS);
        long crontab = artifact(server, null, ArtifactKind.FILE, "/var/spool/cron/crontabs/backup", sha('1'), 9L, Map.of());
        long line = artifact(server, crontab, ArtifactKind.SCHEDULED_JOB, "/var/spool/cron/crontabs/backup#line 1", null,
                null, Map.of());
        long script = artifact(server, null, ArtifactKind.FILE, "/home/backup/push.sh", sha('2'), 9L, Map.of());
        long command = artifact(server, script, ArtifactKind.SCRIPT_COMMAND, "/home/backup/push.sh#line 4", null, null,
                Map.of());
        long log = artifact(logs, null, ArtifactKind.FILE, "/s3/2024-09-02-00-00-00", sha('3'), 9L, Map.of());
        long job = store.upsertActor(new Actor(null, ActorKind.JOB, "cron backup: /home/backup/push.sh", List.of(),
                Map.of()));
        long schedule = activity(ActivityKind.SCHEDULE, null, job, line, "/home/backup/push.sh", Map.of("runs",
                List.of("/home/backup/push.sh"), "schedule", "15 23 * * *", "description", "every day at 23:15",
                "command", "/home/backup/push.sh"));
        long planned = activity(ActivityKind.UPLOAD, null, null, command, "s3://hr-faces/badge/$D/", Map.of("planned",
                true, "bucket", "hr-faces", "datePattern", Map.of("template", "s3://hr-faces/badge/%Y-%m-%d/",
                        "dayOffset", 0, "format", "%Y-%m-%d")));
        // 23:20 in Shanghai on 2 September is 15:20 UTC
        long done = activity(ActivityKind.UPLOAD, Instant.parse("2024-09-02T15:20:00Z"), null, log,
                "s3://hr-faces/badge/2024-09-02/e17.jpg", Map.of("bucket", "hr-faces", "key", "badge/2024-09-02/e17.jpg",
                        "remoteAddress", "203.0.113.80", "operation", "REST.PUT.OBJECT", "status", 200));
        long elsewhere = activity(ActivityKind.UPLOAD, Instant.parse("2024-09-02T15:21:00Z"), null, log,
                "s3://hr-faces/exports/e17.csv", Map.of("bucket", "hr-faces", "key", "exports/e17.csv",
                        "remoteAddress", "203.0.113.80", "operation", "REST.PUT.OBJECT", "status", 200));

        Links links = link(new ScheduleLinker());

        assertThat(edges(links, RelationKind.USED, NodeRef.activity(schedule))).extracting(e -> e.to().id())
                .containsExactly(script);
        assertThat(edges(links, RelationKind.WAS_INFORMED_BY, NodeRef.activity(planned))).extracting(e -> e.to().id())
                .containsExactly(schedule);
        List<Links.Edge> tied = edges(links, RelationKind.WAS_INFORMED_BY, NodeRef.activity(done));
        assertThat(tied).extracting(e -> e.to().id()).containsExactly(planned);
        assertThat(tied.get(0).confidence()).isGreaterThan(0.9);
        assertThat(edges(links, RelationKind.WAS_INFORMED_BY, NodeRef.activity(elsewhere))).isEmpty();
    }

    @Test
    void copiesOfOneFileAreTiedToTheFirstAndEmptyFilesAreNot() {
        Source phone = source("phone", SourceKind.ANDROID);
        Source bucket = source("bucket", SourceKind.S3);
        long cached = artifact(phone, null, ArtifactKind.FILE, "/data/data/x/cache/1.0", sha('e'), 900L, Map.of());
        long object = artifact(bucket, null, ArtifactKind.CLOUD_OBJECT, "f/1.jpg", sha('e'), 900L,
                Map.of("bucket", "b", "key", "f/1.jpg"));
        long emptyA = artifact(phone, null, ArtifactKind.FILE, "/a", sha('0'), 0L, Map.of());
        artifact(bucket, null, ArtifactKind.CLOUD_OBJECT, "empty", sha('0'), 0L, Map.of("bucket", "b", "key", "empty"));

        Links links = link(new SameContentLinker());

        assertThat(edges(links, RelationKind.ALTERNATE_OF, NodeRef.artifact(object))).extracting(e -> e.to().id())
                .containsExactly(cached);
        assertThat(links.at(NodeRef.artifact(emptyA))).isEmpty();
    }

    @Test
    void appRowsFindTheirObjectsBehindACdnOnlyWhenOneBucketHoldsTheKey() {
        Source phone = source("phone", SourceKind.ANDROID);
        Source bucket = source("bucket", SourceKind.S3);
        long object = artifact(bucket, null, ArtifactKind.CLOUD_OBJECT, "m/9.jpg", sha('f'), 10L,
                Map.of("bucket", "media-a", "key", "m/9.jpg"));
        artifact(bucket, null, ArtifactKind.CLOUD_OBJECT, "shared/1.jpg", sha('7'), 10L,
                Map.of("bucket", "media-a", "key", "shared/1.jpg"));
        artifact(bucket, null, ArtifactKind.CLOUD_OBJECT, "shared/1.jpg@b", sha('8'), 10L,
                Map.of("bucket", "media-b", "key", "shared/1.jpg"));
        Map<String, Object> cdn = new HashMap<>();
        cdn.put("columns", Map.of("pic", "https://static.shop.example/m/9.jpg?imageView2/1/w/200"));
        cdn.put("table", "member");
        long row = artifact(phone, null, ArtifactKind.DB_ROW, "/data/data/x/databases/m.db#member/1", null, null, cdn);
        long ambiguous = artifact(phone, null, ArtifactKind.DB_ROW, "/data/data/x/databases/m.db#member/2", null, null,
                Map.of("table", "member", "columns", Map.of("pic", "https://static.shop.example/shared/1.jpg")));

        Links links = link(new AppUrlLinker());

        assertThat(edges(links, RelationKind.WAS_DERIVED_FROM, NodeRef.artifact(row))).extracting(e -> e.to().id())
                .containsExactly(object);
        assertThat(edges(links, RelationKind.WAS_DERIVED_FROM, NodeRef.artifact(ambiguous))).isEmpty();
    }
}
