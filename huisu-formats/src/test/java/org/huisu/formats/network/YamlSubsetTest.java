package org.huisu.formats.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlSubsetTest {

    @Test
    void blockMappingsNestByIndentation() throws Exception {
        assertThat(YamlSubset.read("a:\n  b:\n    c: d\n  e: f\ng: h\n"))
                .isEqualTo(Map.of("a", Map.of("b", Map.of("c", "d"), "e", "f"), "g", "h"));
    }

    @Test
    void sequencesMayHoldMappingsAndSitAtTheKeysIndentation() throws Exception {
        assertThat(YamlSubset.read("routes:\n- to: default\n  via: 10.0.0.1\n- to: 10.8.0.0/16\n"))
                .isEqualTo(Map.of("routes", List.of(Map.of("to", "default", "via", "10.0.0.1"),
                        Map.of("to", "10.8.0.0/16"))));
    }

    @Test
    void flowCollectionsAndQuotedScalarsAreRead() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of("x", "y z", "it's", "2001:db8::1/64"));
        expected.put("b", Map.of("k", "v # not a comment"));
        expected.put("c", null);
        assertThat(YamlSubset.read("a: [x, \"y z\", 'it''s', 2001:db8::1/64]  # comment\n"
                + "b: {k: \"v # not a comment\"}\nc: ~\n")).isEqualTo(expected);
    }

    @Test
    void aFlowSequenceMaySpanLines() throws Exception {
        assertThat(YamlSubset.read("addresses: [\n    10.0.0.1/8,\n    10.0.0.2/8 ]\n"))
                .isEqualTo(Map.of("addresses", Arrays.asList("10.0.0.1/8", "10.0.0.2/8")));
    }

    @Test
    void aTabInTheIndentationIsMalformed() {
        assertThatThrownBy(() -> YamlSubset.read("a:\n\tb: c\n")).isInstanceOf(YamlSubset.Malformed.class)
                .hasMessage("line 2: a tab in the indentation");
    }

    @Test
    void aDeeperLineWithoutAKeyIsMalformed() {
        assertThatThrownBy(() -> YamlSubset.read("a: b\n   c: d\n")).isInstanceOf(YamlSubset.Malformed.class)
                .hasMessage("line 2: unexpected indentation");
    }

    @Test
    void nestingWithoutEndIsMalformedNotAStackOverflow() {
        assertThatThrownBy(() -> YamlSubset.read("a: " + "[".repeat(5000))).isInstanceOf(YamlSubset.Malformed.class);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            deep.append(" ".repeat(i)).append("k:\n");
        }
        assertThatThrownBy(() -> YamlSubset.read(deep.toString())).isInstanceOf(YamlSubset.Malformed.class)
                .hasMessageContaining("nested too deep");
    }
}
