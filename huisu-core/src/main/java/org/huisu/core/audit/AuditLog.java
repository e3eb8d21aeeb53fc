package org.huisu.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.huisu.core.Json;
import org.huisu.core.Timestamps;
import org.huisu.core.Tool;
import org.huisu.core.hash.Digests;

/**
 * The case's append-only audit log, {@code audit.jsonl}: one JSON line per command, each carrying
 * its sequence number and the SHA-256 of the line before it. The last line's number and hash are
 * also kept by an {@link AuditAnchor}, so that an edited, removed, inserted or reordered line, or
 * lines cut from the end, are found by {@link #verify()}.
 */
public final class AuditLog {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    // FileChannel locks are per process: threads of this process take this lock first
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;
    private final AuditAnchor anchor;

    public AuditLog(Path file, AuditAnchor anchor) {
        this.file = file;
        this.anchor = anchor;
    }

    public Path file() {
        return file;
    }

    /** Appends one entry and returns the SHA-256 of the line written. */
    public String append(AuditEntry entry) throws IOException {
        IN_PROCESS.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Tail tail = readTail(channel);
            Instant now = Instant.now();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", tail.sequence + 1);
            line.put("time", Timestamps.format(now));
            line.put("utcOffset", Timestamps.localOffset(now));
            line.put("user", entry.user());
            if (entry.examiner() != null) {
                line.put("examiner", entry.examiner());
            }
            line.put("host", Tool.machine());
            line.put("tool", Tool.nameAndVersion());
            line.put("command", entry.command());
            line.put("arguments", SecretRedactor.redact(entry.arguments()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("exit", entry.exitStatus());
            if (entry.outcome() != null) {
                result.put("outcome", SecretRedactor.redactText(entry.outcome()));
            }
            line.put("result", result);
            String gap = gapAgainstAnchor(tail);
            if (gap != null) {
                line.put("break", gap);
            }
            line.put("prev", tail.sha256);
            byte[] bytes = Json.mapper().writeValueAsBytes(line);
            ByteBuffer out = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) '\n').flip();
            long position = channel.size();
            while (out.hasRemaining()) {
                position += channel.write(out, position);
            }
            channel.force(true);
            String sha256 = Digests.sha256(bytes);
            anchor.record(new AuditAnchor.Head(tail.sequence + 1, sha256));
            return sha256;
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Says, inside the new entry, that the log no longer ends where the case last saw it end. */
    private String gapAgainstAnchor(Tail tail) {
        Optional<AuditAnchor.Head> head = anchor.head();
        if (head.isEmpty()) {
            return tail.sequence == 0 ? null
                    : "the case database held no record of this log's last entry (#" + tail.sequence + ")";
        }
        AuditAnchor.Head h = head.get();
        if (h.sequence() == tail.sequence && h.sha256().equals(tail.sha256)) {
            return null;
        }
        return "the case database recorded entry #" + h.sequence() + " (sha256 " + h.sha256()
                + ") as the last one, but the log ended with entry #" + tail.sequence + " (sha256 "
                + tail.sha256 + ")";
    }

    private record Tail(long sequence, String sha256) {
    }

    /** The last line's number and hash; an unreadable last line counts by position. */
    private Tail readTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Tail(0, GENESIS);
        }
        long end = size;
        if (byteAt(channel, end - 1) == '\n') {
            end--;
        }
        long start = end;
        while (start > 0 && byteAt(channel, start - 1) != '\n') {
            start--;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
        channel.read(buf, start);
        byte[] last = buf.array();
        String sha256 = Digests.sha256(last);
        try {
            JsonNode node = Json.mapper().readTree(last);
            if (node != null && node.path("seq").canConvertToLong()) {
                return new Tail(node.get("seq").asLong(), sha256);
            }
        } catch (IOException e) {
            // counted below
        }
        return new Tail(countLines(), sha256);
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    private long countLines() throws IOException {
        long lines = 0;
        try (LineReader reader = new LineReader(Files.newInputStream(file))) {
            while (reader.next() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** Checks the whole chain and the anchor; reports the first line that breaks it. */
    public AuditVerification verify() throws IOException {
        if (!Files.exists(file)) {
            return anchor.head().isPresent()
                    ? AuditVerification.broken(0, 1, "the audit log is missing", null)
                    : AuditVerification.intact(0, GENESIS);
        }
        long line = 0;
        String previousHash = GENESIS;
        String beforePreviousHash = null;
        Optional<AuditAnchor.Head> head = anchor.head();
        String hashAtAnchor = null;
        try (LineReader reader = new LineReader(Files.newInputStream(file))) {
            for (byte[] bytes; (bytes = reader.next()) != null; ) {
                line++;
                JsonNode node;
                try {
                    node = Json.mapper().readTree(bytes);
                } catch (IOException e) {
                    node = null;
                }
                if (node == null || !node.isObject() || !node.path("seq").canConvertToLong()
                        || !node.path("prev").isTextual()) {
                    return AuditVerification.broken(line, line, "line " + line + " is not an audit entry", null);
                }
                long seq = node.get("seq").asLong();
                String prev = node.get("prev").asText();
                if (seq != line) {
                    if (seq == line - 1 && prev.equals(beforePreviousHash)) {
                        return AuditVerification.broken(line, line - 1, "line " + (line - 1)
                                + " was inserted: line " + line + " follows line " + (line - 2) + " directly", null);
                    }
                    String why = "line " + line + " holds entry #" + seq + " where entry #" + line
                            + " belongs: entries were removed, moved or inserted";
                    return AuditVerification.broken(line, line, why, null);
                }
                if (!prev.equals(previousHash)) {
                    return line == 1
                            ? AuditVerification.broken(line, 1, "line 1 does not start the chain: it names a "
                                    + "previous entry, so entries before it were removed", null)
                            : AuditVerification.broken(line, line - 1, "line " + (line - 1)
                                    + " was changed after it was written: its hash no longer matches the one line "
                                    + line + " recorded", null);
                }
                if (node.has("break")) {
                    return AuditVerification.broken(line, line, "line " + line
                            + " was written after the log had been cut: " + node.get("break").asText(), null);
                }
                beforePreviousHash = previousHash;
                previousHash = Digests.sha256(bytes);
                if (head.isPresent() && head.get().sequence() == line) {
                    hashAtAnchor = previousHash;
                }
            }
        }
        if (head.isEmpty()) {
            return line == 0 ? AuditVerification.intact(0, GENESIS)
                    : AuditVerification.broken(line, 1, "the case database holds no record of this log", null);
        }
        AuditAnchor.Head h = head.get();
        if (h.sequence() > line) {
            return AuditVerification.broken(line, line + 1, "the log ends at entry #" + line
                    + " but the case database recorded entry #" + h.sequence()
                    + " as the last: entries were removed from the end", null);
        }
        if (!h.sha256().equals(hashAtAnchor)) {
            return AuditVerification.broken(line, h.sequence(), "line " + h.sequence()
                    + " was changed after it was written: its hash differs from the one the case database recorded",
                    null);
        }
        if (h.sequence() < line) {
            return AuditVerification.broken(line, h.sequence() + 1, "line " + (h.sequence() + 1)
                    + " and after were not written by Huisu: the case database recorded entry #" + h.sequence()
                    + " as the last", null);
        }
        return AuditVerification.intact(line, previousHash);
    }

    /** Reads lines as raw bytes, so that hashes are computed on exactly what is on disk. */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        LineReader(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        byte[] next() throws IOException {
            line.reset();
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    return line.toByteArray();
                }
                line.write(b);
            }
            return any ? line.toByteArray() : null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
