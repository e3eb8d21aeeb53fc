package org.huisu.extract.schedule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.clientconfig.Homes;
import org.huisu.extract.clientconfig.MachineConfigs;
import org.huisu.extract.text.SmallText;
import org.huisu.formats.Parsed;
import org.huisu.formats.schedule.MonotonicTrigger;
import org.huisu.formats.schedule.SystemdService;
import org.huisu.formats.schedule.SystemdTimer;
import org.huisu.formats.schedule.SystemdUnit;
import org.huisu.formats.schedule.SystemdUnitParser;

/**
 * systemd {@code .timer} units with the service each starts (beside it, or in the usual unit folders,
 * with its {@code .d/*.conf} drop-ins): one SCHEDULED_JOB artifact, SCHEDULE activity and JOB actor per
 * timer, carrying the service's commands, user and the calendar in plain words; commands that upload or
 * delete also give the planned UPLOAD and DELETE activities.
 */
public final class SystemdTimerExtractor implements Extractor {

    /** Where systemd looks for units, in its order; user units have their own folders. */
    private static final List<String> SYSTEM_FOLDERS = List.of("etc/systemd/system/", "run/systemd/system/",
            "usr/local/lib/systemd/system/", "usr/lib/systemd/system/", "lib/systemd/system/");
    private static final List<String> USER_FOLDERS = List.of("etc/systemd/user/", "usr/lib/systemd/user/",
            "lib/systemd/user/");
    private static final List<String> MARKS = List.of("/usr/local/lib/systemd/", "/usr/lib/systemd/",
            "/lib/systemd/", "/etc/systemd/", "/run/systemd/");
    private static final Pattern TEMPLATE = Pattern.compile("(.+)@(.*)\\.service");

    @Override
    public String name() {
        return "systemd-timer";
    }

    @Override
    public String description() {
        return "systemd timers with the services they start: calendars, commands, users, and the uploads and"
                + " deletions they plan";
    }

    @Override
    public boolean accepts(Item item) {
        return item.hasContent() && item.name().endsWith(".timer");
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        Optional<SystemdUnit> timerUnit = unit(item, out);
        if (timerUnit.isEmpty()) {
            return;
        }
        Parsed<SystemdTimer> parsedTimer = SystemdTimer.of(item.name(), timerUnit.get());
        if (parsedTimer instanceof Parsed.Error<SystemdTimer> e) {
            out.problem("NOT_A_TIMER", "the file is not a timer systemd would start", e.message());
            return;
        }
        SystemdTimer timer = ((Parsed.Value<SystemdTimer>) parsedTimer).value();
        for (int i = 0; i < timer.onCalendar().size(); i++) {
            if (!timer.onCalendar().get(i).computable()) {
                out.problem("UNREAD_CALENDAR", "calendar expressions whose run times cannot be worked out; they are"
                        + " kept as written", timer.onCalendar().get(i).expression());
            }
        }
        Optional<Item> serviceFile = service(item, timer.unit());
        SystemdService service = null;
        SystemdUnit serviceUnit = null;
        if (serviceFile.isEmpty()) {
            out.problem("SERVICE_NOT_FOUND", "the unit the timer starts is neither beside it nor in the usual unit"
                    + " folders, so what it runs is unknown", timer.unit());
        } else {
            Optional<SystemdUnit> u = unit(serviceFile.get(), dropIns(item, serviceFile.get()), out);
            if (u.isPresent()) {
                Parsed<SystemdService> s = SystemdService.of(serviceFile.get().name(), u.get());
                if (s instanceof Parsed.Value<SystemdService> v) {
                    service = v.value();
                    serviceUnit = u.get();
                } else if (s instanceof Parsed.Error<SystemdService> e) {
                    out.problem("NOT_A_SERVICE", "the unit the timer starts is not a service", e.message());
                }
            }
        }
        job(item, timer, serviceFile.orElse(null), service, serviceUnit).emit(item, out, new MachineConfigs(item));
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("unit", timer.unit());
        serviceFile.ifPresent(s -> described.put("service", s.reference()));
        described.put("calendar", timer.onCalendar().stream().map(c -> c.expression()).toList());
        described.put("description", String.join("; ", timer.describe()));
        out.describe(null, Map.of("systemdTimer", described));
    }

    private ScheduledJob job(Item item, SystemdTimer timer, Item serviceFile, SystemdService service,
            SystemdUnit serviceUnit) {
        String user = service == null ? "" : !service.user().isEmpty() ? service.user()
                : userUnit(item.locator()) ? Homes.userOf(item.locator()).orElse("") : "root";
        List<ScheduledJob.Command> commands = new ArrayList<>();
        if (service != null) {
            for (String key : List.of("ExecStartPre", "ExecStart", "ExecStartPost")) {
                List<Integer> lines = lines(serviceUnit, key);
                List<String> values = key.equals("ExecStart") ? service.execStart()
                        : key.equals("ExecStartPre") ? service.execStartPre() : service.execStartPost();
                for (int i = 0; i < values.size(); i++) {
                    commands.add(new ScheduledJob.Command(values.get(i), i < lines.size() ? lines.get(i) : 0,
                            service.environment(), serviceFile.reference()));
                }
            }
        }
        List<String> masked = commands.stream().map(ScheduledJob.Command::masked).toList();
        String schedule = String.join("; ", timer.onCalendar().stream().map(c -> c.expression()).toList());
        List<String> monotonic = timer.monotonic().stream().map(m -> m.setting() + "=" + m.written()).toList();
        if (schedule.isEmpty()) {
            schedule = String.join("; ", monotonic);
        }
        String description = String.join("; ", timer.describe());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("scheduler", "systemd");
        a.put("timer", timer.name());
        a.put("unit", timer.unit());
        if (!timer.description().isEmpty()) {
            a.put("timerDescription", timer.description());
        }
        a.put("schedule", schedule);
        a.put("description", description);
        a.put("calendar", timer.onCalendar().stream().map(c -> c.expression()).toList());
        if (!monotonic.isEmpty()) {
            a.put("monotonic", timer.monotonic().stream().map(MonotonicTrigger::describe).toList());
        }
        a.put("persistent", timer.persistent());
        if (!timer.randomizedDelay().isEmpty()) {
            a.put("randomizedDelay", timer.randomizedDelay());
        }
        if (!user.isEmpty()) {
            a.put("user", user);
        }
        if (service != null) {
            a.put("service", serviceFile.reference());
            if (!service.description().isEmpty()) {
                a.put("serviceDescription", service.description());
            }
            a.put("command", String.join(" ; ", masked));
            a.put("commands", masked);
            if (!service.group().isEmpty()) {
                a.put("group", service.group());
            }
            if (!service.workingDirectory().isEmpty()) {
                a.put("workingDirectory", service.workingDirectory());
            }
            Map<String, String> env = CrontabExtractor.masked(service.environment());
            if (!env.isEmpty()) {
                a.put("environment", env);
            }
            if (!service.environmentFiles().isEmpty()) {
                a.put("environmentFiles", service.environmentFiles());
            }
        }
        String subject = masked.isEmpty() ? timer.unit() : String.join(" ; ", masked);
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("schedule", schedule);
        actor.put("description", description);
        if (!user.isEmpty()) {
            actor.put("user", user);
        }
        String locator = item.locator() + "#" + timer.unit();
        return new ScheduledJob(locator, "systemd " + timer.name() + ": " + subject, user, subject, commands, a,
                actor);
    }

    /** The lines the values of a list setting stand on, in the order {@link SystemdUnit#values} gives them. */
    private static List<Integer> lines(SystemdUnit unit, String key) {
        List<Integer> lines = new ArrayList<>();
        for (SystemdUnit.Entry e : unit.entries()) {
            if (e.section().equals("Service") && e.key().equals(key)) {
                if (e.value().isEmpty()) {
                    lines.clear();
                } else {
                    lines.add(e.line());
                }
            }
        }
        return lines;
    }

    private static boolean userUnit(String locator) {
        return locator.contains("/.config/systemd/user/") || locator.contains("/systemd/user/");
    }

    /** The service: beside the timer, else in the folders systemd reads, a template's file for an instance. */
    private Optional<Item> service(Item timer, String unit) {
        List<String> names = new ArrayList<>(List.of(unit));
        Matcher template = TEMPLATE.matcher(unit);
        if (template.matches() && !template.group(2).isEmpty()) {
            names.add(template.group(1) + "@.service");
        }
        String root = root(timer.locator());
        List<String> folders = new ArrayList<>();
        folders.add(Homes.folderOf(timer.locator()));
        for (String f : userUnit(timer.locator()) ? USER_FOLDERS : SYSTEM_FOLDERS) {
            folders.add(root + f);
        }
        for (String name : names) {
            for (String folder : folders) {
                Optional<Item> found = timer.at(folder + name);
                if (found.isPresent() && found.get().hasContent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code <service>.d/*.conf} drop-ins, read after the unit as systemd does (etc's last, so they win). */
    private List<Item> dropIns(Item timer, Item service) {
        String root = root(timer.locator());
        List<Item> found = new ArrayList<>();
        List<String> folders = new ArrayList<>(userUnit(timer.locator()) ? USER_FOLDERS : SYSTEM_FOLDERS);
        Collections.reverse(folders);
        for (String f : folders) {
            timer.at(root + f + service.name() + ".d").ifPresent(d -> d.children().stream()
                    .filter(c -> c.name().endsWith(".conf") && c.hasContent()).forEach(found::add));
        }
        return found;
    }

    /** Where the machine's tree begins, for a unit file: before its systemd folder. */
    static String root(String locator) {
        for (String mark : MARKS) {
            int at = locator.indexOf(mark);
            if (at >= 0) {
                return locator.substring(0, at + 1);
            }
        }
        return Homes.root(locator, folder -> false);
    }

    private static Optional<SystemdUnit> unit(Item item, Emitter out) throws IOException {
        return unit(item, List.of(), out);
    }

    /** A unit file read with its drop-ins after it; an unreadable one is a problem, not a failure. */
    private static Optional<SystemdUnit> unit(Item item, List<Item> dropIns, Emitter out) throws IOException {
        StringBuilder text = new StringBuilder();
        int ownLines = -1;
        for (Item file : concat(item, dropIns)) {
            SmallText read = SmallText.read(file, CrontabExtractor.MAX_CHARS);
            if (read.tooLarge()) {
                out.problem("TOO_LARGE", "unit files larger than a unit file can be were not read", file.reference());
                return Optional.empty();
            }
            text.append(read.text()).append('\n');
            if (ownLines < 0) {
                ownLines = (int) text.chars().filter(c -> c == '\n').count();
            }
        }
        Parsed<SystemdUnit> parsed = SystemdUnitParser.parse(text.toString());
        if (parsed instanceof Parsed.Error<SystemdUnit> e) {
            out.problem("BAD_UNIT", "the unit file cannot be read as one", item.reference() + ": " + e.message());
            return Optional.empty();
        }
        SystemdUnit unit = ((Parsed.Value<SystemdUnit>) parsed).value();
        for (String warning : unit.warnings()) {
            out.problem("BAD_UNIT_LINE", "unit file lines that systemd ignores", item.reference() + ": " + warning);
        }
        if (dropIns.isEmpty()) {
            return Optional.of(unit);
        }
        // lines past the unit's own are the drop-ins': their numbers say nothing about the unit file
        int last = ownLines;
        List<SystemdUnit.Entry> entries = unit.entries().stream().map(e -> e.line() <= last ? e
                : new SystemdUnit.Entry(0, e.section(), e.key(), e.value())).toList();
        return Optional.of(new SystemdUnit(entries, unit.warnings()));
    }

    private static List<Item> concat(Item first, List<Item> rest) {
        List<Item> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
