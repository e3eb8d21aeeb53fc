package org.huisu.formats.cloudlog;

/** Where a line's content begins and ends: blanks, line ends and a byte-order mark are not content. */
final class LineBounds {

    private LineBounds() {
    }

    /** The index of the first character that is content; {@code line.length()} when there is none. */
    static int begin(String line) {
        int i = 0;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index just after the last character that is content; 0 when there is none. */
    static int end(String line) {
        int i = line.length();
        while (i > 0 && isBlank(line.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The end of the line without its line terminator, keeping blanks and tabs that may end a field. */
    static int endOfLine(String line) {
        int i = line.length();
        while (i > 0 && (line.charAt(i - 1) == '\n' || line.charAt(i - 1) == '\r')) {
            i--;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF';
    }
}
