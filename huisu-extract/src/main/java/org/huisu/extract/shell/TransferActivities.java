package org.huisu.extract.shell;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.huisu.core.model.Activity;
import org.huisu.core.model.ActivityKind;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Item;
import org.huisu.extract.clientconfig.MachineConfigs;
import org.huisu.formats.shell.DatePattern;
import org.huisu.formats.shell.DatePlaceholders;
import org.huisu.formats.shell.DeleteCommand;
import org.huisu.formats.shell.Destination;
import org.huisu.formats.shell.ScriptCommand;
import org.huisu.formats.shell.TransferCommands;
import org.huisu.formats.shell.Transfers;
import org.huisu.formats.shell.UploadCommand;

/**
 * Turns the uploads and deletions among shell commands into activities: one UPLOAD per upload (its
 * subject the destination, resolved through the machine's client configurations), one DELETE per
 * deleted path. Commands of a script or history each get a SCRIPT_COMMAND artifact as their evidence;
 * a scheduled job's command rests on the job's own artifact. Planned when read from a script or a
 * schedule, done (at the history's time, when it kept one) when read from a history.
 */
public final class TransferActivities {

    private final Item item;
    private final Emitter out;
    private final MachineConfigs configs;
    private final String home;
    private final Emitter.ActorKey actor;
    private final Long evidence;
    private final boolean planned;
    private final Map<String, Object> context;
    private final Map<Integer, Integer> perLine = new HashMap<>();
    private long uploads;
    private long deletes;

    private TransferActivities(Item item, Emitter out, MachineConfigs configs, String home, Emitter.ActorKey actor,
            Long evidence, boolean planned, Map<String, Object> context) {
        this.item = item;
        this.out = out;
        this.configs = configs;
        this.home = home;
        this.actor = actor;
        this.evidence = evidence;
        this.planned = planned;
        this.context = context;
    }

    /**
     * For the commands of a script ({@code planned}) or a history: each transfer gets a SCRIPT_COMMAND child of
     * the item; {@code home} is the acting user's home, whose client configurations are asked first (null: none);
     * {@code context} goes on each activity.
     */
    public static TransferActivities commands(Item item, Emitter out, MachineConfigs configs, String home,
            Emitter.ActorKey actor, boolean planned, Map<String, Object> context) {
        return new TransferActivities(item, out, configs, home, actor, null, planned, Map.copyOf(context));
    }

    /** For a scheduled job's command: planned, resting on the job's artifact, with {@code context} on each activity. */
    public static TransferActivities job(Item item, Emitter out, MachineConfigs configs, String home,
            Emitter.ActorKey actor, long jobArtifact, Map<String, Object> context) {
        return new TransferActivities(item, out, configs, home, actor, jobArtifact, true, Map.copyOf(context));
    }

    public long uploads() {
        return uploads;
    }

    public long deletes() {
        return deletes;
    }

    /**
     * Emits the transfers among {@code commands}; {@code line} turns a command's line into the item's line,
     * {@code environment} is what the commands ran with (for telling secrets).
     */
    public void emit(List<ScriptCommand> commands, IntUnaryOperator line, Map<String, String> environment)
            throws IOException {
        emit(commands, line, environment, item.reference());
    }

    /** As {@link #emit(List, IntUnaryOperator, Map)}, for commands written in another file ({@code LABEL:/locator}). */
    public void emit(List<ScriptCommand> commands, IntUnaryOperator line, Map<String, String> environment,
            String writtenIn) throws IOException {
        for (int i = 0; i < commands.size(); i++) {
            ScriptCommand c = commands.get(i);
            ScriptCommand previous = i > 0 && pipes(commands.get(i - 1)) ? commands.get(i - 1) : null;
            Transfers t;
            try {
                t = classify(c, previous);
            } catch (RuntimeException e) {
                // the reader's contract is never to throw; if it does, one command is lost, not the file
                out.problem("UNREADABLE_COMMAND", "a command could not be read for its uploads and deletions",
                        "line " + line.applyAsInt(c.line()) + ": " + CommandSecrets.masked(c.raw(), environment)
                                + " (" + e + ")");
                continue;
            }
            if (t.uploads().isEmpty() && t.deletes().isEmpty()) {
                continue;
            }
            CommandSecrets secrets = CommandSecrets.of(c.raw(), environment);
            int at = line.applyAsInt(c.line());
            String where = at > 0 ? writtenIn + "#line " + at : writtenIn;
            for (UploadCommand u : t.uploads()) {
                upload(c, u, at, where, secrets);
            }
            for (DeleteCommand d : t.deletes()) {
                delete(c, d, at, where, secrets);
            }
        }
    }

    private static boolean pipes(ScriptCommand c) {
        return c.connector().startsWith("|") && !c.connector().equals("||");
    }

    /** The transfers of one command; {@code find … | xargs rm} is read across the pipe. */
    private static Transfers classify(ScriptCommand c, ScriptCommand previous) {
        if (previous == null) {
            return TransferCommands.classify(c);
        }
        Transfers both = TransferCommands.classify(List.of(previous, c));
        Transfers before = TransferCommands.classify(previous);
        return new Transfers(both.uploads().subList(before.uploads().size(), both.uploads().size()),
                both.deletes().subList(before.deletes().size(), both.deletes().size()));
    }

    private void upload(ScriptCommand c, UploadCommand u, int line, String where, CommandSecrets secrets)
            throws IOException {
        Map<String, Object> a = common(u.tool(), u.operation(), u.raw(), line, where, u.workingDirectory(), secrets);
        a.put("sources", secrets.mask(u.sources()));
        a.put("expandedSources", secrets.mask(u.expandedSources()));
        Destination d = u.destination();
        put(a, "destination", secrets.mask(d.written()));
        put(a, "destinationExpanded", secrets.mask(d.expanded()));
        put(a, "scheme", d.scheme());
        put(a, "remote", d.remote());
        put(a, "user", d.user());
        put(a, "host", d.host());
        put(a, "bucket", d.bucket());
        put(a, "key", secrets.mask(d.key()));
        a.put("recursive", u.recursive());
        if (u.deletesAtDestination()) {
            a.put("deletesAtDestination", true);
        }
        put(a, "endpoint", u.endpoint());
        put(a, "region", u.region());
        put(a, "profile", u.profile());
        putList(a, "includes", u.includes());
        putList(a, "excludes", u.excludes());
        datePattern(d.expanded(), c).ifPresent(p -> a.put("datePattern", p));
        for (String source : u.expandedSources()) {
            Optional<Map<String, Object>> p = datePattern(source, c);
            if (p.isPresent()) {
                a.put("sourceDatePattern", p.get());
                break;
            }
        }
        Optional<MachineConfigs.Resolved> resolved = resolve(() -> configs.resolve(u, home));
        resolved.ifPresent(r -> {
            a.put("resolved", describe(r));
            if (!r.destination().bucket().isEmpty()) {
                a.put("bucket", r.destination().bucket());
                a.put("key", secrets.mask(r.destination().key()));
            }
        });
        long evidenceId = evidence(a, line, u.tool() + " " + u.operation());
        out.activity(activity(ActivityKind.UPLOAD, c, evidenceId, secrets.mask(d.expanded()), a), actor);
        uploads++;
    }

    private void delete(ScriptCommand c, DeleteCommand d, int line, String where, CommandSecrets secrets)
            throws IOException {
        Map<String, Object> a = common(d.tool(), "", d.raw(), line, where, d.workingDirectory(), secrets);
        a.put("paths", secrets.mask(d.paths()));
        a.put("expandedPaths", secrets.mask(d.expandedPaths()));
        a.put("recursive", d.recursive());
        a.put("remote", d.remote());
        put(a, "condition", secrets.mask(d.condition()));
        long evidenceId = evidence(a, line, d.tool());
        for (int i = 0; i < d.expandedPaths().size(); i++) {
            String path = d.expandedPaths().get(i);
            Map<String, Object> one = new LinkedHashMap<>(a);
            one.put("path", secrets.mask(d.paths().get(i)));
            datePattern(path, c).ifPresent(p -> one.put("datePattern", p));
            if (d.remote()) {
                Destination remote = TransferCommands.destination(d.tool(), d.paths().get(i), path);
                resolve(() -> configs.resolve(d.tool(), remote, "", "", home))
                        .ifPresent(r -> one.put("resolved", describe(r)));
            }
            out.activity(activity(ActivityKind.DELETE, c, evidenceId, secrets.mask(path), one), actor);
            deletes++;
        }
    }

    /** Resolution reads other files of the machine; one that cannot be read leaves the destination unresolved. */
    private Optional<MachineConfigs.Resolved> resolve(Supplier<Optional<MachineConfigs.Resolved>> how) {
        try {
            return how.get();
        } catch (RuntimeException e) {
            out.problem("UNRESOLVED_DESTINATION", "a destination could not be resolved through the machine's client"
                    + " configurations", e.toString());
            return Optional.empty();
        }
    }

    private Map<String, Object> common(String tool, String operation, String raw, int line, String where,
            String workingDirectory, CommandSecrets secrets) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("tool", tool);
        put(a, "operation", operation);
        a.put("command", secrets.mask(raw));
        a.put("line", line);
        a.put("writtenAt", where);
        put(a, "workingDirectory", workingDirectory);
        return a;
    }

    /** The artifact the activity rests on: the job's, or a new SCRIPT_COMMAND child for this transfer. */
    private long evidence(Map<String, Object> attributes, int line, String name) throws IOException {
        if (evidence != null) {
            return evidence;
        }
        int n = perLine.merge(line, 1, Integer::sum);
        String locator = item.locator() + "#line " + line + (n > 1 ? "/" + n : "");
        return out.child(new Artifact(null, 0, null, ArtifactKind.SCRIPT_COMMAND, locator, name, null, Hashes.NONE,
                null, FileTimes.NONE, Ownership.NONE, null, false, Map.copyOf(attributes)), null);
    }

    private Activity activity(ActivityKind kind, ScriptCommand c, long evidenceId, String subject,
            Map<String, Object> attributes) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        Instant time = planned ? null : c.time().orElse(null);
        a.put("planned", planned);
        if (time != null) {
            a.put("time", time.toString());
        }
        a.putAll(context);
        return new Activity(null, kind, null, time, null, null, evidenceId, null, subject, a);
    }

    private static Optional<Map<String, Object>> datePattern(String word, ScriptCommand c) {
        return DatePlaceholders.find(word, c.variables()).map(TransferActivities::describe);
    }

    private static Map<String, Object> describe(DatePattern p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", p.template());
        m.put("format", p.format());
        m.put("dayOffset", p.dayOffset());
        m.put("daily", p.isDaily());
        m.put("resolution", p.resolution().name().toLowerCase(Locale.ROOT));
        if (p.utc()) {
            m.put("utc", true);
        }
        return m;
    }

    private static Map<String, Object> describe(MachineConfigs.Resolved resolved) {
        var r = resolved.destination();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", r.remote().tool());
        m.put("remote", r.remote().name());
        m.put("cloud", r.cloud().name());
        put(m, "provider", r.remote().provider());
        put(m, "endpoint", r.endpoint());
        put(m, "region", r.region());
        put(m, "bucket", r.bucket());
        put(m, "key", r.key());
        put(m, "accessKeyId", r.remote().accessKeyId());
        m.put("explanation", r.explanation());
        put(m, "configFile", resolved.configFile());
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }
}
