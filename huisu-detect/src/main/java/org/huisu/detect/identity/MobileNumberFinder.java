package org.huisu.detect.identity;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huisu.core.model.Category;

/**
 * Mainland mobile numbers in text: 11 digits from 13 to 19, written whole ({@code 13812345678}),
 * in groups ({@code 138 1234 5678}, {@code 138-1234-5678}) or after the country code ({@code +86},
 * {@code 0086}, {@code 86-}). An order or transaction number of the same shape is told apart by the
 * word before it ({@code 订单号}, {@code order_no}) or its column's name, and is not counted.
 */
final class MobileNumberFinder implements NumberFinder {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![+\\d])((?:\\+|00)?86[ -]?)?(1[3-9]\\d)([ -]?)(\\d{4})\\3(\\d{4})");

    /** Labelled by its column or the word before it. */
    static final double LABELLED = 0.95;
    /** Written as people write phone numbers: with the country code or in groups. */
    static final double WRITTEN_AS_PHONE = 0.8;
    /** Eleven bare digits of the right shape, with nothing saying what they are. */
    static final double BARE = 0.6;

    @Override
    public Category category() {
        return Category.PHONE;
    }

    @Override
    public void find(String text, String field, Consumer<Found> found) {
        if (text == null || text.length() < 11) {
            return;
        }
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            // a miss moves on by one character: "86" may have been a prefix wrongly taken
            from = start + 1;
            if (!Context.standsAlone(text, start, end) || !spacedApart(text, start, end, m.group(3))) {
                continue;
            }
            Context.Verdict v = Context.of(text, start, end, field, Context.PHONE);
            if (v == Context.Verdict.NOT_PERSONAL) {
                continue;
            }
            String digits = m.group(2) + m.group(4) + m.group(5);
            double confidence = v == Context.Verdict.PERSONAL ? LABELLED
                    : m.group(1) != null || !m.group(3).isEmpty() ? WRITTEN_AS_PHONE : BARE;
            found.accept(new Found(Long.parseLong(digits), mask(digits), confidence));
            from = end;
        }
    }

    /** A number written in blank-separated groups is not one when more digit groups run on either side. */
    private static boolean spacedApart(String text, int start, int end, String separator) {
        if (!separator.equals(" ")) {
            return true;
        }
        boolean before = start > 1 && text.charAt(start - 1) == ' ' && Context.digit(text.charAt(start - 2));
        boolean after = end + 1 < text.length() && text.charAt(end) == ' ' && Context.digit(text.charAt(end + 1));
        return !before && !after;
    }

    /** {@code 138****5678}: the carrier's prefix and the last four kept. */
    static String mask(String digits11) {
        return digits11.substring(0, 3) + "****" + digits11.substring(7);
    }
}
