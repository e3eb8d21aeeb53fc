package org.huisu.trace.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.RelationKind;

/**
 * Schedule to script to command to log: the cron line (or timer) runs the script; the script's
 * upload and delete commands are what its runs did; the uploads the storage log records and the
 * deletions the tool log records match a command's destination pattern — dated as the command
 * dates it (yesterday's folder, today's key); and the log the job writes its output to is its own record.
 */
public final class ScheduleLinker implements Linker {

    private static final Pattern REDIRECT = Pattern.compile(">>?\\s*(/\\S+)");

    private record Planned(Activity command, Pattern pattern, int dayOffset, String format, boolean local,
            Activity schedule) {
    }

    /** How long after its scheduled start a run's uploads and deletions are still taken as that run's. */
    private static final java.time.Duration RUN_WINDOW = java.time.Duration.ofHours(6);

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String description() {
        return "cron lines and timers to the scripts they run, script commands to the uploads and deletions"
                + " done after their pattern, jobs to the logs they write";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void link(CaseIndex index, Links out) {
        Map<String, Activity> scheduleByScript = new HashMap<>();
        Map<String, Activity> scheduleByLog = new HashMap<>();
        for (Activity s : index.activities(ActivityKind.SCHEDULE)) {
            Artifact line = s.evidenceArtifactId() == null ? null : index.artifact(s.evidenceArtifactId());
            if (line == null) {
                continue;
            }
            String label = index.label(line);
            for (String path : runs(s)) {
                scheduleByScript.put(label + ":" + path, s);
                for (Artifact script : index.filesAt(path)) {
                    if (script.sourceId() == line.sourceId()) {
                        out.add(RelationKind.USED, NodeRef.activity(s.id()), NodeRef.artifact(script.id()), 0.95,
                                index.where(s) + " runs " + path + " " + describe(s) + ".",
                                index.where(s) + " 按计划（" + s.attributes().get("schedule") + "）运行 " + path + "。",
                                List.of(line.id(), script.id()));
                    }
                }
            }
            Object command = s.attributes().get("command");
            Matcher m = REDIRECT.matcher(command == null ? "" : command.toString());
            while (m.find()) {
                scheduleByLog.put(label + ":" + m.group(1), s);
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (Activity c : index.activities()) {
            if (!Traits.planned(c) || (c.kind() != ActivityKind.UPLOAD && c.kind() != ActivityKind.DELETE)) {
                continue;
            }
            Artifact commandLine = c.evidenceArtifactId() == null ? null : index.artifact(c.evidenceArtifactId());
            Artifact script = commandLine == null || commandLine.parentId() == null ? null
                    : index.artifact(commandLine.parentId());
            if (script != null) {
                Activity schedule = scheduleByScript.get(index.label(script) + ":" + script.locator());
                if (schedule != null) {
                    out.add(RelationKind.WAS_INFORMED_BY, NodeRef.activity(c.id()), NodeRef.activity(schedule.id()),
                            0.95, index.where(c) + " is a command of " + script.locator() + ", which "
                                    + index.where(schedule) + " runs " + describe(schedule) + ".",
                            index.where(c) + " 是 " + script.locator() + " 中的命令，该脚本由 " + index.where(schedule)
                                    + " 按计划（" + schedule.attributes().get("schedule") + "）运行。",
                            List.of(commandLine.id(), schedule.evidenceArtifactId()));
                    Actor job = index.actor(schedule.actorId());
                    if (job != null) {
                        out.add(RelationKind.WAS_ASSOCIATED_WITH, NodeRef.activity(c.id()), NodeRef.actor(job.id()),
                                0.95, index.where(c) + " runs as the job " + job.name() + ".",
                                index.where(c) + " 作为定时任务 " + job.name() + " 运行。",
                                List.of(commandLine.id(), schedule.evidenceArtifactId()));
                    }
                }
            }
            Activity schedule = script == null ? null
                    : scheduleByScript.get(index.label(script) + ":" + script.locator());
            Planned p = planned(c, schedule);
            if (p != null) {
                planned.add(p);
            }
        }
        for (Activity done : index.activities()) {
            if ((done.kind() != ActivityKind.UPLOAD && done.kind() != ActivityKind.DELETE) || Traits.planned(done)
                    || Traits.failed(done) || done.started() == null) {
                continue;
            }
            Artifact log = done.evidenceArtifactId() == null ? null : index.artifact(done.evidenceArtifactId());
            if (log != null && Traits.clientSide(done)) {
                Activity schedule = scheduleByLog.get(index.label(log) + ":" + log.locator());
                if (schedule != null && index.actor(schedule.actorId()) != null) {
                    out.add(RelationKind.WAS_ASSOCIATED_WITH, NodeRef.activity(done.id()),
                            NodeRef.actor(schedule.actorId()), 0.9, index.where(done) + " is in " + log.locator()
                                    + ", where " + index.where(schedule) + " sends the output of its job.",
                            index.where(done) + " 位于 " + log.locator() + "，" + index.where(schedule)
                                    + " 将其任务的输出写入该文件。",
                            List.of(log.id(), schedule.evidenceArtifactId()));
                }
            }
            for (Planned p : planned) {
                if (p.command().kind() != done.kind()) {
                    continue;
                }
                for (String target : targets(done, p.local())) {
                    Matcher m = p.pattern().matcher(target);
                    if (!m.find()) {
                        continue;
                    }
                    boolean dated = datedAsPlanned(index, done, p, m);
                    String[] inRun = inScheduledRun(index, done, p);
                    out.add(RelationKind.WAS_INFORMED_BY, NodeRef.activity(done.id()), NodeRef.activity(p.command().id()),
                            (dated ? 0.85 : 0.7) + (inRun != null ? 0.1 : 0), index.where(done) + " " + verb(done) + " "
                                    + target + ", as the command at " + index.where(p.command()) + " does"
                                    + (dated ? ", dated as it dates it (" + offsetText(p.dayOffset()) + ")" : "")
                                    + (inRun != null ? ", " + inRun[0] : "") + ".",
                            index.where(done) + (done.kind() == ActivityKind.UPLOAD ? " 上传了 " : " 删除了 ") + target
                                    + "，与 " + index.where(p.command()) + " 处的命令一致"
                                    + (dated ? "，日期也按该命令的方式确定（" + offsetTextZh(p.dayOffset()) + "）" : "")
                                    + (inRun != null ? "，" + inRun[1] : "") + "。",
                            List.of(done.evidenceArtifactId(), p.command().evidenceArtifactId()));
                    break;
                }
            }
        }
    }

    private static String verb(Activity a) {
        return a.kind() == ActivityKind.UPLOAD ? "uploads" : "deletes";
    }

    private static String offsetText(int dayOffset) {
        return dayOffset == 0 ? "the day it runs" : dayOffset == -1 ? "the day before it runs"
                : dayOffset + " days from the day it runs";
    }

    private static String offsetTextZh(int dayOffset) {
        return dayOffset == 0 ? "运行当天" : dayOffset == -1 ? "运行前一天" : "运行日起 " + dayOffset + " 天";
    }

    private static String describe(Activity schedule) {
        Object d = schedule.attributes().get("description");
        Object s = schedule.attributes().get("schedule");
        return d == null ? "" : d + (s == null ? "" : " (" + s + ")");
    }

    private static List<String> runs(Activity schedule) {
        List<String> paths = new ArrayList<>();
        if (schedule.attributes().get("runs") instanceof List<?> l) {
            l.forEach(o -> paths.add(o.toString()));
        }
        return paths;
    }

    private static List<String> targets(Activity a, boolean local) {
        if (local) {
            return Traits.localPaths(a);
        }
        CloudRef ref = CloudRef.of(a);
        return ref == null ? List.of() : List.of(ref.bucket() + "/" + ref.key());
    }

    /** The command's date pattern as a regular expression over "bucket/key" or a local path. */
    private static Planned planned(Activity c, Activity schedule) {
        if (!(c.attributes().get("datePattern") instanceof Map<?, ?> dp) || dp.get("template") == null) {
            return null;
        }
        String template = dp.get("template").toString();
        int offset = dp.get("dayOffset") instanceof Number n ? n.intValue() : 0;
        String format = dp.get("format") == null ? "" : dp.get("format").toString();
        boolean local = template.startsWith("/");
        if (!local) {
            Object bucket = c.attributes().get("bucket");
            if (bucket == null && c.attributes().get("resolved") instanceof Map<?, ?> r) {
                bucket = r.get("bucket");
            }
            if (bucket == null) {
                return null;
            }
            int at = template.indexOf(bucket + "/");
            if (at < 0) {
                return null;
            }
            template = template.substring(at);
        }
        StringBuilder regex = new StringBuilder("^");
        java.util.Set<Character> named = new java.util.HashSet<>();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '%' && i + 1 < template.length()) {
                char f = template.charAt(++i);
                boolean first = named.add(f);
                regex.append(switch (f) {
                    case 'Y' -> first ? "(?<Y>\\d{4})" : "\\d{4}";
                    case 'm' -> first ? "(?<m>\\d{2})" : "\\d{2}";
                    case 'd' -> first ? "(?<d>\\d{2})" : "\\d{2}";
                    case 'y' -> "\\d{2}";
                    case 'H', 'M', 'S' -> "\\d{2}";
                    case 's' -> "\\d+";
                    default -> Pattern.quote("%" + f);
                });
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return new Planned(c, Pattern.compile(regex.toString()), offset, format, local, schedule);
    }

    /**
     * Where the schedule runs at a fixed time of day ({@code M H * * *}), whether this was done within
     * hours after that day's start; the sentence saying so in English and Chinese, or null.
     */
    private static String[] inScheduledRun(CaseIndex index, Activity done, Planned p) {
        if (p.schedule() == null || !(p.schedule().attributes().get("schedule") instanceof String cron)) {
            return null;
        }
        String[] f = cron.trim().split("\\s+");
        if (f.length < 2 || !f[0].matches("\\d{1,2}") || !f[1].matches("\\d{1,2}")) {
            return null;
        }
        Artifact script = index.artifact(p.command().evidenceArtifactId());
        java.time.ZonedDateTime at = done.started().atZone(index.zone(script == null ? -1 : script.sourceId()));
        java.time.ZonedDateTime start = at.toLocalDate().atTime(Integer.parseInt(f[1]), Integer.parseInt(f[0]))
                .atZone(at.getZone());
        if (at.isBefore(start) || !at.isBefore(start.plus(RUN_WINDOW))) {
            return null;
        }
        long seconds = java.time.Duration.between(start, at).getSeconds();
        int hour = Integer.parseInt(f[1]);
        int minute = Integer.parseInt(f[0]);
        return new String[] {
            String.format(java.util.Locale.ROOT, "%d s after the %02d:%02d run of %s scheduled by %s", seconds, hour,
                    minute, at.toLocalDate(), index.where(p.schedule())),
            String.format(java.util.Locale.ROOT, "发生在 %s 按 %s 计划于 %02d:%02d 开始的运行之后 %d 秒",
                    at.toLocalDate(), index.where(p.schedule()), hour, minute, seconds)};
    }

    private static boolean datedAsPlanned(CaseIndex index, Activity done, Planned p, Matcher m) {
        try {
            LocalDate inName = LocalDate.of(Integer.parseInt(m.group("Y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d")));
            Artifact script = index.artifact(p.command().evidenceArtifactId());
            LocalDate ranOn = done.started().atZone(index.zone(script == null ? -1 : script.sourceId())).toLocalDate();
            return inName.equals(ranOn.plusDays(p.dayOffset()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return false;
        }
    }
}
