package org.huisu.formats;

/**
 * A parser of one line-oriented format, the way plaso registers one parser per format: a stable
 * lower-case {@link #name()} (also what {@code huisu analyze --only} selects), a cheap test that
 * tells whether a line is in the format (used to detect a file's format from its first lines), and
 * the parse itself, which never throws.
 */
public interface LineParser<T> {

    /** Stable, lower-case, such as {@code s3-access-log}. */
    String name();

    /** True when the line looks like this format; cheap, for detection. */
    boolean recognizes(String line);

    /** Parses one line; never throws. */
    Parsed<T> parse(String line);
}
