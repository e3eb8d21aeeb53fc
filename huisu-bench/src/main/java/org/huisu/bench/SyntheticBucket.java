package org.huisu.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.huisu.core.hash.Digests;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A bucket of equal-sized objects whose bytes come from a seeded {@link Random}, made in the folder
 * {@link org.huisu.scenario.cloud.S3Server} serves, in nested prefixes of 100 objects (10 to a top
 * prefix): {@code t000/s0/f000000.bin}. The objects are put through jclouds' filesystem blob store,
 * the one s3proxy serves from, as an S3 upload would put them: each gets its MD5 as ETag (kept in an
 * extended attribute), which a file dropped into the folder lacks.
 */
final class SyntheticBucket {

    static final String BUCKET = "bench";

    /** What to make: how many objects, the size of each, the seed of their bytes. */
    record Shape(int objects, int size, long seed) {

        long bytes() {
            return (long) objects * size;
        }
    }

    /** The bucket made (or found from an earlier run with the same shape) under {@code root}, the server's folder. */
    record Made(Path root, Shape shape, Duration took, boolean reused) {
    }

    private static final int OBJECTS_PER_PREFIX = 100;
    private static final int PREFIXES_PER_TOP = 10;
    private static final String FORMAT = "1";

    private SyntheticBucket() {
    }

    /**
     * The i-th object's key. Plain ASCII, unlike the acquisition benchmark's file names: s3proxy 2.6
     * returns the continuation token of a listing URL-encoded when the client asks for URL-encoded keys
     * (awscli and huisu both do) and takes it back as it comes, so a page that ends in a key with a
     * blank or a Chinese character sends every client back to the first page, awscli for ever.
     */
    static String key(int i) {
        int prefix = i / OBJECTS_PER_PREFIX;
        return String.format("t%03d/s%d/f%06d.bin", prefix / PREFIXES_PER_TOP, prefix % PREFIXES_PER_TOP, i);
    }

    /** Makes the bucket under {@code work/s3}, or reuses one an earlier run left there with the same shape. */
    static Made makeOrReuse(Path work, Shape shape) throws IOException {
        Path root = work.resolve("s3");
        Path marker = work.resolve("bucket.properties");
        Properties wanted = describe(shape);
        if (Files.isDirectory(root.resolve(BUCKET)) && Files.isRegularFile(marker)) {
            Properties found = new Properties();
            try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                found.load(in);
            }
            if (found.equals(wanted)) {
                return new Made(root, shape, Duration.ZERO, true);
            }
        }
        WorkFolder.delete(marker);
        WorkFolder.delete(root);
        Files.createDirectories(root);
        long started = System.nanoTime();
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", root.toString());
        try (BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(overrides)
                .build(BlobStoreContext.class)) {
            BlobStore store = context.getBlobStore();
            store.createContainerInLocation(null, BUCKET);
            Random random = new Random(shape.seed());
            for (int i = 0; i < shape.objects(); i++) {
                byte[] bytes = new byte[shape.size()];
                random.nextBytes(bytes);
                store.putBlob(BUCKET, store.blobBuilder(key(i)).payload(bytes).contentLength(bytes.length).build());
            }
        }
        // written last, so that an interrupted run is never mistaken for a whole bucket
        try (Writer out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            wanted.store(out, "huisu-bench S3 inspection bucket");
        }
        return new Made(root, shape, Duration.ofNanos(System.nanoTime() - started), false);
    }

    /** The SHA-256 of every object's bytes by key, as {@link #makeOrReuse} makes them: what the tools must find. */
    static Map<String, String> sha256ByKey(Shape shape) {
        Map<String, String> hashes = new HashMap<>();
        Random random = new Random(shape.seed());
        byte[] bytes = new byte[shape.size()];
        for (int i = 0; i < shape.objects(); i++) {
            random.nextBytes(bytes);
            hashes.put(key(i), Digests.sha256(bytes));
        }
        return hashes;
    }

    private static Properties describe(Shape shape) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("objects", Integer.toString(shape.objects()));
        p.setProperty("size", Integer.toString(shape.size()));
        p.setProperty("seed", Long.toString(shape.seed()));
        return p;
    }
}
