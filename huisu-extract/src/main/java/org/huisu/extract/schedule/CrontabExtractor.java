package org.huisu.extract.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.huisu.core.audit.SecretRedactor;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.clientconfig.MachineConfigs;
import org.huisu.extract.shell.CommandSecrets;
import org.huisu.extract.text.SmallText;
import org.huisu.formats.Parsed;
import org.huisu.formats.schedule.CronJob;
import org.huisu.formats.schedule.CrontabParser;
import org.huisu.formats.shell.Secrets;

/**
 * Crontabs: the system's ({@code /etc/crontab}, {@code /etc/cron.d/*}), each user's
 * ({@code /var/spool/cron/crontabs/<user>}, Red Hat's {@code /var/spool/cron/<user>}, BusyBox's
 * {@code /etc/crontabs/<user>}) and {@code /etc/anacrontab}. Each job becomes a SCHEDULED_JOB artifact, a
 * SCHEDULE activity and a JOB actor; a job whose own command uploads or deletes also gives the planned
 * UPLOAD and DELETE activities.
 */
public final class CrontabExtractor implements Extractor {

    static final int MAX_CHARS = 1 << 20;

    /** Folders whose files are user crontabs, each named after its user. */
    private static final List<String> USER_FOLDERS = List.of("/var/spool/cron/crontabs", "/var/spool/cron",
            "/var/spool/cron/tabs", "/etc/crontabs", "/usr/lib/cron/tabs", "/var/cron/tabs");

    /** Which kind of crontab a path is, and for a user's, whose. */
    record CronFile(CrontabParser.Kind kind, String owner, boolean anacron) {

        static Optional<CronFile> of(String locator) {
            int slash = locator.lastIndexOf('/');
            String folder = locator.substring(0, Math.max(slash, 0));
            String name = locator.substring(slash + 1);
            if (name.isEmpty() || name.startsWith(".")) {
                return Optional.empty();
            }
            if (locator.endsWith("/etc/anacrontab")) {
                return Optional.of(new CronFile(CrontabParser.Kind.SYSTEM, "root", true));
            }
            if (locator.endsWith("/etc/crontab") || folder.endsWith("/etc/cron.d")) {
                return Optional.of(new CronFile(CrontabParser.Kind.SYSTEM, "", false));
            }
            for (String f : USER_FOLDERS) {
                if (folder.endsWith(f) && !name.equals("crontabs") && !name.equals("tabs")) {
                    return Optional.of(new CronFile(CrontabParser.Kind.USER, name, false));
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "crontab";
    }

    @Override
    public String description() {
        return "cron jobs of system and user crontabs and anacrontab: schedules, commands, users, and the uploads and"
                + " deletions they plan";
    }

    @Override
    public boolean accepts(Item item) {
        return item.hasContent() && CronFile.of(item.locator()).isPresent();
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        CronFile file = CronFile.of(item.locator()).orElseThrow();
        SmallText read = SmallText.read(item, MAX_CHARS);
        if (read.tooLarge()) {
            out.problem("TOO_LARGE", "the file is larger than a crontab can be, so it was not read", item.reference());
            return;
        }
        if (read.truncated()) {
            out.problem("TRUNCATED", "the compressed crontab ends early; only the lines before the break were read",
                    item.reference());
        }
        MachineConfigs configs = new MachineConfigs(item);
        int jobs = 0;
        if (file.anacron()) {
            for (Parsed<AnacronJob> p : AnacronJob.parse(read.text())) {
                if (p instanceof Parsed.Value<AnacronJob> v) {
                    anacron(item, v.value()).emit(item, out, configs);
                    jobs++;
                } else if (p instanceof Parsed.Error<AnacronJob> e) {
                    badLine(out, e.message());
                }
            }
        } else {
            for (Parsed<CronJob> p : CrontabParser.parse(read.text(), file.kind(), file.owner())) {
                if (p instanceof Parsed.Value<CronJob> v) {
                    cron(item, file, v.value()).emit(item, out, configs);
                    jobs++;
                } else if (p instanceof Parsed.Error<CronJob> e) {
                    badLine(out, e.message());
                }
            }
        }
        Map<String, Object> crontab = new LinkedHashMap<>();
        crontab.put("kind", file.anacron() ? "anacron" : file.kind() == CrontabParser.Kind.SYSTEM ? "system" : "user");
        if (file.kind() == CrontabParser.Kind.USER) {
            crontab.put("owner", file.owner());
        }
        crontab.put("jobs", jobs);
        out.describe(null, Map.of("crontab", crontab));
    }

    private static void badLine(Emitter out, String message) {
        out.problem("BAD_CRONTAB_LINE", "lines cron would not run: neither a job nor an environment setting",
                CommandSecrets.masked(message, Map.of()));
    }

    private static ScheduledJob cron(Item item, CronFile file, CronJob job) {
        Map<String, String> environment = masked(job.environment());
        ScheduledJob.Command command = new ScheduledJob.Command(job.command(), job.line(), job.environment(),
                item.reference());
        String masked = command.masked();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("scheduler", "cron");
        a.put("crontab", file.kind() == CrontabParser.Kind.SYSTEM ? "system" : "user");
        a.put("schedule", job.schedule());
        a.put("description", job.describe());
        a.put("user", job.user());
        a.put("command", masked);
        if (!job.input().isEmpty()) {
            a.put("input", CommandSecrets.masked(job.input(), Map.of()));
        }
        if (!environment.isEmpty()) {
            a.put("environment", environment);
        }
        job.zone().ifPresent(z -> a.put("timezone", z.getId()));
        a.put("line", job.line());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("schedule", job.schedule());
        actor.put("description", job.describe());
        actor.put("user", job.user());
        return new ScheduledJob(item.locator() + "#line " + job.line(), "cron " + job.user() + ": " + masked,
                job.user(), masked, List.of(command), a, actor);
    }

    private static ScheduledJob anacron(Item item, AnacronJob job) {
        ScheduledJob.Command command = new ScheduledJob.Command(job.command(), job.line(), job.environment(),
                item.reference());
        String masked = command.masked();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("scheduler", "anacron");
        a.put("schedule", job.period() + " " + job.delayMinutes() + " " + job.identifier());
        a.put("description", job.describe());
        a.put("user", "root");
        a.put("command", masked);
        Map<String, String> environment = masked(job.environment());
        if (!environment.isEmpty()) {
            a.put("environment", environment);
        }
        a.put("line", job.line());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("schedule", a.get("schedule"));
        actor.put("description", job.describe());
        actor.put("user", "root");
        return new ScheduledJob(item.locator() + "#line " + job.line(), "anacron " + job.identifier() + ": " + masked,
                "root", masked, List.of(command), a, actor);
    }

    /** The parser masks what its own rule names a secret; the audit rule is asked too, and URLs lose passwords. */
    static Map<String, String> masked(Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        environment.forEach((k, v) -> out.put(k, SecretRedactor.namesASecret(k) && !v.matches(".{0,4}\\*{4}")
                ? Secrets.mask(v) : SecretRedactor.redactText(Secrets.maskUrlPassword(v))));
        return out;
    }
}
