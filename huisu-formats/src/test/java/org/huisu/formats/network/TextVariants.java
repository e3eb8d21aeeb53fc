package org.huisu.formats.network;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for the "never throws" properties of every parser: any string, and real samples cut,
 * spliced with random text, or with characters swapped for the ones parsers split on — which
 * reach much deeper into a parser than random strings do.
 */
public final class TextVariants {

    private static final String SEPARATORS = " \t\n\r\"'[]{}()<>:;,./\\=#%-+*@|~0x\u0000\u00ff\u4e0a";

    private TextVariants() {
    }

    public static Arbitrary<String> of(List<String> samples) {
        Arbitrary<String> sample = Arbitraries.of(samples);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> cut = Combinators.combine(sample, Arbitraries.doubles().between(0, 1))
                .as((s, f) -> s.substring(0, (int) (s.length() * f)));
        Arbitrary<String> spliced = Combinators.combine(sample, Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().ofMaxLength(20)).as((s, f, x) -> {
                    int at = (int) (s.length() * f);
                    return s.substring(0, at) + x + s.substring(at);
                });
        Arbitrary<String> swapped = Combinators.combine(sample, Arbitraries.integers().between(0, 1 << 20).list()
                .ofMinSize(1).ofMaxSize(8), Arbitraries.of(SEPARATORS.chars().mapToObj(c -> (char) c).toList()))
                .as((s, positions, c) -> {
                    if (s.isEmpty()) {
                        return s;
                    }
                    StringBuilder b = new StringBuilder(s);
                    positions.forEach(p -> b.setCharAt(p % b.length(), c));
                    return b.toString();
                });
        return Arbitraries.oneOf(any, cut, spliced, swapped);
    }
}
