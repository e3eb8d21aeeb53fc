package org.huisu.formats;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Lines damaged the ways real files damage them: cut short, a character lost, changed or added. */
public final class Damage {

    private static final String TROUBLE = "\"[] \t%\\{}:,-0\u00e9\u4eba\uD83D";

    private Damage() {
    }

    public static Arbitrary<String> of(Arbitrary<String> lines) {
        return Combinators.combine(lines, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(TROUBLE.chars().mapToObj(c -> (char) c).toArray(Character[]::new)))
                .as(Damage::damage);
    }

    private static String damage(String line, int how, double where, char c) {
        int at = (int) (where * line.length());
        return switch (how) {
            case 0 -> line.substring(0, at);
            case 1 -> at < line.length() ? line.substring(0, at) + line.substring(at + 1) : line;
            case 2 -> at < line.length() ? line.substring(0, at) + c + line.substring(at + 1) : line + c;
            default -> line.substring(0, at) + c + line.substring(at);
        };
    }
}
