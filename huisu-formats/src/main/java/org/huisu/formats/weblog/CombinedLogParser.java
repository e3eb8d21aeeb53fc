package org.huisu.formats.weblog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;
import org.huisu.formats.Times;

/**
 * Apache's and nginx's access logs in the "combined" format
 * ({@code host ident user [time] "request" status bytes "referer" "user-agent"}), the "common"
 * format (without the last two), nginx's variants with more fields after the user agent, and
 * Apache's {@code vhost_combined} (whose leading virtual host is not kept). Scanned by hand, without
 * regular expressions, for logs of millions of lines.
 */
public final class CombinedLogParser implements LineParser<WebRequest> {

    @Override
    public String name() {
        return "web-access-log";
    }

    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        int bracket = timeBracket(line, line.indexOf(' '));
        return bracket > 0 && bracket + 29 < line.length() && line.charAt(bracket + 29) == '"';
    }

    @Override
    public Parsed<WebRequest> parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.skip("blank line");
        }
        int n = line.length();
        while (n > 0 && (line.charAt(n - 1) == '\r' || line.charAt(n - 1) == '\n' || line.charAt(n - 1) == ' ')) {
            n--;
        }
        int hostEnd = line.indexOf(' ');
        if (hostEnd <= 0 || hostEnd >= n) {
            return Parsed.error("expected 'host ident user [time] \"request\" status bytes', found no spaces");
        }
        int bracket = timeBracket(line, hostEnd);
        if (bracket < 0) {
            return Parsed.error("no [dd/MMM/yyyy:HH:mm:ss +hhmm] time after the host");
        }
        Instant time = Times.parseClf(line, bracket + 1);
        String remote = line.substring(0, hostEnd);
        String user;
        String[] between = tokens(line, hostEnd + 1, bracket - 1);
        if (between.length == 3) {
            // vhost_combined: "vhost:port client ident user"
            remote = between[0];
            user = dash(between[2]);
        } else if (between.length == 2) {
            user = dash(between[1]);
        } else if (between.length == 1) {
            user = null;
        } else {
            return Parsed.error("expected 'ident user' between the host and the time, found "
                    + (between.length == 0 ? "nothing" : between.length + " words"));
        }
        int i = bracket + 28;
        if (i >= n || line.charAt(i) != ' ' || i + 1 >= n || line.charAt(i + 1) != '"') {
            return Parsed.error("expected a quoted request after the time");
        }
        int requestEnd = closingQuote(line, i + 2, n);
        if (requestEnd < 0) {
            return Parsed.error("the request's quote is not closed");
        }
        String logged = line.substring(i + 2, requestEnd);
        i = requestEnd + 1;
        // status
        if (i >= n || line.charAt(i) != ' ') {
            return Parsed.error("expected a status after the request");
        }
        int statusStart = ++i;
        while (i < n && line.charAt(i) != ' ') {
            i++;
        }
        int status = number(line, statusStart, i);
        if (status < 0 || status > 999) {
            return Parsed.error("the status '" + line.substring(statusStart, i) + "' is not a number");
        }
        if (i >= n || line.charAt(i) != ' ') {
            return Parsed.error("expected a byte count after the status");
        }
        int bytesStart = ++i;
        while (i < n && line.charAt(i) != ' ') {
            i++;
        }
        long bytes;
        if (i - bytesStart == 1 && line.charAt(bytesStart) == '-') {
            bytes = 0;
        } else {
            bytes = longNumber(line, bytesStart, i);
            if (bytes < 0) {
                return Parsed.error("the byte count '" + line.substring(bytesStart, i) + "' is not a number");
            }
        }
        List<String> fields = new ArrayList<>(2);
        boolean quoted = true;
        while (i < n) {
            if (line.charAt(i) != ' ') {
                return Parsed.error("expected a space before field " + (fields.size() + 1) + " after the byte count");
            }
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (line.charAt(i) == '"') {
                int end = closingQuote(line, i + 1, n);
                if (end < 0) {
                    return Parsed.error("the quote of field " + (fields.size() + 1) + " after the byte count is not closed");
                }
                fields.add(unescape(line, i + 1, end));
                i = end + 1;
            } else {
                if (fields.size() < 2) {
                    quoted = false;
                }
                int start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                fields.add(line.substring(start, i));
            }
        }
        String referer = null;
        String agent = null;
        List<String> extra = fields;
        if (quoted && fields.size() >= 2) {
            referer = dash(fields.get(0));
            agent = dash(fields.get(1));
            extra = fields.subList(2, fields.size());
        }
        return Parsed.value(request(time, remote, user, logged, status, bytes, referer, agent, extra));
    }

    private static WebRequest request(Instant time, String remote, String user, String logged, int status, long bytes,
            String referer, String agent, List<String> extra) {
        String requestLine = logged.indexOf('\\') >= 0 ? unescape(logged, 0, logged.length()) : logged;
        String method = null;
        String target = null;
        String protocol = null;
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        if (firstSpace > 0 && isMethod(requestLine, firstSpace)) {
            if (lastSpace > firstSpace && requestLine.startsWith("HTTP/", lastSpace + 1)) {
                method = requestLine.substring(0, firstSpace);
                target = requestLine.substring(firstSpace + 1, lastSpace);
                protocol = requestLine.substring(lastSpace + 1);
            } else if (lastSpace == firstSpace && firstSpace + 1 < requestLine.length()) {
                // HTTP/0.9: "GET /"
                method = requestLine.substring(0, firstSpace);
                target = requestLine.substring(firstSpace + 1);
            }
        }
        String path = null;
        String query = null;
        if (target != null) {
            int q = target.indexOf('?');
            String rawPath = q < 0 ? target : target.substring(0, q);
            query = q < 0 ? null : target.substring(q + 1);
            path = decodePath(rawPath, method);
        }
        return new WebRequest(time, remote, user, method, target, path, query, protocol, status, bytes, referer, agent,
                extra, logged.isEmpty() || logged.equals("-") ? null : logged);
    }

    /** The path of an origin-form or absolute-form target, percent-decoded; null for CONNECT's authority. */
    private static String decodePath(String rawPath, String method) {
        String p = rawPath;
        if (p.startsWith("http://") || p.startsWith("https://")) {
            int slash = p.indexOf('/', p.indexOf("//") + 2);
            p = slash < 0 ? "/" : p.substring(slash);
        } else if (!p.startsWith("/") && !p.equals("*")) {
            return "CONNECT".equals(method) ? null : p;
        }
        return p.indexOf('%') < 0 ? p : percentDecode(p);
    }

    /** %XX sequences as UTF-8 bytes; a malformed sequence stays as written. */
    static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '%' && i + 2 < s.length()
                    && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    /**
     * A logged field without the server's escapes: {@code \"} and {@code \\} (Apache), {@code \xHH}
     * (both; bytes read as UTF-8), {@code \n}, {@code \t}.
     */
    static String unescape(String s, int from, int to) {
        if (s.indexOf('\\', from) < 0 || s.indexOf('\\', from) >= to) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char e = s.charAt(i + 1);
                int hi;
                int lo;
                if (e == 'x' && i + 3 < to && (hi = Character.digit(s.charAt(i + 2), 16)) >= 0
                        && (lo = Character.digit(s.charAt(i + 3), 16)) >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                flush(bytes, out);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    default -> out.append(e);
                }
                i++;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    /**
     * Where a quoted field that starts at {@code from} ends: the first unescaped quote followed by a
     * space or the end of the line (servers that do not escape quotes inside a field leave others); -1
     * when there is none.
     */
    private static int closingQuote(String s, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && (i + 1 == n || s.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code [} that opens a CLF time after {@code from}, or -1. */
    private static int timeBracket(String line, int from) {
        if (from < 0) {
            return -1;
        }
        int b = line.indexOf('[', from);
        while (b > 0 && b < 512) {
            if (line.charAt(b - 1) == ' ' && b + 28 <= line.length() && line.charAt(b + 27) == ']'
                    && Times.parseClf(line, b + 1) != null) {
                return b;
            }
            b = line.indexOf('[', b + 1);
        }
        return -1;
    }

    private static String[] tokens(String s, int from, int to) {
        List<String> out = new ArrayList<>(3);
        int i = from;
        while (i < to) {
            while (i < to && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < to && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isMethod(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return end <= 20;
    }

    private static String dash(String s) {
        return s == null || s.equals("-") || s.isEmpty() ? null : s;
    }

    private static int number(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }

    private static long longNumber(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }
}
