package org.huisu.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bucket's access rights, as the S3 server's filesystem store reads them from permission
 * bits ("others may read" is public-read): the bucket itself private, the face photos and the
 * marketing pictures public-read — the app's plain URLs need that — the archives and backups
 * private.
 */
final class BucketAcl {

    static final List<String> PUBLIC_PREFIXES = List.of("faces/", "marketing/");

    private BucketAcl() {
    }

    static void apply(Path bucket) throws IOException {
        try (Stream<Path> all = Files.walk(bucket)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String key = bucket.relativize(p).toString().replace('\\', '/');
                boolean publicRead = Files.isRegularFile(p) && PUBLIC_PREFIXES.stream().anyMatch(key::startsWith);
                String mode = Files.isDirectory(p) ? (p.equals(bucket) ? "rwxr-x---" : "rwxr-xr-x")
                        : publicRead ? "rw-r--r--" : "rw-r-----";
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
            }
        }
    }
}
