package org.huisu.core.casefolder;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.huisu.core.HuisuException;
import org.huisu.core.i18n.Messages;
import org.huisu.core.Timestamps;
import org.huisu.core.Tool;
import org.huisu.core.audit.AuditAnchor;
import org.huisu.core.audit.AuditLog;
import org.huisu.core.objects.ObjectStore;
import org.huisu.core.store.CaseStore;
import org.huisu.core.store.StoreException;

/** An open case: its folder, store, object store and audit log. */
public final class Case implements AutoCloseable {

    private static final String ID = "case.id";
    private static final String NAME = "case.name";
    private static final String EXAMINER = "case.examiner";
    private static final String CREATED = "case.created";
    private static final String OFFSET = "case.utcOffset";
    private static final String TOOL = "case.tool";
    private static final String AUDIT_SEQUENCE = "audit.sequence";
    private static final String AUDIT_HEAD = "audit.head";

    private final CaseFolder folder;
    private final CaseStore store;
    private final ObjectStore objects;
    private final AuditLog audit;

    private Case(CaseFolder folder, CaseStore store) {
        this.folder = folder;
        this.store = store;
        this.objects = new ObjectStore(folder.objects());
        this.audit = new AuditLog(folder.auditLog(), new StoreAnchor(store));
    }

    /** Makes a new case folder with its database. */
    public static Case create(Path path, String name, String examiner) {
        CaseFolder folder = CaseFolder.create(path);
        CaseStore store = openStore(folder, true);
        Instant now = Instant.now();
        store.putInfo(ID, UUID.randomUUID().toString());
        store.putInfo(NAME, name);
        store.putInfo(EXAMINER, examiner);
        store.putInfo(CREATED, Timestamps.format(now));
        store.putInfo(OFFSET, Timestamps.localOffset(now));
        store.putInfo(TOOL, Tool.nameAndVersion());
        return new Case(folder, store);
    }

    /** Opens an existing case; refuses a folder that is not one. */
    public static Case open(Path path) {
        CaseFolder folder = CaseFolder.open(path);
        return new Case(folder, openStore(folder, false));
    }

    private static CaseStore openStore(CaseFolder folder, boolean create) {
        try {
            return CaseStore.openSqlite(folder.database(), create);
        } catch (CaseStore.NotACaseDatabaseException e) {
            throw HuisuException.unreadable(Messages.core("case.notCaseDatabase", folder.database()), e);
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            throw HuisuException.unreadable(Messages.core("case.cannotOpen", folder.database(), e.getMessage()), e);
        }
    }

    public CaseFolder folder() {
        return folder;
    }

    public CaseStore store() {
        return store;
    }

    public ObjectStore objects() {
        return objects;
    }

    public AuditLog audit() {
        return audit;
    }

    /** A second connection to the case database, for reading while the first one writes. */
    public CaseStore newConnection() {
        return openStore(folder, false);
    }

    public CaseInfo info() {
        return new CaseInfo(required(ID), required(NAME), required(EXAMINER), Timestamps.parse(required(CREATED)),
                required(OFFSET), required(TOOL));
    }

    private String required(String key) {
        return store.info(key).orElseThrow(() -> HuisuException.unreadable(
                Messages.core("case.damaged", folder.database(), key)));
    }

    @Override
    public void close() {
        store.close();
    }

    /** Keeps the audit log's last entry in the case database. */
    private record StoreAnchor(CaseStore store) implements AuditAnchor {
        @Override
        public Optional<Head> head() {
            Optional<String> sequence = store.info(AUDIT_SEQUENCE);
            Optional<String> sha256 = store.info(AUDIT_HEAD);
            if (sequence.isEmpty() || sha256.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Head(Long.parseLong(sequence.get()), sha256.get()));
        }

        @Override
        public void record(Head head) {
            try {
                store.inTransaction(() -> {
                    store.putInfo(AUDIT_SEQUENCE, Long.toString(head.sequence()));
                    store.putInfo(AUDIT_HEAD, head.sha256());
                    return null;
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
