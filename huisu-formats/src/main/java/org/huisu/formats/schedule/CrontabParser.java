package org.huisu.formats.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.Secrets;

/**
 * Reads crontab text the way cron does. A system crontab ({@code /etc/crontab}, {@code /etc/cron.d/*}) has a
 * user field after the schedule; a user crontab ({@code /var/spool/cron/crontabs/<user>}, {@code crontab -l})
 * has none and belongs to its owner. A {@code #} starts a comment only at the start of a line: after a
 * command it is part of the command (the shell then reads it as a comment, cron does not).
 */
public final class CrontabParser {

    /** Which kind of crontab the text is. */
    public enum Kind {
        /** {@code /etc/crontab} and {@code /etc/cron.d/*}: each job names its user. */
        SYSTEM,
        /** A user's own crontab: no user field. */
        USER
    }

    private static final Pattern ENVIRONMENT = Pattern.compile(
            "\\s*(\"[^\"]*\"|'[^']*'|[^\\s=]+)\\s*=\\s*(.*?)\\s*");

    private CrontabParser() {
    }

    /** A system crontab: one result per line, in order (the i-th is line i + 1). */
    public static List<Parsed<CronJob>> parseSystem(String text) {
        return parse(text, Kind.SYSTEM, "");
    }

    /** A user crontab belonging to {@code owner}: one result per line, in order. */
    public static List<Parsed<CronJob>> parseUser(String text, String owner) {
        return parse(text, Kind.USER, owner);
    }

    /**
     * One result per line: a job, a skip (blank, comment, environment assignment) or an error that says what
     * is wrong with the line.
     */
    public static List<Parsed<CronJob>> parse(String text, Kind kind, String owner) {
        List<Parsed<CronJob>> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            out.add(line(line, i + 1, kind, owner == null ? "" : owner, env));
        }
        return out;
    }

    private static Parsed<CronJob> line(String line, int number, Kind kind, String owner, Map<String, String> env) {
        String t = line.strip();
        if (t.isEmpty()) {
            return Parsed.skip("blank");
        }
        if (t.startsWith("#")) {
            return Parsed.skip("comment");
        }
        char first = t.charAt(0);
        if (!(first == '@' || first == '*' || Character.isDigit(first))) {
            Matcher m = ENVIRONMENT.matcher(line);
            if (m.matches()) {
                String name = unquote(m.group(1));
                String value = unquote(m.group(2));
                env.put(name, Secrets.isSecretName(name) ? Secrets.mask(value) : value);
                return Parsed.skip("environment " + name);
            }
            return Parsed.error("line " + number + ": neither a job (it does not start with a schedule) nor an"
                    + " environment assignment");
        }
        return job(t, number, kind, owner, env);
    }

    private static Parsed<CronJob> job(String t, int number, Kind kind, String owner, Map<String, String> env) {
        int timeFields = t.startsWith("@") ? 1 : 5;
        int wanted = timeFields + (kind == Kind.SYSTEM ? 1 : 0);
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (fields.size() < wanted && at < t.length()) {
            int end = at;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            fields.add(t.substring(at, end));
            at = end;
            while (at < t.length() && Character.isWhitespace(t.charAt(at))) {
                at++;
            }
        }
        String rest = at < t.length() ? t.substring(at) : "";
        if (fields.size() < wanted || rest.isEmpty()) {
            String expected = timeFields == 1 ? "a schedule" : "five time fields";
            return Parsed.error("line " + number + ": expected " + expected + (kind == Kind.SYSTEM ? ", a user" : "")
                    + " and a command; the line ends after " + fields.size() + " field"
                    + (fields.size() == 1 ? "" : "s") + (rest.isEmpty() ? "" : " and a command"));
        }
        String schedule = String.join(" ", fields.subList(0, timeFields));
        Parsed<CronSchedule> when = CronSchedule.parse(schedule);
        if (when instanceof Parsed.Error<CronSchedule> e) {
            return Parsed.error("line " + number + ": " + e.message());
        }
        String user = kind == Kind.SYSTEM ? fields.get(timeFields) : owner;
        String[] commandAndInput = splitPercent(rest);
        return Parsed.value(new CronJob(number, user, schedule, commandAndInput[0], commandAndInput[1], env,
                ((Parsed.Value<CronSchedule>) when).value()));
    }

    /**
     * Cron's {@code %}: the first unescaped one ends the command, the rest is its standard input with each
     * further {@code %} a newline; {@code \%} is a plain {@code %}.
     */
    static String[] splitPercent(String text) {
        StringBuilder command = new StringBuilder();
        StringBuilder input = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            StringBuilder target = input == null ? command : input;
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
                target.append('%');
                i++;
            } else if (c == '%') {
                if (input == null) {
                    input = new StringBuilder();
                } else {
                    input.append('\n');
                }
            } else {
                target.append(c);
            }
        }
        return new String[] {command.toString(), input == null ? "" : input.toString()};
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
