package org.huisu.extract.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.Secrets;

/**
 * One job of {@code /etc/anacrontab}: {@code period delay identifier command}, the period in days or
 * {@code @daily|@weekly|@monthly|@yearly}, the delay in minutes after anacron starts, with the environment
 * assignments above it (secrets masked). Anacron runs a job once per period, whenever the machine is up.
 */
record AnacronJob(int line, String period, int delayMinutes, String identifier, String command,
        Map<String, String> environment) {

    private static final Pattern JOB = Pattern.compile("(\\d+|@daily|@weekly|@monthly|@yearly|@annually)\\s+(\\d+)"
            + "\\s+(\\S+)\\s+(\\S.*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    AnacronJob {
        environment = Map.copyOf(environment);
    }

    /** One result per line: a job, a skip (blank, comment, assignment) or an error naming the line. */
    static List<Parsed<AnacronJob>> parse(String text) {
        List<Parsed<AnacronJob>> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            int number = i + 1;
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Matcher job = JOB.matcher(t);
            Matcher assignment = ASSIGNMENT.matcher(t);
            if (job.matches()) {
                out.add(Parsed.value(new AnacronJob(number, job.group(1), Integer.parseInt(job.group(2).length() > 6
                        ? "999999" : job.group(2)), job.group(3), job.group(4), env)));
            } else if (assignment.matches()) {
                String name = assignment.group(1);
                String value = assignment.group(2).replaceAll("^[\"']|[\"']$", "");
                env.put(name, Secrets.isSecretName(name) ? Secrets.mask(value) : value);
            } else {
                out.add(Parsed.error("line " + number + ": expected a period, a delay, a job identifier and a"
                        + " command, or an environment assignment"));
            }
        }
        return out;
    }

    /** "every 7 days, 10 minutes after anacron starts" and the like. */
    String describe() {
        String every = switch (period) {
            case "1", "@daily" -> "every day";
            case "7", "@weekly" -> "every week";
            case "@monthly" -> "every month";
            case "@yearly", "@annually" -> "every year";
            default -> "every " + period + " days";
        };
        String range = environment.get("START_HOURS_RANGE");
        return every + ", " + delayMinutes + " minute" + (delayMinutes == 1 ? "" : "s") + " after anacron starts"
                + (range == null || range.isEmpty() ? "" : " (only between the hours " + range + ")");
    }
}
