package org.huisu.formats.shell;

/**
 * One piece of a shell word: literal text, a parameter expansion, or a substitution, kept as written
 * (nothing is executed). {@code quoted} tells whether the piece stood inside quotes.
 */
public sealed interface WordPart permits WordPart.Literal, WordPart.Variable, WordPart.CommandSubstitution,
        WordPart.Arithmetic {

    /** The piece as it reads in a word's text: literals unquoted, expansions as written. */
    String text();

    boolean quoted();

    /** Literal characters, quotes removed and escapes resolved. */
    record Literal(String text, boolean quoted) implements WordPart {
    }

    /**
     * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code $1}, {@code $@}…: {@code name} is the
     * parameter, {@code raw} the expansion as written.
     */
    record Variable(String name, String raw, boolean quoted) implements WordPart {
        @Override
        public String text() {
            return raw;
        }
    }

    /**
     * {@code $(command)}, {@code `command`} or a process substitution {@code <(command)}: {@code command} is the
     * inner text, {@code raw} the substitution as written.
     */
    record CommandSubstitution(String command, String raw, boolean quoted) implements WordPart {
        @Override
        public String text() {
            return raw;
        }
    }

    /** {@code $((expression))}. */
    record Arithmetic(String expression, String raw, boolean quoted) implements WordPart {
        @Override
        public String text() {
            return raw;
        }
    }
}
