package org.huisu.formats.cloudlog;

/** The words of a parse error: which field ("the seventh field") and what was found there. */
final class Complaints {

    private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
        "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
        "twenty-ninth", "thirtieth", "thirty-first"};

    private static final int SHOWN = 40;

    private Complaints() {
    }

    /** 1 is "first", 3 is "third", 32 is "32nd". */
    static String ordinal(int n) {
        if (n >= 0 && n < ORDINALS.length) {
            return ORDINALS[n];
        }
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** {@code s[from, to)} quoted for a message, cut short when long: {@code "REST.GET.OB…"}. */
    static String found(CharSequence s, int from, int to) {
        if (from >= to) {
            return "nothing";
        }
        StringBuilder quoted = new StringBuilder(SHOWN + 3).append('"');
        int shownTo = Math.min(to, from + SHOWN);
        for (int i = from; i < shownTo; i++) {
            char c = s.charAt(i);
            quoted.append(c < ' ' ? '\u00b7' : c);
        }
        return quoted.append(shownTo < to ? "\u2026\"" : "\"").toString();
    }

    /** The whole of {@code s} quoted for a message, cut short when long. */
    static String found(CharSequence s) {
        return found(s, 0, s.length());
    }
}
