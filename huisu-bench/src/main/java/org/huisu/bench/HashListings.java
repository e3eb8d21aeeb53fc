package org.huisu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.huisu.core.hash.Digests;
import org.huisu.core.hash.HashAlgorithm;

/**
 * Reads what each tool reported into one shape, path relative to the tree (or key in the bucket) to
 * SHA-256, so that the tools can be compared file by file.
 */
final class HashListings {

    private HashListings() {
    }

    /** {@code sha256sum} run in the tree on {@code ./...} names: "HASH  ./path", "\" first when escaped. */
    static Map<String, String> fromSha256sum(Path output) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            // coreutils marks a line whose name had a backslash or a newline by a leading backslash
            boolean escaped = line.startsWith("\\");
            String rest = escaped ? line.substring(1) : line;
            String name = rest.substring(66);
            if (escaped) {
                name = unescape(name);
            }
            hashes.put(stripPrefix(name, "./"), rest.substring(0, 64));
        }
        return hashes;
    }

    /** {@code hashdeep -c sha256} on the tree's absolute path: "size,sha256,/tree/path" after "%%%%" and "##" lines. */
    static Map<String, String> fromHashdeep(Path output, Path treeRoot) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        String prefix = treeRoot + "/";
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("%%%%") || line.startsWith("##")) {
                continue;
            }
            String[] fields = line.split(",", 3);
            hashes.put(stripPrefix(fields[2], prefix), fields[1]);
        }
        return hashes;
    }

    /** Huisu's manifest: tab-separated kind, sha256, size, modified, /path, link target; FILE lines only. */
    static Map<String, String> fromHuisuManifest(Path manifest) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns[0].equals("FILE")) {
                hashes.put(stripPrefix(unescape(columns[4]), "/"), columns[1]);
            }
        }
        return hashes;
    }

    /** What Huisu's listing manifest of an inspected bucket says: the SHA-256 of each downloaded object by key. */
    record BucketListing(Map<String, String> sha256ByKey, long objects, long withEtag, long placeholders) {
    }

    /**
     * Huisu's listing manifest of a bucket: a header line, {@code #huisu-s3-listing-v1} and the
     * column names, then one tab-separated line an entry. Columns are found by name (kind, key, etag,
     * sha256); objects are the CLOUD_OBJECT lines, placeholders the DIRECTORY ones (keys ending in
     * "/"), and an object whose bytes were not downloaded has "-" for its SHA-256 and is left out of
     * the map.
     */
    static BucketListing fromHuisuS3Listing(Path manifest) throws IOException {
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new BenchmarkFailure(manifest + ": no header line; not a huisu listing manifest");
        }
        List<String> names = new ArrayList<>(List.of(lines.get(0).substring(1).split("\t", -1)));
        // the format's name and version come first, then the column names
        if (names.get(0).matches("huisu-[\\w-]+-v\\d+")) {
            names.remove(0);
        }
        int kind = column(manifest, names, "kind");
        int key = column(manifest, names, "key");
        int etag = column(manifest, names, "etag");
        int sha256 = column(manifest, names, "sha256");
        Map<String, String> hashes = new HashMap<>();
        long objects = 0;
        long withEtag = 0;
        long placeholders = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != names.size()) {
                throw new BenchmarkFailure(manifest + ": " + columns.length + " columns where the header names "
                        + names.size() + ": " + line);
            }
            switch (columns[kind]) {
                case "CLOUD_OBJECT" -> {
                    objects++;
                    if (!columns[etag].equals("-")) {
                        withEtag++;
                    }
                    if (!columns[sha256].equals("-")) {
                        hashes.put(unescape(columns[key]), columns[sha256]);
                    }
                }
                case "DIRECTORY" -> placeholders++;
                default -> {
                }
            }
        }
        return new BucketListing(hashes, objects, withEtag, placeholders);
    }

    private static int column(Path manifest, List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new BenchmarkFailure(manifest + ": the header has no column '" + name + "': " + names);
        }
        return i;
    }

    /** Every regular file under {@code root}, by its path relative to it ('/' between names), to its SHA-256. */
    static Map<String, String> ofFolder(Path root) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        byte[] buffer = new byte[1 << 16];
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Digests digest = new Digests(EnumSet.of(HashAlgorithm.SHA256));
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            hashes.put(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
                    digest.finish().get(HashAlgorithm.SHA256));
        }
        return hashes;
    }

    /** Up to {@code limit} lines saying where two listings disagree; empty when they agree. */
    static List<String> differences(String leftName, Map<String, String> left, String rightName,
            Map<String, String> right, int limit) {
        Set<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            String a = left.get(path);
            String b = right.get(path);
            if (a == null) {
                found.add(path + ": only " + rightName + " lists it");
            } else if (b == null) {
                found.add(path + ": only " + leftName + " lists it");
            } else if (!a.equals(b)) {
                found.add(path + ": " + leftName + " " + a + ", " + rightName + " " + b);
            }
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    private static String stripPrefix(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** Undoes the backslash escapes of both huisu's manifest and sha256sum: \\ \t \n \r. */
    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
