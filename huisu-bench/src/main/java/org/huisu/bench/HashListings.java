package org.huisu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what each tool reported into one shape, path relative to the tree to SHA-256, so that the
 * three can be compared file by file.
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
