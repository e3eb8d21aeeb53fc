package org.huisu.cli.terminal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.huisu.core.progress.Progress;

/**
 * A progress line on standard error, redrawn four times a second: items and bytes done out of
 * those found so far, rate and time left. Ends with the final figures on a line of their own.
 */
public final class TerminalProgress implements Progress {

    private static final long REDRAW_MS = 250;

    private final PrintWriter err;
    private final String task;
    private final String pattern;
    private final long startNanos = System.nanoTime();
    private final LongAdder itemsFound = new LongAdder();
    private final LongAdder bytesFound = new LongAdder();
    private final LongAdder itemsDone = new LongAdder();
    private final LongAdder bytesDone = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean discoveryComplete;
    private ScheduledExecutorService ticker;

    private TerminalProgress(PrintWriter err, String task, String pattern) {
        this.err = err;
        this.task = task;
        this.pattern = pattern;
    }

    /**
     * Starts drawing.
     *
     * @param pattern the line, with task, items, bytes, rate and time left as {@code %1$s}…{@code %5$s}
     */
    public static TerminalProgress start(PrintWriter err, String task, String pattern) {
        TerminalProgress p = new TerminalProgress(err, task, pattern);
        p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huisu-progress");
            t.setDaemon(true);
            return t;
        });
        p.ticker.scheduleAtFixedRate(p::redraw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
        return p;
    }

    @Override
    public void discovered(long items, long bytes) {
        itemsFound.add(items);
        bytesFound.add(bytes);
    }

    @Override
    public void processedBytes(long bytes) {
        bytesDone.add(bytes);
    }

    @Override
    public void finishedItems(long items) {
        itemsDone.add(items);
    }

    @Override
    public void discoveryComplete() {
        discoveryComplete = true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ticker.shutdownNow();
            synchronized (err) {
                err.print("\r" + line(snapshot()) + "\033[K\n");
                err.flush();
            }
        }
    }

    private void redraw() {
        if (closed.get()) {
            return;
        }
        synchronized (err) {
            err.print("\r" + line(snapshot()) + "\033[K");
            err.flush();
        }
    }

    /** The figures one line shows. */
    public record Snapshot(String task, long itemsDone, long itemsFound, long bytesDone, long bytesFound,
            boolean totalsFinal, double seconds) {
    }

    Snapshot snapshot() {
        return new Snapshot(task, itemsDone.sum(), itemsFound.sum(), bytesDone.sum(), bytesFound.sum(),
                discoveryComplete, (System.nanoTime() - startNanos) / 1e9);
    }

    /** The progress line for a snapshot, without control characters. */
    public String line(Snapshot s) {
        double rate = s.seconds() > 0 ? s.bytesDone() / s.seconds() : 0;
        String more = s.totalsFinal() ? "" : "+";
        String left;
        if (!s.totalsFinal() || rate <= 0) {
            left = "…";
        } else {
            left = Sizes.duration((long) Math.ceil(Math.max(0, s.bytesFound() - s.bytesDone()) / rate));
        }
        String items = Sizes.count(s.itemsDone()) + "/" + Sizes.count(s.itemsFound()) + more;
        String bytes = Sizes.bytes(s.bytesDone()) + "/" + Sizes.bytes(s.bytesFound()) + more;
        return String.format(Locale.ROOT, pattern, s.task(), items, bytes, Sizes.rate(rate), left);
    }
}
