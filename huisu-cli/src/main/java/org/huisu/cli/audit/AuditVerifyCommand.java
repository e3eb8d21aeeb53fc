package org.huisu.cli.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.core.ExitStatus;
import org.huisu.core.HuisuException;
import org.huisu.core.audit.AuditVerification;
import org.huisu.core.casefolder.Case;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu audit verify CASE}: checks the audit log's chain; exit 1 names the first bad line. */
@Command(name = "verify", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class AuditVerifyCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "option.format")
    OutputFormat format;

    public AuditVerifyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Case c = session.openCase(caseFolder);
        AuditVerification v;
        try {
            v = c.audit().verify();
        } catch (IOException e) {
            throw HuisuException.unreadable(session.text("audit.unreadable", c.folder().auditLog(), e.getMessage()));
        }
        Path log = c.folder().auditLog();
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("log", log.toString());
            json.put("verdict", v.intact() ? "INTACT" : "BROKEN");
            json.put("entries", v.entries());
            json.put("firstBadLine", v.intact() ? null : v.firstBadLine());
            json.put("problem", v.problem());
            json.put("headSha256", v.headSha256());
            JsonOutput.print(session, json);
        } else if (v.intact()) {
            session.out().println(session.text("audit.intact", log, v.entries(), v.headSha256()));
        } else {
            session.out().println(session.text("audit.broken", log, v.firstBadLine(), v.problem()));
        }
        session.outcome(v.intact() ? "audit log intact (" + v.entries() + " entries)"
                : "audit log broken at line " + v.firstBadLine() + ": " + v.problem());
        return v.intact() ? ExitStatus.SUCCESS.code() : ExitStatus.CHECK_FAILED.code();
    }
}
