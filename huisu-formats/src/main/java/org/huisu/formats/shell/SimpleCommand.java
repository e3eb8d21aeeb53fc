package org.huisu.formats.shell;

import java.util.List;

/**
 * One simple command found in shell text: the line it starts on, the assignments that prefix it
 * ({@code AWS_PROFILE=x aws …}), its words, its redirections, the operator that ended it ({@code ;},
 * {@code &&}, {@code ||}, {@code |}, {@code &}, a newline as {@code \n}, or empty at the end) and its
 * text as written.
 */
public record SimpleCommand(int line, List<Word> assignments, List<Word> words, List<Redirection> redirections,
        String connector, String raw) {

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirections = List.copyOf(redirections);
    }

    /** The words' texts (quotes removed, expansions as written). */
    public List<String> texts() {
        return words.stream().map(Word::text).toList();
    }
}
