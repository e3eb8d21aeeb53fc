package org.huisu.core.audit;

/**
 * The result of checking an audit log: intact, or the first line that breaks the chain and why.
 * {@code headSha256} is the hash of the last line, worth copying into a signed record.
 */
public record AuditVerification(long entries, long firstBadLine, String problem, String headSha256) {

    public boolean intact() {
        return problem == null;
    }

    static AuditVerification intact(long entries, String head) {
        return new AuditVerification(entries, 0, null, head);
    }

    static AuditVerification broken(long entries, long line, String problem, String head) {
        return new AuditVerification(entries, line, problem, head);
    }
}
