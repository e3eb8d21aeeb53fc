package org.huisu.formats;

/**
 * What parsing one line (or one small file) gave: a record, nothing worth a record (a blank line,
 * a comment, a header), or an error — one sentence saying what is wrong with the input. Parsers
 * return these and never throw: the caller adds where the input came from (source, locator, line
 * number) and goes on.
 */
public sealed interface Parsed<T> permits Parsed.Value, Parsed.Skip, Parsed.Error {

    /** A record. */
    record Value<T>(T value) implements Parsed<T> {
    }

    /** Nothing to record, and nothing wrong: blank, comment, header. */
    record Skip<T>(String why) implements Parsed<T> {
    }

    /** Not in the format: {@code message} says what was expected and where it failed. */
    record Error<T>(String message) implements Parsed<T> {
    }

    static <T> Parsed<T> value(T value) {
        return new Value<>(value);
    }

    static <T> Parsed<T> skip(String why) {
        return new Skip<>(why);
    }

    static <T> Parsed<T> error(String message) {
        return new Error<>(message);
    }
}
