package org.huisu.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.huisu.core.HuisuException;
import org.huisu.core.Json;
import org.huisu.core.progress.Progress;
import org.huisu.scenario.cloud.AccessLogWriter;
import org.huisu.scenario.cloud.Request;
import org.huisu.scenario.cloud.Traffic;
import org.huisu.scenario.cloud.UploadClient;
import org.huisu.scenario.phone.PhoneWriter;
import org.huisu.scenario.phone.SalesApp;
import org.huisu.scenario.router.RouterWriter;
import org.huisu.scenario.samples.SamplePhotos;
import org.huisu.scenario.server.ImageServerWriter;
import org.huisu.scenario.world.World;

/**
 * Generates a whole sample case into a folder: the seized image server, the sales phone, the
 * router, the bucket's access logs, the bucket itself (for an S3 server to serve), and
 * {@code truth.json}, which says what really happened — for tests, never for the analysis.
 */
public final class ScenarioGenerator {

    private final SamplePhotos photos;
    private final Progress progress;
    private final int threads;

    public ScenarioGenerator(SamplePhotos photos, Progress progress, int threads) {
        this.photos = photos;
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    /** What was generated and where. */
    public record Result(Layout layout, Truth truth, Duration elapsed) {
    }

    /** Generates into {@code root}, which must be missing or empty. */
    public Result generate(Scenario scenario, Path root) {
        long start = System.nanoTime();
        requireEmpty(root);
        World world = World.plan(scenario);
        Layout layout = new Layout(root.toAbsolutePath().normalize(), scenario.provider());
        UploadClient client = UploadClient.forProvider(scenario.provider(), scenario.seed());
        progress.discovered(world.captures().size(), 0);
        progress.discoveryComplete();
        try {
            List<DayBatch> days = renderDays(world, layout);
            new ImageServerWriter(world, layout, client).write(days);
            List<SalesApp.Entry> app = SalesApp.plan(world, days, scenario.provider());
            PhoneWriter.Written phone = new PhoneWriter(world, layout).write(app);
            List<Request> requests = new Traffic(world, scenario.provider(), client).plan(days, app, layout.bucket());
            new AccessLogWriter(scenario.provider(), scenario.seed()).write(layout.bucketLogs(), requests);
            new RouterWriter(world, layout).write();
            Truth truth = Truth.of(world, layout, client, days, app, phone, requests);
            Files.writeString(layout.truth(), Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(truth.json()));
            Files.setLastModifiedTime(layout.truth(), FileTime.from(scenario.lastDay().plusDays(1)
                    .atStartOfDay(Scenario.OFFICE_ZONE).toInstant()));
            FolderTimes.settle(layout.evidence());
            FolderTimes.settle(layout.cloud());
            BucketAcl.apply(layout.bucket());
            return new Result(layout, truth, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing a generated SQLite database failed: " + e.getMessage(), e);
        } finally {
            progress.close();
        }
    }

    private List<DayBatch> renderDays(World world, Layout layout) {
        DayRenderer renderer = new DayRenderer(world, photos, layout);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "huisu-scenario");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DayBatch>> futures = new ArrayList<>();
            for (LocalDate d = world.scenario().firstDay(); !d.isAfter(world.scenario().lastDay()); d = d.plusDays(1)) {
                LocalDate day = d;
                futures.add(pool.submit(() -> {
                    DayBatch batch = renderer.render(day);
                    long crops = batch.media().stream().filter(m -> m.kind() == Media.Kind.CROP).count();
                    progress.finishedItems(crops);
                    progress.processedBytes(batch.media().stream().mapToLong(Media::size).sum());
                    return batch;
                }));
            }
            List<DayBatch> days = new ArrayList<>();
            for (Future<DayBatch> f : futures) {
                days.add(f.get());
            }
            days.sort(Comparator.comparing(DayBatch::day));
            return days;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the sample case", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requireEmpty(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw HuisuException.usage(root + " is not empty; generate the sample case into a new folder");
            }
        } catch (IOException e) {
            throw HuisuException.unreadable(root + " cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
