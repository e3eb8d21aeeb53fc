package org.huisu.core.acquire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Portable evidence access through NIO; reading may update access times. */
final class NioEvidenceFiles implements EvidenceFiles {

    @Override
    public List<DirectoryEntry> list(Path directory) throws IOException {
        List<DirectoryEntry> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                // Java decodes a name that is not UTF-8 with replacement characters: it cannot be opened
                names.add(name.indexOf('\uFFFD') >= 0 ? new DirectoryEntry(null, name) : new DirectoryEntry(name, name));
            }
        }
        return names;
    }

    @Override
    public OpenFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new OpenFile() {
            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return channel.read(buffer);
            }

            @Override
            public int read(ByteBuffer buffer, long position) throws IOException {
                return channel.read(buffer, position);
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public boolean accessTimeKept() {
                return false;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public String description() {
        return "Java NIO (access times may be updated by reading)";
    }
}
