package org.huisu.extract.schedule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.clientconfig.Homes;
import org.huisu.extract.clientconfig.MachineConfigs;
import org.huisu.extract.shell.CommandSecrets;
import org.huisu.extract.shell.TransferActivities;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.ScriptCommand;
import org.huisu.formats.shell.ShellScriptParser;

/**
 * One job a scheduler runs (a crontab line, a systemd timer with its service), and what it leaves in the
 * case: a SCHEDULED_JOB artifact, a SCHEDULE activity, a JOB actor, and the planned uploads and deletions
 * its own command lines make. {@code commands} are the lines it runs, each with the line of the file it
 * is written on (in the file {@code writtenIn}, {@code LABEL:/locator}) and its environment; they are kept with
 * their secrets masked.
 */
record ScheduledJob(String locator, String actorName, String user, String subject, List<Command> commands,
        Map<String, Object> attributes, Map<String, Object> actorAttributes) {

    /** A command line the job runs, where it is written (line 0: in a drop-in), with the environment it runs with. */
    record Command(String text, int line, Map<String, String> environment, String writtenIn) {

        /** The command line with its secrets masked. */
        String masked() {
            return CommandSecrets.masked(text, environment);
        }
    }

    /** Programs that only prepare the real work: the job is named after what follows them. */
    private static final Set<String> PREPARING = Set.of("cd", "test", "[", "[[", "true", "false", "set", "export",
            "echo", ":", "exit", "umask", "source", ".", "sleep", "mkdir", "date", "ulimit");
    /** Programs that run what their first argument names. */
    private static final Set<String> RUNNERS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "busybox", "python",
            "python2", "python3", "perl", "php", "node", "ruby", "run-parts");
    private static final Set<String> WRAPPER_OPTIONS_WITH_VALUE = Set.of("sudo -u", "sudo -g", "nice -n",
            "ionice -c", "ionice -n", "flock -w", "flock -E", "timeout -s", "timeout -k", "env -u", "stdbuf -o",
            "stdbuf -e", "stdbuf -i");
    /** Wrappers stepped over to reach the program. */
    private static final Set<String> WRAPPERS = Set.of("nice", "ionice", "nohup", "timeout", "flock", "sudo",
            "env", "time", "chronic", "run-one", "setsid", "exec", "stdbuf", "cronic");

    /** Records the job, its schedule, its actor and its planned transfers; returns the job's artifact id. */
    long emit(Item item, Emitter out, MachineConfigs configs) throws IOException {
        List<List<ScriptCommand>> read = new ArrayList<>();
        for (Command c : commands) {
            List<ScriptCommand> parsed = new ArrayList<>();
            for (Parsed<ScriptCommand> p : ShellScriptParser.parseScript(c.text(), c.environment())) {
                if (p instanceof Parsed.Value<ScriptCommand> v) {
                    parsed.add(v.value());
                } else if (p instanceof Parsed.Error<ScriptCommand> e) {
                    out.problem("UNREADABLE_COMMAND", "job commands that cannot be read as shell; what could be read"
                            + " of them was", "line " + c.line() + ": " + e.message().replaceFirst("^line \\d+: ", "")
                            + ": " + c.masked());
                }
            }
            read.add(parsed);
        }
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        Program program = program(read);
        if (!program.path().isEmpty()) {
            a.put("program", program.path());
        }
        if (!program.runs().isEmpty()) {
            a.put("runs", program.runs());
        }
        long id = out.child(new Artifact(null, 0, null, ArtifactKind.SCHEDULED_JOB, locator, program.name(subject),
                null, Hashes.NONE, null, FileTimes.NONE, Ownership.NONE, null, false, Map.copyOf(a)), null);
        Emitter.ActorKey actor = new Emitter.ActorKey(ActorKind.JOB, actorName);
        Map<String, Object> who = new LinkedHashMap<>(actorAttributes);
        who.put("machines", List.of(item.source().label()));
        who.put("definedIn", List.of(item.source().label() + ":" + locator));
        out.actor(new Actor(null, ActorKind.JOB, actorName, List.of(), who));
        Map<String, Object> schedule = new LinkedHashMap<>(a);
        schedule.put("evidence", item.source().label() + ":" + locator);
        out.activity(new Activity(null, ActivityKind.SCHEDULE, null, null, null, null, id, null, subject, schedule),
                actor);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("job", actorName);
        if (attributes.get("schedule") != null) {
            context.put("schedule", attributes.get("schedule"));
        }
        if (attributes.get("description") != null) {
            context.put("scheduleDescription", attributes.get("description"));
        }
        String home = user.isEmpty() ? null : Homes.homeOf(configs.root(), user);
        TransferActivities transfers = TransferActivities.job(item, out, configs, home, actor, id, context);
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            transfers.emit(read.get(i), line -> c.line(), c.environment(), c.writtenIn());
        }
        return id;
    }

    /** What the job runs: the program past wrappers and preparations, and the scripts it names. */
    record Program(String path, String script, List<String> runs) {

        /** The job's short name: the script it runs, or the program (run-parts with its folder). */
        String name(String fallback) {
            if (path.isEmpty()) {
                return fallback.length() > 80 ? fallback.substring(0, 80) + "…" : fallback;
            }
            String program = base(path);
            if (script.isEmpty()) {
                return program;
            }
            return program.equals("run-parts") ? program + " " + script : base(script);
        }
    }

    static Program program(List<List<ScriptCommand>> commands) {
        String path = "";
        String script = "";
        List<String> runs = new ArrayList<>();
        for (List<ScriptCommand> list : commands) {
            for (ScriptCommand c : list) {
                List<String> words = c.expanded();
                int i = start(words);
                if (i >= words.size() || PREPARING.contains(base(words.get(i)))) {
                    continue;
                }
                String program = words.get(i);
                String argument = "";
                if (RUNNERS.contains(base(program))) {
                    for (int j = i + 1; j < words.size(); j++) {
                        if (!words.get(j).startsWith("-")) {
                            argument = words.get(j);
                            break;
                        }
                        if (words.get(j).equals("-c")) {
                            break;
                        }
                    }
                }
                String runsWhat = argument.startsWith("/") ? argument : program.startsWith("/") ? program : "";
                if (!runsWhat.isEmpty() && !runs.contains(runsWhat)) {
                    runs.add(runsWhat);
                }
                if (path.isEmpty()) {
                    path = program;
                    script = argument;
                }
            }
        }
        return new Program(path, script, runs);
    }

    /** The index of the program's word, past assignments and wrappers with their options. */
    private static int start(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String w = base(words.get(i));
            if (words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
                continue;
            }
            if (!WRAPPERS.contains(w)) {
                break;
            }
            i++;
            while (i < words.size() && words.get(i).startsWith("-")) {
                i += WRAPPER_OPTIONS_WITH_VALUE.contains(w + " " + words.get(i)) ? 2 : 1;
            }
            if ((w.equals("timeout") || w.equals("flock")) && i < words.size()) {
                // the duration, the lock file
                i++;
            }
        }
        return i;
    }

    private static String base(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }
}
