package org.huisu.cli.actor;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huisu.cli.Session;
import org.huisu.core.HuisuException;
import org.huisu.core.Timestamps;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huisu actor add CASE --name NAME --address A --reference TEXT}: an examiner's documented
 * attribution of addresses to an actor, where the evidence holds none (an ISP's letter naming the
 * subscriber of a public address). The reference, the examiner and the time are kept with the
 * actor, and the command stands in the audit log like every other.
 */
@Command(name = "add", resourceBundle = "org.huisu.cli.Messages", mixinStandardHelpOptions = true)
public final class ActorAddCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "option.case.folder")
    Path caseFolder;

    @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "option.actor.add.name")
    String name;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "host", descriptionKey = "option.actor.add.kind")
    String kind;

    @Option(names = "--address", required = true, paramLabel = "A", descriptionKey = "option.actor.add.address")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--reference", required = true, paramLabel = "TEXT", descriptionKey = "option.actor.add.reference")
    String reference;

    @Option(names = "--examiner", paramLabel = "NAME", descriptionKey = "option.source.add.examiner")
    String examiner;

    public ActorAddCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ActorKind actorKind;
        try {
            actorKind = ActorKind.valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HuisuException.usage(session.text("actor.add.badKind", kind));
        }
        if (name.isBlank() || reference.isBlank()) {
            throw HuisuException.usage(session.text("actor.add.blank"));
        }
        List<String> checked = new ArrayList<>();
        for (String a : addresses) {
            checked.add(address(a));
        }
        Case c = session.openCase(caseFolder);
        String who = session.examiner(examiner);
        Map<String, Object> attribution = new LinkedHashMap<>();
        attribution.put("reference", reference.trim());
        attribution.put("examiner", who);
        attribution.put("time", Timestamps.format(Instant.now()));
        attribution.put("addresses", checked);
        long id = c.store().upsertActor(new Actor(null, actorKind, name.trim(), checked,
                Map.of("attributions", List.of(attribution))), null);
        session.outcome("attributed " + String.join(", ", checked) + " to " + actorKind.jsonName() + " '" + name.trim()
                + "' (actor " + id + ") on " + reference.trim());
        session.out().println(session.text("actor.add.done", String.join(", ", checked), actorKind.jsonName(),
                name.trim(), id, reference.trim(), who));
        return 0;
    }

    /** An IPv4 or IPv6 address, or a MAC address; written as given, lower case. */
    private String address(String text) {
        String a = text.trim().toLowerCase(Locale.ROOT);
        if (a.matches("([0-9a-f]{2}[:-]){5}[0-9a-f]{2}")) {
            return a.replace('-', ':');
        }
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && java.util.Arrays.stream(a.split("\\."))
                .allMatch(p -> Integer.parseInt(p) <= 255);
        boolean v6 = a.contains(":") && a.matches("[0-9a-f:.]+");
        if (v4 || v6) {
            try {
                InetAddress.getByName(a);
                return a;
            } catch (java.net.UnknownHostException e) {
                // not an address after all
            }
        }
        throw HuisuException.usage(session.text("actor.add.badAddress", text));
    }
}
