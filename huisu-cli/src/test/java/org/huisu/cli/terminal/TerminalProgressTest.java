package org.huisu.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private static final String PATTERN = "%1$s  %2$s items  %3$s  %4$s  %5$s left";

    private final TerminalProgress progress = TerminalProgress.start(new PrintWriter(new StringWriter()), "Acquiring",
            PATTERN);

    @Test
    void aLineShowsItemsBytesRateAndTimeLeft() {
        String line = progress.line(new TerminalProgress.Snapshot("Acquiring", 500, 2000, 1L << 30, 3L << 30, true,
                4.0));
        assertThat(line).isEqualTo("Acquiring  500/2,000 items  1.0 GiB/3.0 GiB  256 MiB/s  0:08 left");
        progress.close();
    }

    @Test
    void whileTheWalkGoesOnTotalsAreMarkedOpenAndNoTimeIsPromised() {
        String line = progress.line(new TerminalProgress.Snapshot("Acquiring", 10, 40, 1024, 4096, false, 1.0));
        assertThat(line).isEqualTo("Acquiring  10/40+ items  1.0 KiB/4.0 KiB+  1.0 KiB/s  … left");
        progress.close();
    }

    @Test
    void closingPrintsTheFinalFiguresOnTheirOwnLine() {
        StringWriter out = new StringWriter();
        TerminalProgress p = TerminalProgress.start(new PrintWriter(out), "Acquiring", PATTERN);
        p.discovered(3, 300);
        p.processedBytes(300);
        p.finishedItems(3);
        p.discoveryComplete();
        p.close();
        assertThat(out.toString()).contains("3/3 items  300 B/300 B").endsWith("\033[K\n");
    }
}
