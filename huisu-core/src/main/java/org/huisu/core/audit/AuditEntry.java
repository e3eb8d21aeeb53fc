package org.huisu.core.audit;

import java.util.List;

/**
 * What one command did, as the audit log records it: who ran which command with which arguments
 * (secrets already removed) and how it ended.
 */
public record AuditEntry(
        String user,
        String examiner,
        String command,
        List<String> arguments,
        int exitStatus,
        String outcome) {
}
