package org.huisu.core;

/** CSV as every command writes it (RFC 4180): one way to quote a field. */
public final class Csv {

    private Csv() {
    }

    /** The field as written: quoted when it holds a comma, quote or line end, quotes doubled; null is empty. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
