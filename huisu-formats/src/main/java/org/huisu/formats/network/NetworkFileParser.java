package org.huisu.formats.network;

import java.util.List;
import org.huisu.formats.Parsed;

/**
 * A parser of one small network configuration or lease file, the whole text in: it declares the
 * paths it reads, can tell its format from content, and gives its records and errors, never
 * throwing. Blank lines and comments give nothing.
 */
public interface NetworkFileParser<T> {

    /** Stable, lower-case, such as {@code netplan}. */
    String name();

    /** True for the paths this format is kept at ({@code /etc/netplan/01-office.yaml}). */
    boolean acceptsPath(String path);

    /** True when the text looks like this format; cheap, for files found elsewhere. */
    boolean recognizes(String text);

    /**
     * The records the text gives, in file order, then one error for each part that is not in the
     * format; never throws.
     */
    List<Parsed<T>> parse(String text);
}
