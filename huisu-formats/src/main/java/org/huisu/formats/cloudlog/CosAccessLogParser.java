package org.huisu.formats.cloudlog;

import org.huisu.formats.Times;

import java.time.Instant;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * Tencent Cloud COS access log: 31 fields, eventVersion first and vpcId last, separated by tabs or,
 * as other versions of the documentation have it, by single spaces.
 *
 * <p>How the two are told apart: the separator is whatever ends the first field (eventVersion, such
 * as {@code 1.0}, which never holds a blank). Tab-separated lines are split at tabs only, so the
 * user agent and the error message keep their spaces, and fields appended after vpcId are ignored.
 * In a space-separated line only two fields hold spaces, the user agent and the error message
 * (and the request URI, which is read as one field when quoted or ending in {@code HTTP/x.y}). The
 * thirteen fields before the user agent are read from the left, the fourteen after the error
 * message from the right, and what is left between is the user agent, the status, the error code
 * and the error message: the user agent ends before the first token that is a three-digit status
 * followed by an error-code-like token ({@code NoSuchKey}, {@code -}). A space-separated line
 * cannot carry appended fields: they would be read as the last ones.
 */
final class CosAccessLogParser implements LineParser<ObjectAccess> {

    static final String NAME = "cos-access-log";

    static final int FIELDS = 31;

    private static final String NOT_COS = "not a COS access log line";

    // positions of the fields the record takes
    private static final int BUCKET_NAME = 1;
    private static final int EVENT_TIME = 3;
    private static final int EVENT_SOURCE = 4;
    private static final int EVENT_NAME = 5;
    private static final int REMOTE_IP = 6;
    private static final int USER_SECRET_KEY_ID = 7;
    private static final int REQ_BYTES_SENT = 9;
    private static final int REQ_PATH = 11;
    private static final int USER_AGENT = 13;
    private static final int RES_HTTP_CODE = 14;
    private static final int RES_ERROR_CODE = 15;
    private static final int RES_ERROR_MSG = 16;
    private static final int RES_BYTES_SENT = 17;
    private static final int ACCOUNT_ID = 21;
    private static final int REQUESTER = 23;
    private static final int REQUEST_ID = 24;
    private static final int OBJECT_SIZE = 25;
    private static final int VERSION_ID = 26;
    private static final int REFERER = 28;
    private static final int REQUEST_URI = 29;

    /** The fields' names, for messages. */
    private static final String[] NAMES = {"eventVersion", "bucketName", "qcsRegion", "eventTime",
        "eventSource", "eventName", "remoteIp", "userSecretKeyId", "reservedFiled", "reqBytesSent",
        "deltaDataSize", "reqPath", "reqMethod", "userAgent", "resHttpCode", "resErrorCode", "resErrorMsg",
        "resBytesSent", "resTotalTime", "logSourceType", "storageClass", "accountId", "resTurnAroundTime",
        "requester", "requestId", "objectSize", "versionId", "targetStorageClass", "referer", "requestUri", "vpcId"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognizes(String line) {
        return parse(line) instanceof Parsed.Value;
    }

    @Override
    public Parsed<ObjectAccess> parse(String line) {
        if (line == null) {
            return Parsed.error(NOT_COS + ": there is no line");
        }
        int begin = LineBounds.begin(line);
        if (begin >= LineBounds.end(line)) {
            return Parsed.skip("blank line");
        }
        // bounds[2i], bounds[2i + 1]: where field i starts and ends
        int[] bounds = new int[2 * FIELDS];
        String problem = separatorAfterFirstField(line, begin) == '\t'
                ? splitAtTabs(line, begin, LineBounds.endOfLine(line), bounds)
                : splitAtSpaces(line, begin, LineBounds.end(line), bounds);
        if (problem != null) {
            return Parsed.error(problem);
        }
        return record(line, bounds);
    }

    private static char separatorAfterFirstField(String line, int begin) {
        for (int i = begin; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || c == ' ') {
                return c;
            }
        }
        return ' ';
    }

    private static String splitAtTabs(String line, int begin, int end, int[] bounds) {
        int at = begin;
        for (int i = 0; i < FIELDS; i++) {
            if (at > end) {
                return NOT_COS + ": the line has " + i + " tab-separated fields, " + FIELDS
                        + " expected (it ends before " + NAMES[i] + ")";
            }
            int tab = line.indexOf('\t', at);
            int stop = tab < 0 || tab > end ? end : tab;
            bounds[2 * i] = at;
            bounds[2 * i + 1] = stop;
            at = stop + 1;
        }
        return null;
    }

    private static String splitAtSpaces(String line, int begin, int end, int[] bounds) {
        // from the left, up to reqMethod
        int at = begin;
        for (int i = 0; i < USER_AGENT; i++) {
            int space = line.indexOf(' ', at);
            if (space < 0 || space >= end) {
                return NOT_COS + ": the line ends after the " + Complaints.ordinal(i + 1) + " field, before "
                        + NAMES[i + 1];
            }
            bounds[2 * i] = at;
            bounds[2 * i + 1] = space;
            at = space + 1;
        }
        int middleBegin = at;
        // from the right, back to resBytesSent
        int stop = end;
        for (int i = FIELDS - 1; i >= RES_BYTES_SENT; i--) {
            int start = i == REQUEST_URI ? requestUriStart(line, middleBegin, stop)
                    : line.lastIndexOf(' ', stop - 1) + 1;
            if (start <= middleBegin) {
                return tooFewFields(line, begin, end);
            }
            bounds[2 * i] = start;
            bounds[2 * i + 1] = stop;
            stop = start - 1;
        }
        String problem = splitMiddle(line, middleBegin, stop, bounds);
        if (problem == null) {
            return null;
        }
        // a line cut short is better told by its length than by the fields it then misplaces
        String tooFew = tooFewFields(line, begin, end);
        return tooFew != null ? tooFew : problem;
    }

    /** Says so when the line has fewer blank-separated words than a COS line has fields; null otherwise. */
    private static String tooFewFields(String line, int begin, int end) {
        int words = 1;
        for (int at = line.indexOf(' ', begin); at >= 0 && at < end; at = line.indexOf(' ', at + 1)) {
            words++;
        }
        return words >= FIELDS ? null
                : NOT_COS + ": it has " + words + " space-separated words, fewer than the " + FIELDS
                        + " fields of a COS line";
    }

    /** The request URI ends at {@code stop}: quoted, a {@code METHOD /path HTTP/x.y} triple, or one token. */
    private static int requestUriStart(String line, int from, int stop) {
        int start = line.lastIndexOf(' ', stop - 1) + 1;
        if (stop - start >= 2 && line.charAt(stop - 1) == '"' && line.charAt(start) != '"') {
            int open = line.lastIndexOf(" \"", start - 1);
            return open < from ? start : open + 1;
        }
        if (line.startsWith("HTTP/", start)) {
            int path = line.lastIndexOf(' ', start - 2);
            int method = path > from ? line.lastIndexOf(' ', path - 1) : -1;
            return method >= from - 1 ? method + 1 : start;
        }
        return start;
    }

    /** userAgent, resHttpCode, resErrorCode and resErrorMsg, in {@code line[from, to)}. */
    private static String splitMiddle(String line, int from, int to, int[] bounds) {
        // the user agent is one word at least, so the status is looked for after a blank
        for (int blank = line.indexOf(' ', from); blank >= 0 && blank < to; blank = line.indexOf(' ', blank + 1)) {
            int status = blank + 1;
            int statusEnd = status + 3;
            if (statusEnd < to && line.charAt(statusEnd) == ' ' && Numbers.parse(line, status, statusEnd) >= 100) {
                int codeEnd = line.indexOf(' ', statusEnd + 1);
                if (codeEnd > statusEnd + 1 && codeEnd < to && isErrorCode(line, statusEnd + 1, codeEnd)) {
                    set(bounds, USER_AGENT, from, blank);
                    set(bounds, RES_HTTP_CODE, status, statusEnd);
                    set(bounds, RES_ERROR_CODE, statusEnd + 1, codeEnd);
                    set(bounds, RES_ERROR_MSG, codeEnd + 1, to);
                    return null;
                }
            }
        }
        return NOT_COS + ": expected a user agent, then the resHttpCode and resErrorCode, then an error message,"
                + " between reqMethod and resBytesSent, found " + Complaints.found(line, from, Math.max(from, to));
    }

    private static boolean isErrorCode(String line, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void set(int[] bounds, int field, int start, int stop) {
        bounds[2 * field] = start;
        bounds[2 * field + 1] = stop;
    }

    private static Parsed<ObjectAccess> record(String line, int[] bounds) {
        Instant time = Times.parseIsoInstant(line, bounds[2 * EVENT_TIME], bounds[2 * EVENT_TIME + 1]);
        if (time == null) {
            return expected(line, bounds, EVENT_TIME, "the eventTime (ISO-8601, UTC)");
        }
        long status = absent(line, bounds, RES_HTTP_CODE) ? 0 : number(line, bounds, RES_HTTP_CODE);
        if (status < 0 || status > 999) {
            return expected(line, bounds, RES_HTTP_CODE, "the resHttpCode (an HTTP status)");
        }
        long bytesReceived = number(line, bounds, REQ_BYTES_SENT);
        if (bytesReceived < -1) {
            return expected(line, bounds, REQ_BYTES_SENT, "the reqBytesSent (a number of bytes)");
        }
        long bytesSent = number(line, bounds, RES_BYTES_SENT);
        if (bytesSent < -1) {
            return expected(line, bounds, RES_BYTES_SENT, "the resBytesSent (a number of bytes)");
        }
        long objectSize = number(line, bounds, OBJECT_SIZE);
        if (objectSize < -1) {
            return expected(line, bounds, OBJECT_SIZE, "the objectSize (a number of bytes)");
        }
        OperationKinds.Operation operation = absent(line, bounds, EVENT_NAME) ? null
                : OperationKinds.of(line, bounds[2 * EVENT_NAME], bounds[2 * EVENT_NAME + 1]);
        String query = absent(line, bounds, REQUEST_URI) ? null
                : RequestUri.query(line, unquotedStart(line, bounds, REQUEST_URI),
                        unquotedStop(line, bounds, REQUEST_URI));
        if (query == null && !absent(line, bounds, REQ_PATH)) {
            query = RequestUri.query(line, bounds[2 * REQ_PATH], bounds[2 * REQ_PATH + 1]);
        }
        String accessKeyId = text(line, bounds, USER_SECRET_KEY_ID);
        if (accessKeyId == null) {
            accessKeyId = RequestUri.accessKeyId(query);
        }
        return Parsed.value(new ObjectAccess(time, text(line, bounds, REMOTE_IP), text(line, bounds, REQUESTER),
                accessKeyId, text(line, bounds, ACCOUNT_ID), text(line, bounds, BUCKET_NAME), key(line, bounds),
                operation == null ? null : operation.name(), operation == null ? AccessKind.OTHER : operation.kind(),
                (int) status, text(line, bounds, RES_ERROR_CODE), bytesSent, bytesReceived, objectSize,
                text(line, bounds, USER_AGENT), text(line, bounds, REFERER), text(line, bounds, EVENT_SOURCE),
                text(line, bounds, REQUEST_ID), text(line, bounds, VERSION_ID), query, null, NAME));
    }

    /** reqPath is the URL-encoded path of the object, up to any query; {@code /} alone is a bucket-level request. */
    private static String key(String line, int[] bounds) {
        if (absent(line, bounds, REQ_PATH)) {
            return null;
        }
        int start = bounds[2 * REQ_PATH];
        int stop = bounds[2 * REQ_PATH + 1];
        int question = line.indexOf('?', start);
        if (question >= 0 && question < stop) {
            stop = question;
        }
        if (start < stop && line.charAt(start) == '/') {
            start++;
        }
        return start < stop ? PercentDecoding.decode(line, start, stop) : null;
    }

    private static Parsed<ObjectAccess> expected(String line, int[] bounds, int field, String what) {
        return Parsed.error(NOT_COS + ": expected " + what + " as the " + Complaints.ordinal(field + 1)
                + " field, found " + Complaints.found(line, bounds[2 * field], bounds[2 * field + 1]));
    }

    /** A count of bytes: -1 for {@code -}, -2 when it is not a number. */
    private static long number(String line, int[] bounds, int field) {
        if (absent(line, bounds, field)) {
            return -1;
        }
        long n = Numbers.parse(line, bounds[2 * field], bounds[2 * field + 1]);
        return n < 0 ? -2 : n;
    }

    private static boolean absent(String line, int[] bounds, int field) {
        int start = unquotedStart(line, bounds, field);
        int stop = unquotedStop(line, bounds, field);
        return start >= stop || stop - start == 1 && line.charAt(start) == '-';
    }

    /** A field's text without surrounding quotes; null when absent. */
    private static String text(String line, int[] bounds, int field) {
        return absent(line, bounds, field) ? null
                : line.substring(unquotedStart(line, bounds, field), unquotedStop(line, bounds, field));
    }

    private static boolean quoted(String line, int[] bounds, int field) {
        int start = bounds[2 * field];
        int stop = bounds[2 * field + 1];
        return stop - start >= 2 && line.charAt(start) == '"' && line.charAt(stop - 1) == '"';
    }

    private static int unquotedStart(String line, int[] bounds, int field) {
        return quoted(line, bounds, field) ? bounds[2 * field] + 1 : bounds[2 * field];
    }

    private static int unquotedStop(String line, int[] bounds, int field) {
        return quoted(line, bounds, field) ? bounds[2 * field + 1] - 1 : bounds[2 * field + 1];
    }
}
