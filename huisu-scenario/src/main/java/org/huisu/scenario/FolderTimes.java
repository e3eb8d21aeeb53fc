package org.huisu.scenario;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Gives every folder the time of the newest thing in it, as if it had been filled on the days the
 * story says, so that a generated tree is the same, times included, every time it is generated.
 */
final class FolderTimes {

    private FolderTimes() {
    }

    static void settle(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Deque<FileTime> newest = new ArrayDeque<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                newest.push(FileTime.fromMillis(0));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                newer(newest, attrs.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                FileTime time = newest.pop();
                if (time.toMillis() > 0) {
                    Files.setLastModifiedTime(dir, time);
                }
                if (!newest.isEmpty()) {
                    newer(newest, time);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void newer(Deque<FileTime> newest, FileTime time) {
        if (time.compareTo(newest.peek()) > 0) {
            newest.pop();
            newest.push(time);
        }
    }
}
