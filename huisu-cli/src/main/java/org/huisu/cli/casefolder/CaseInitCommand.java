package org.huisu.cli.casefolder;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.huisu.cli.Session;
import org.huisu.core.HuisuException;
import org.huisu.core.Tool;
import org.huisu.core.casefolder.Case;
import org.huisu.core.casefolder.CaseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu case init CASE}: makes a case folder. */
@Command(name = "init", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class CaseInitCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path folder;

    @Option(names = "--name", paramLabel = "TEXT", descriptionKey = "option.case.init.name")
    String name;

    @Option(names = "--examiner", paramLabel = "NAME", descriptionKey = "option.case.init.examiner")
    String examiner;

    @Option(names = "--store", paramLabel = "sqlite|postgresql", defaultValue = "sqlite",
            descriptionKey = "option.case.init.store")
    String store;

    @Option(names = "--jdbc", paramLabel = "URL", descriptionKey = "option.case.init.jdbc")
    String jdbc;

    public CaseInitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!store.equals("sqlite") || jdbc != null) {
            throw HuisuException.usage(session.text("case.init.onlySqlite", store));
        }
        String who = session.examiner(examiner);
        if (who == null) {
            who = Tool.osUser();
            session.examiner(who);
        }
        String caseName = name != null ? name : folder.toAbsolutePath().normalize().getFileName().toString();
        Case c = Case.create(folder, caseName, who);
        session.created(c);
        CaseInfo info = c.info();
        session.out().println(session.text("case.init.done", info.name(), c.folder().root(), info.examiner(), info.id()));
        session.outcome("created case '" + info.name() + "' (" + info.id() + ")");
        return 0;
    }
}
