package org.huisu.formats.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.Parsed;
import org.huisu.formats.shell.Secrets;

/**
 * A systemd {@code .service}: what it runs ({@code ExecStart=} and its pre/post/stop commands, their
 * {@code -@+!:} prefixes taken off), as whom ({@code User=}, {@code Group=}; empty means root), where
 * ({@code WorkingDirectory=}), with which environment ({@code Environment=}, secrets masked) and environment
 * files.
 */
public record SystemdService(String name, String description, String type, List<String> execStart,
        List<String> execStartPre, List<String> execStartPost, List<String> execStop, String user, String group,
        String workingDirectory, Map<String, String> environment, List<String> environmentFiles) {

    public SystemdService {
        execStart = List.copyOf(execStart);
        execStartPre = List.copyOf(execStartPre);
        execStartPost = List.copyOf(execStartPost);
        execStop = List.copyOf(execStop);
        environment = Map.copyOf(environment);
        environmentFiles = List.copyOf(environmentFiles);
    }

    /** The service of a parsed unit file named {@code fileName}; an error when it has no {@code [Service]}. */
    public static Parsed<SystemdService> of(String fileName, SystemdUnit unit) {
        if (!unit.has("Service")) {
            return Parsed.error(fileName + ": no [Service] section, so not a service unit");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : unit.values("Service", "Environment")) {
            for (String assignment : words(line)) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    String name = assignment.substring(0, eq);
                    String value = assignment.substring(eq + 1);
                    env.put(name, Secrets.isSecretName(name) ? Secrets.mask(value) : value);
                }
            }
        }
        return Parsed.value(new SystemdService(fileName, unit.value("Unit", "Description").orElse(""),
                unit.value("Service", "Type").orElse("simple"), commands(unit, "ExecStart"),
                commands(unit, "ExecStartPre"), commands(unit, "ExecStartPost"), commands(unit, "ExecStop"),
                unit.value("Service", "User").orElse(""), unit.value("Service", "Group").orElse(""),
                unit.value("Service", "WorkingDirectory").orElse(""), env,
                unit.values("Service", "EnvironmentFile")));
    }

    private static List<String> commands(SystemdUnit unit, String key) {
        List<String> out = new ArrayList<>();
        for (String v : unit.values("Service", key)) {
            int i = 0;
            while (i < v.length() && "-@+!:".indexOf(v.charAt(i)) >= 0) {
                i++;
            }
            out.add(v.substring(i));
        }
        return out;
    }

    /** {@code A=1 "B=two words"}: words split at spaces, double or single quotes grouping. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
