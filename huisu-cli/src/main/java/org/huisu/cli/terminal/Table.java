package org.huisu.cli.terminal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns padded to their widest cell, display width aware for CJK text. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "-" : cells[i].toString();
        }
        rows.add(text);
        return this;
    }

    public void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns && i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns && i < row.length; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Columns a string takes on a terminal: East Asian wide characters take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115f || cp == 0x2329 || cp == 0x232a
                || cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f
                || cp >= 0xac00 && cp <= 0xd7a3
                || cp >= 0xf900 && cp <= 0xfaff
                || cp >= 0xfe30 && cp <= 0xfe4f
                || cp >= 0xff00 && cp <= 0xff60
                || cp >= 0xffe0 && cp <= 0xffe6
                || cp >= 0x20000 && cp <= 0x3fffd);
    }
}
