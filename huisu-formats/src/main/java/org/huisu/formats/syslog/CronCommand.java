package org.huisu.formats.syslog;

import java.util.Locale;

/**
 * A job cron started, as its syslog line says: the user and the command line. Reads Vixie cron and
 * cronie ({@code (facecap) CMD (/opt/facecap/bin/daily_upload.sh)}, and {@code CMDEND} when the
 * job finished) and BusyBox crond ({@code USER facecap pid 2345 cmd /opt/…}).
 *
 * @param finished true for a {@code CMDEND} line: the job ended at the line's time
 */
public record CronCommand(String user, String command, boolean finished) {

    /** The job an entry from a cron daemon reports; null for any other entry. */
    public static CronCommand of(SyslogEntry entry) {
        if (entry == null || entry.program() == null || entry.message() == null
                || !entry.program().toLowerCase(Locale.ROOT).contains("cron")) {
            return null;
        }
        return parse(entry.message());
    }

    /** The job a cron message reports; null when the message is not about starting or ending one. */
    public static CronCommand parse(String message) {
        if (message == null) {
            return null;
        }
        String m = message.strip();
        if (m.startsWith("(")) {
            int close = m.indexOf(") ");
            if (close < 2) {
                return null;
            }
            String user = m.substring(1, close);
            String rest = m.substring(close + 2);
            boolean end = rest.startsWith("CMDEND (");
            if (!end && !rest.startsWith("CMD (") || !rest.endsWith(")")) {
                return null;
            }
            String command = rest.substring(rest.indexOf('(') + 1, rest.length() - 1);
            return new CronCommand(user, command, end);
        }
        if (m.startsWith("USER ")) {
            String[] w = m.split(" ", 6);
            if (w.length == 6 && w[2].equals("pid") && w[4].equals("cmd")) {
                return new CronCommand(w[1], w[5], false);
            }
        }
        return null;
    }
}
