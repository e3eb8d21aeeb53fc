package org.huisu.formats.network;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.Parsed;

/**
 * ISC DHCP lease files. The server's {@code dhcpd.leases}: {@code lease ADDRESS { starts …; ends …;
 * binding state …; hardware ethernet …; client-hostname "…"; }}, times in UTC
 * ({@code 4 2024/03/14 10:00:00}) or, with {@code db-time-format local}, {@code epoch N}; the file
 * is appended to, so every version of a lease is kept, in file order. A client's
 * {@code dhclient.leases} ({@code lease { interface …; fixed-address …; expire …; }}) gives the
 * machine's own address and the server that leased it. IPv6 ({@code ia-na}) blocks are passed over.
 */
public final class IscDhcpLeaseParser implements NetworkFileParser<DhcpLease> {

    @Override
    public String name() {
        return "isc-dhcp-leases";
    }

    @Override
    public boolean acceptsPath(String path) {
        String p = ConfigText.slashes(path);
        return p.endsWith("dhcpd.leases") || p.endsWith(".leases") && p.contains("dhclient")
                || p.endsWith("dhcpd.leases~");
    }

    @Override
    public boolean recognizes(String text) {
        for (String line : ConfigText.lines(text)) {
            String l = line.strip();
            if (l.startsWith("lease ") && l.endsWith("{")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Parsed<DhcpLease>> parse(String text) {
        List<Parsed<DhcpLease>> out = new ArrayList<>();
        Tokens t = new Tokens(text == null ? "" : text);
        while (t.hasNext()) {
            int line = t.line();
            List<String> head = t.statement();
            if (t.error != null) {
                out.add(Parsed.error(t.error));
                break;
            }
            if (!t.openedBlock) {
                continue;
            }
            if (!head.isEmpty() && head.get(0).equals("lease")) {
                List<List<String>> body = t.block();
                if (t.error != null) {
                    out.add(Parsed.error(t.error));
                    break;
                }
                out.add(head.size() > 1 ? serverLease(head.get(1), body, line) : clientLease(body, line));
            } else {
                t.block();
                if (t.error != null) {
                    out.add(Parsed.error(t.error));
                    break;
                }
            }
        }
        return out;
    }

    private Parsed<DhcpLease> serverLease(String addressText, List<List<String>> body, int line) {
        String address = IpAddress.canonical(addressText);
        if (address == null) {
            return Parsed.error("line " + line + ": 'lease " + addressText + "': not an address");
        }
        String mac = null;
        String hostname = null;
        Instant starts = null;
        Instant ends = null;
        String state = null;
        for (List<String> s : body) {
            String key = s.get(0);
            switch (key) {
                case "starts" -> starts = time(s);
                case "ends" -> ends = time(s);
                case "hardware" -> mac = s.size() > 2 ? MacAddress.canonical(s.get(2)) : null;
                case "client-hostname" -> hostname = s.size() > 1 ? s.get(1) : null;
                case "binding" -> state = s.size() > 2 && s.get(1).equals("state") ? s.get(2) : state;
                default -> {
                    // uid, cltt, tstp, set … = …: not identity
                }
            }
            if (hostname == null && key.equals("set") && s.size() > 3 && s.get(1).equals("ddns-hostname")) {
                hostname = s.get(3);
            }
        }
        return Parsed.value(new DhcpLease(address, mac, hostname, starts, ends,
                name() + ": lease " + address + " (line " + line + ")", state));
    }

    private Parsed<DhcpLease> clientLease(List<List<String>> body, int line) {
        String address = null;
        String hostname = null;
        String iface = null;
        String server = null;
        Instant ends = null;
        for (List<String> s : body) {
            switch (s.get(0)) {
                case "fixed-address" -> address = s.size() > 1 ? IpAddress.canonical(s.get(1)) : null;
                case "interface" -> iface = s.size() > 1 ? s.get(1) : null;
                case "expire" -> ends = time(s);
                case "option" -> {
                    if (s.size() > 2 && s.get(1).equals("host-name")) {
                        hostname = s.get(2);
                    } else if (s.size() > 2 && s.get(1).equals("dhcp-server-identifier")) {
                        server = s.get(2);
                    }
                }
                default -> {
                    // renew, rebind, other options
                }
            }
        }
        if (address == null) {
            return Parsed.error("line " + line + ": a client lease without a fixed-address");
        }
        return Parsed.value(new DhcpLease(address, null, hostname, null, ends, name() + ": client lease"
                + (iface == null ? "" : " on " + iface) + (server == null ? "" : " from " + server)
                + " (line " + line + ")", null));
    }

    /** {@code starts 4 2024/03/14 10:00:00} (UTC), {@code starts epoch 1710410400}, {@code ends never}. */
    private static Instant time(List<String> s) {
        if (s.size() == 3 && s.get(1).equals("epoch")) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(s.get(2)));
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
        if (s.size() < 4) {
            return null;
        }
        int[] date = numbers(s.get(2), '/');
        int[] time = numbers(s.get(3), ':');
        if (date == null || time == null) {
            return null;
        }
        int y = date[0];
        int mo = date[1];
        int d = date[2];
        int h = time[0];
        int mi = time[1];
        int se = time[2];
        if (h > 23 || mi > 59 || se > 60) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(LocalDate.of(y, mo, d).toEpochDay() * 86_400 + h * 3600L + mi * 60L + se);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Three numbers separated by {@code sep} ({@code 2024/03/14}, {@code 06:02:11}); null otherwise. */
    private static int[] numbers(String text, char sep) {
        int[] out = new int[3];
        int k = 0;
        int v = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && v < 100_000) {
                v = (v < 0 ? 0 : v * 10) + c - '0';
            } else if (c == sep && v >= 0 && k < 2) {
                out[k++] = v;
                v = -1;
            } else {
                return null;
            }
        }
        if (v < 0 || k != 2) {
            return null;
        }
        out[2] = v;
        return out;
    }

    /**
     * The lease file's tokens: words, quoted strings (octal escapes kept as written), and the
     * punctuation {@code ; { }}; {@code #} comments dropped.
     */
    private static final class Tokens {
        private final String s;
        private int i;
        private int line = 1;
        String error;
        boolean openedBlock;

        Tokens(String s) {
            this.s = s;
        }

        int line() {
            skip();
            return line;
        }

        boolean hasNext() {
            skip();
            return i < s.length();
        }

        private void skip() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else {
                    break;
                }
            }
        }

        /** The next token, or null at the end. */
        private String next() {
            skip();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                i++;
                return String.valueOf(c);
            }
            StringBuilder b = new StringBuilder();
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i++);
                    if (d == '\n') {
                        line++;
                    }
                    if (d == '\\' && i < s.length()) {
                        b.append(d);
                        d = s.charAt(i++);
                    }
                    b.append(d);
                }
                if (i >= s.length()) {
                    error = "line " + line + ": a quoted string is not closed";
                }
                i++;
                return "\"" + b;
            }
            while (i < s.length()) {
                char d = s.charAt(i);
                if (Character.isWhitespace(d) || d == ';' || d == '{' || d == '}' || d == '"' || d == '#') {
                    break;
                }
                b.append(d);
                i++;
            }
            return b.toString();
        }

        /**
         * Words up to {@code ;} or {@code {}; {@link #openedBlock} says which ended it. A quoted
         * word comes back without its quotes.
         */
        List<String> statement() {
            List<String> words = new ArrayList<>();
            openedBlock = false;
            while (true) {
                String tok = next();
                if (tok == null || error != null) {
                    if (!words.isEmpty() && error == null) {
                        error = "line " + line + ": '" + String.join(" ", words) + "' does not end with ';'";
                    }
                    return words;
                }
                if (tok.equals(";")) {
                    return words;
                }
                if (tok.equals("{")) {
                    openedBlock = true;
                    return words;
                }
                if (tok.equals("}")) {
                    error = "line " + line + ": '}' without '{'";
                    return words;
                }
                words.add(tok.startsWith("\"") ? tok.substring(1) : tok);
            }
        }

        /** The statements of a block whose {@code {} was just read, nested blocks skipped, through its {@code }}. */
        List<List<String>> block() {
            List<List<String>> out = new ArrayList<>();
            int depth = 1;
            List<String> words = new ArrayList<>();
            while (true) {
                String tok = next();
                if (error != null) {
                    return out;
                }
                if (tok == null) {
                    error = "line " + line + ": a block is not closed";
                    return out;
                }
                switch (tok) {
                    case "{" -> {
                        depth++;
                        words = new ArrayList<>();
                    }
                    case "}" -> {
                        depth--;
                        if (depth == 0) {
                            return out;
                        }
                    }
                    case ";" -> {
                        if (depth == 1 && !words.isEmpty()) {
                            out.add(words);
                        }
                        words = new ArrayList<>();
                    }
                    default -> words.add(tok.startsWith("\"") ? tok.substring(1) : tok);
                }
            }
        }
    }
}
