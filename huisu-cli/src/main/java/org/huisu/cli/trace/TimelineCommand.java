package org.huisu.cli.trace;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.huisu.cli.Session;
import org.huisu.core.HuisuException;
import org.huisu.core.casefolder.Case;
import org.huisu.trace.timeline.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huisu timeline CASE}: every dated activity in time order, as CSV or JSON lines that Timesketch imports. */
@Command(name = "timeline", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class TimelineCommand implements Callable<Integer> {

    enum Format {
        csv, jsonl
    }

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv", descriptionKey = "option.timeline.format")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", descriptionKey = "option.timeline.output")
    Path output;

    public TimelineCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Case c = session.openCase(caseFolder);
        Timeline.Format f = format == Format.csv ? Timeline.Format.CSV : Timeline.Format.JSONL;
        long n;
        if (output == null) {
            n = Timeline.write(c.store(), f, session.out());
        } else {
            try (PrintWriter w = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output),
                    StandardCharsets.UTF_8))) {
                n = Timeline.write(c.store(), f, w);
            } catch (IOException e) {
                throw HuisuException.unreadable(session.text("timeline.cannotWrite", output, e.getMessage()), e);
            }
            session.out().println(session.text("timeline.written", n, output));
        }
        session.outcome("wrote a timeline of " + n + " events" + (output == null ? "" : " to " + output));
        return 0;
    }
}
