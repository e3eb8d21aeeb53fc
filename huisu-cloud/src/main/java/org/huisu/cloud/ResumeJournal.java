package org.huisu.cloud;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huisu.core.acquire.Manifest;
import org.huisu.core.hash.Digests;

/**
 * The objects an inspection has downloaded into the case's object store so far, one line each,
 * written as each download is filed. The inspection itself is recorded in one transaction at the
 * end; when it is cut short (network, Ctrl-C, a full disk), running the same command again reads
 * this journal and skips each object whose key, version, size and ETag are unchanged and whose
 * bytes are still in the store under the hash recorded.
 */
final class ResumeJournal implements AutoCloseable {

    private static final String HEADER = "#huisu-resume-v1\tlocator\tsize\tetag\tsha256\tmd5\n";

    /** What was downloaded of one listed entry. */
    record Done(String locator, long size, String etag, String sha256, String md5) {
    }

    private final Path file;
    private final Map<String, Done> earlier;
    private FileChannel out;

    private ResumeJournal(Path file, Map<String, Done> earlier) {
        this.file = file;
        this.earlier = earlier;
    }

    /**
     * The journal of this bucket and prefix in the case, with what an earlier run left. It is not
     * tied to the endpoint's address (a rerun may go through another): each entry is taken only when
     * the listing gives the same size and ETag and the bytes are in the store under their hash.
     */
    static ResumeJournal open(Path folder, S3Locator locator) throws IOException {
        Path file = folder.resolve(Digests.sha256(locator.uri()).substring(0, 24) + ".tsv");
        Map<String, Done> earlier = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                // a line cut by the interruption has fewer fields: that download is done again
                if (f.length == 5 && Digests.isSha256(f[3])) {
                    String locatorText = unescape(f[0]);
                    earlier.put(locatorText, new Done(locatorText, Long.parseLong(f[1]), f[2].equals("-") ? null : f[2], f[3],
                            f[4].equals("-") ? null : f[4]));
                }
            }
        } catch (NoSuchFileException e) {
            // a first run
        } catch (NumberFormatException e) {
            earlier.clear();
        }
        return new ResumeJournal(file, earlier);
    }

    int earlierCount() {
        return earlier.size();
    }

    /** The earlier download of this entry, when nothing about it has changed since. */
    Done earlier(ListedObject o) {
        Done d = earlier.get(o.locator());
        return d != null && d.size() == o.size() && java.util.Objects.equals(d.etag(), o.etag()) ? d : null;
    }

    synchronized void record(Done d) throws IOException {
        if (out == null) {
            Files.createDirectories(file.getParent());
            boolean fresh = !Files.exists(file);
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                write(HEADER);
            }
        }
        write(Manifest.escape(d.locator()) + '\t' + d.size() + '\t' + (d.etag() == null ? "-" : d.etag()) + '\t'
                + d.sha256() + '\t'
                + (d.md5() == null ? "-" : d.md5()) + '\n');
    }

    private void write(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** The inspection is recorded: the journal has done its work. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
