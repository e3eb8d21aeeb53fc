package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.List;

/** The small text chores every config format shares: lines, comments, words, path endings. */
final class ConfigText {

    private ConfigText() {
    }

    /** The lines of a text, whatever its line ends. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    /** The line without a {@code #} comment that starts it or follows white space. */
    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Words separated by white space. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** The path with forward slashes, for matching the places a format is kept. */
    static String slashes(String path) {
        return path == null ? "" : path.replace('\\', '/');
    }

    /** The part of {@code address/prefix} before the slash. */
    static String beforeSlash(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    /** The prefix length after the slash of {@code address/prefix}, or null. */
    static Integer prefixAfterSlash(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String p = text.substring(slash + 1);
        return p.indexOf('.') >= 0 ? IpAddress.prefixOfNetmask(p) : IpAddress.smallNumber(p, 128);
    }

    /** "line 3" or "lines 3, 7". */
    static String lineList(List<Integer> numbers) {
        StringBuilder b = new StringBuilder(numbers.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(numbers.get(i));
        }
        return b.toString();
    }
}
