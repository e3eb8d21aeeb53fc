package org.huisu.formats.cloudlog;

import java.time.Instant;
import org.huisu.formats.Times;

/**
 * Reads, left to right and without cutting the line up, the space-separated fields of an access-log
 * line in which a field may be {@code "quoted"} or {@code [bracketed]} (S3 and OSS logs). The first
 * field that is not what the parser expects becomes the line's problem; every later read then
 * returns nothing, so that a parser reads all its fields in a row and asks once, at the end.
 */
final class FieldCursor {

    private final String line;
    private final int end;
    private final String notInFormat;
    private int next;
    private int count;
    private int start;
    private int stop;
    private String problem;

    /**
     * @param line the line
     * @param begin where its first field starts
     * @param end where its last field ends (trailing blanks cut off)
     * @param notInFormat how errors start: "not an S3 server access log line"
     */
    FieldCursor(String line, int begin, int end, String notInFormat) {
        this.line = line;
        this.next = begin;
        this.end = end;
        this.notInFormat = notInFormat;
    }

    /** The first problem met, as one sentence, or null when every field so far was as expected. */
    String problem() {
        return problem;
    }

    /** True when no problem was met and another field follows. */
    boolean hasMore() {
        return problem == null && next <= end;
    }

    /** Skips a field. */
    void skip(String what) {
        advance(what);
    }

    /** A field's text; null for {@code -}. */
    String text(String what) {
        if (!advance(what) || isAbsent()) {
            return null;
        }
        return line.substring(start, stop);
    }

    /** A field's text, which must be there and not {@code -}. */
    String required(String what) {
        String text = text(what);
        if (text == null && problem == null) {
            expected(what);
        }
        return text;
    }

    /** An optional trailing field's text: null when the line ends before it, or for {@code -}. */
    String optionalText(String what) {
        return hasMore() ? text(what) : null;
    }

    /** Skips an optional trailing field. */
    void optionalSkip(String what) {
        if (hasMore()) {
            advance(what);
        }
    }

    /** A URL-encoded field, decoded; null for {@code -}. */
    String decoded(String what) {
        if (!advance(what) || isAbsent()) {
            return null;
        }
        return PercentDecoding.decode(line, start, stop);
    }

    /** The query of a request-URI field; null for {@code -} or when it has none. */
    String query(String what) {
        if (!advance(what) || isAbsent()) {
            return null;
        }
        return RequestUri.query(line, start, stop);
    }

    /** A bracketed Common Log Format time, {@code [06/Feb/2014:00:00:38 +0000]}. */
    Instant clfTime(String what) {
        if (!advance(what)) {
            return null;
        }
        boolean bracketed = stop - start == 26 && start > 0 && line.charAt(start - 1) == '[';
        Instant time = bracketed ? Times.parseClf(line, start) : null;
        if (time == null) {
            expected(what);
        }
        return time;
    }

    /** A count of bytes or milliseconds; {@code dash} for {@code -}. */
    long number(String what, long dash) {
        if (!advance(what)) {
            return dash;
        }
        if (isAbsent()) {
            return dash;
        }
        long n = Numbers.parse(line, start, stop);
        if (n < 0) {
            expected(what);
        }
        return n;
    }

    /** An HTTP status; 0 for {@code -}. */
    int status(String what) {
        long status = number(what, 0);
        if (status > 999) {
            expected(what);
            return 0;
        }
        return (int) status;
    }

    /** An operation name; null for {@code -}. */
    OperationKinds.Operation operation(String what) {
        if (!advance(what) || isAbsent()) {
            return null;
        }
        return OperationKinds.of(line, start, stop);
    }

    /** Makes the field just read the line's problem: "expected {what} as the Nth field, found …". */
    void expected(String what) {
        if (problem == null) {
            problem = notInFormat + ": expected " + what + " as the " + Complaints.ordinal(count) + " field, found "
                    + Complaints.found(line, start, stop);
        }
    }

    /** Absent: {@code -}, or nothing at all. */
    private boolean isAbsent() {
        return stop == start || stop - start == 1 && line.charAt(start) == '-';
    }

    private boolean advance(String what) {
        if (problem != null) {
            return false;
        }
        if (next > end) {
            problem = notInFormat + ": the line ends after the " + Complaints.ordinal(count) + " field, before " + what;
            return false;
        }
        count++;
        int at = next;
        char first = at < end ? line.charAt(at) : ' ';
        if (first == '"' || first == '[') {
            int close = closing(first == '"' ? '"' : ']', at + 1);
            if (close < 0) {
                problem = notInFormat + ": the " + Complaints.ordinal(count) + " field, " + what + ", opens with "
                        + first + " and is never closed";
                return false;
            }
            start = at + 1;
            stop = close;
            next = close + 2;
        } else {
            int space = line.indexOf(' ', at);
            if (space < 0 || space > end) {
                space = end;
            }
            start = at;
            stop = space;
            next = space + 1;
        }
        return true;
    }

    /** The closing character that ends the field: followed by a space or by the end of the line. */
    private int closing(char c, int from) {
        int at = line.indexOf(c, from);
        while (at >= 0 && at < end) {
            if (at + 1 == end || line.charAt(at + 1) == ' ') {
                return at;
            }
            at = line.indexOf(c, at + 1);
        }
        return -1;
    }
}
