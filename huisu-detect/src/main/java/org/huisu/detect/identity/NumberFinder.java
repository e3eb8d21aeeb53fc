package org.huisu.detect.identity;

import java.util.function.Consumer;
import org.huisu.core.model.Category;

/** Finds one kind of personal number in a piece of text: a line, a file name or a column's value. */
interface NumberFinder {

    Category category();

    /**
     * Hands each number found in {@code text} to {@code found}; {@code field} is the name of the
     * column the text came from (null for lines and names), which may say what the text is. Never
     * throws, whatever the text.
     */
    void find(String text, String field, Consumer<Found> found);

    /**
     * A number found: {@code key} identifies it without keeping it, {@code masked} is all of it that
     * may be written down, {@code confidence} how sure (0 to 1).
     */
    record Found(long key, String masked, double confidence) {
    }
}
