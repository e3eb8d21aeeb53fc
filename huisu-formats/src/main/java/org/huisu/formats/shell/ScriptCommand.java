package org.huisu.formats.shell;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simple command of a script or a shell history: its line, its time when the history kept one, the text as
 * written, its words as written (quotes removed), the same words with known literal variables substituted,
 * its own {@code NAME=value} assignments, the variables known before it ran, its redirections and the
 * operator that ended it ({@code |} tells that the next command reads its output). Secrets written on the
 * command line (ossutil {@code -k}, {@code curl -u user:pass}, {@code AWS_SECRET_ACCESS_KEY=…}) are masked
 * everywhere in it.
 */
public record ScriptCommand(int line, Optional<Instant> time, String raw, List<String> words, List<String> expanded,
        List<Assignment> assignments, Map<String, Assignment> variables, List<Redirection> redirections,
        String connector) {

    public ScriptCommand {
        words = List.copyOf(words);
        expanded = List.copyOf(expanded);
        assignments = List.copyOf(assignments);
        variables = Map.copyOf(variables);
        redirections = List.copyOf(redirections);
    }

    /** The program as written, without its directory ({@code /usr/local/bin/ossutil64} is {@code ossutil64}). */
    public String program() {
        if (words.isEmpty()) {
            return "";
        }
        String w = words.get(0);
        return w.substring(w.lastIndexOf('/') + 1);
    }
}
