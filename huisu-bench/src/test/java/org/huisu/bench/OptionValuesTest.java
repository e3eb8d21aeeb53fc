package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionValuesTest {

    private static final Set<String> FLAGS = Set.of("--keep");
    private static final Set<String> VALUED = Set.of("--runs", "--heap");

    @Test
    void flagsAndValuesAreReadAndTheLastValueGivenWins() {
        OptionValues.Arguments a = OptionValues.read(new String[] {"--runs", "3", "--keep", "--runs", "5"}, FLAGS,
                VALUED);
        assertThat(a.flag("--keep")).isTrue();
        assertThat(a.values()).containsExactly(java.util.Map.entry("--runs", "5"));
    }

    @Test
    void helpIsNullAndBadArgumentsNameTheOption() {
        assertThat(OptionValues.read(new String[] {"--runs", "3", "-h"}, FLAGS, VALUED)).isNull();
        assertThatThrownBy(() -> OptionValues.read(new String[] {"--fast"}, FLAGS, VALUED))
                .hasMessage("unknown option --fast");
        assertThatThrownBy(() -> OptionValues.read(new String[] {"--heap"}, FLAGS, VALUED))
                .hasMessage("--heap needs a value");
        assertThatThrownBy(() -> OptionValues.heap("--heap", "2 gigs")).hasMessageStartingWith("--heap 2 gigs:");
        assertThat(OptionValues.heap("--heap", "1536M")).isEqualTo("1536m");
    }
}
