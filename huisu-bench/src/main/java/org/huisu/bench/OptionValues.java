package org.huisu.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option values as every benchmark reads them: sizes in binary units, whole numbers, each error naming its option. */
final class OptionValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");

    private OptionValues() {
    }

    /** Parses 2g, 1.5G, 500m, 2GiB, 4096 into bytes, in binary units. */
    static long size(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " " + text + ": give a size such as 2g, 500m or 1048576");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return Math.round(Double.parseDouble(m.group(1)) * (1L << shift));
    }

    static int positive(String option, String value) {
        int n = atLeastZero(option, value);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    static int atLeastZero(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new IllegalArgumentException(option + " " + value + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + " is not a whole number", e);
        }
    }

    /** A JVM heap size as -Xmx takes it: 2g, 1536m. */
    static String heap(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.matches("\\d+[kmg]")) {
            throw new IllegalArgumentException(option + " " + value + ": give a size as -Xmx takes it, such as 2g");
        }
        return v;
    }

    /**
     * A benchmark's arguments, read once: its flags, and its options with their values (the last
     * given wins); null when --help was asked for. An unknown option or a missing value is an error
     * naming it.
     */
    static Arguments read(String[] args, java.util.Set<String> flags, java.util.Set<String> takesValue) {
        java.util.Set<String> given = new java.util.HashSet<>();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            } else if (flags.contains(name)) {
                given.add(name);
            } else if (!takesValue.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            } else {
                values.put(name, args[++i]);
            }
        }
        return new Arguments(given, values);
    }

    record Arguments(java.util.Set<String> flags, java.util.Map<String, String> values) {

        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
