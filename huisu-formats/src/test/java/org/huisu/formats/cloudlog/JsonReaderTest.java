package org.huisu.formats.cloudlog;

import org.huisu.formats.Damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void anObjectIsReadAsAMapInMemberOrder() throws Exception {
        Object value = JsonReader.parse(
                " {\"b\": [1, -2.5, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": {}, \"d\": []}\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", Arrays.asList(1L, -2.5, true, false, null));
        expected.put("a", Map.of("x", "y"));
        expected.put("c", Map.of());
        expected.put("d", List.of());
        assertThat(value).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a", "c", "d"));
    }

    @Test
    void escapesAreDecodedIncludingUnicodeAndSurrogatePairs() throws Exception {
        assertThat(JsonReader.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u4eba\\u8138 \\ud83d\\ude00\""))
                .isEqualTo("a\"b\\c/d\b\f\n\r\t人脸 😀");
    }

    @Test
    void aControlCharacterInAStringIsTakenAsItStands() throws Exception {
        assertThat(JsonReader.parse("\"a\nb\\tc\"")).isEqualTo("a\nb\tc");
    }

    @Test
    void integersThatFitAreLongsAndOtherNumbersAreDoubles() throws Exception {
        assertThat(JsonReader.parse("[0, -0, 9223372036854775807, 9223372036854775808, 1e3, 1.5E-2, -0.0]"))
                .isEqualTo(List.of(0L, 0L, Long.MAX_VALUE, 9.223372036854775808E18, 1000.0, 0.015, -0.0));
    }

    @Test
    void membersNotNeededAreSkippedWithoutBeingBuilt() throws Exception {
        JsonReader json = new JsonReader("{\"skip\": {\"deep\": [1, {\"x\": \"\\u0041\"}, \"s\"]}, \"take\": 42}");
        json.beginObject();
        assertThat(json.hasNext()).isTrue();
        assertThat(json.nextName()).isEqualTo("skip");
        json.skipValue();
        assertThat(json.hasNext()).isTrue();
        assertThat(json.nextName()).isEqualTo("take");
        assertThat(json.nextLong()).isEqualTo(42);
        assertThat(json.hasNext()).isFalse();
        json.endObject();
        json.endDocument();
    }

    private static void assertMalformed(String text, String message) {
        assertThatThrownBy(() -> JsonReader.parse(text)).as(text).isInstanceOf(JsonReader.JsonException.class)
                .hasMessage(message);
    }

    @Test
    void malformedTextSaysWhatWasExpectedWhere() {
        assertMalformed("[1, 2,]", "expected a value after the comma at offset 6, found \"]\"");
        assertMalformed("{\"a\" 1}", "expected a colon after the member name at offset 5, found \"1}\"");
        assertMalformed("\"open", "expected the closing quote of the string at offset 5, found the end of the text");
        assertMalformed("\"\\x\"", "expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at offset 1,"
                + " found \"\\x\"\"");
        assertMalformed("\"\\u12\"", "expected four hexadecimal digits after \\u at offset 1, found \"\\u12\"\"");
        assertMalformed("01", "expected the end of the text after the value at offset 1, found \"1\"");
        assertMalformed("[1 2]", "expected a comma or a closing bracket at offset 3, found \"2]\"");
        assertMalformed("[1}", "expected the end of the array (]) or a comma at offset 2, found \"}\"");
        assertMalformed("tru", "expected true at offset 0, found \"tru\"");
        assertMalformed("-", "expected a number at offset 0, found \"-\"");
        assertMalformed("1.", "expected a digit after the decimal point at offset 2, found the end of the text");
        assertMalformed("", "expected a value at offset 0, found the end of the text");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotOverflowed() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonReader.parse(deep)).hasMessage("nested deeper than 512 levels at offset 512");
        assertThatThrownBy(() -> {
            JsonReader json = new JsonReader(deep);
            json.skipValue();
        }).isInstanceOf(JsonReader.JsonException.class);
        assertThatCode(() -> JsonReader.parse("[".repeat(512) + "]".repeat(512))).doesNotThrowAnyException();
    }

    @Property
    void anyTextIsAValueOrAJsonExceptionNothingElse(@ForAll String text) {
        assertThatCode(() -> {
            try {
                JsonReader.parse(text);
            } catch (JsonReader.JsonException expected) {
                assertThat(expected.getMessage()).startsWith("expected ");
            }
        }).doesNotThrowAnyException();
    }

    @Property
    void damagedJsonIsAValueOrAJsonExceptionNothingElse(@ForAll("damagedJson") String text) {
        assertThatCode(() -> {
            try {
                JsonReader.parse(text);
                JsonReader json = new JsonReader(text);
                json.skipValue();
            } catch (JsonReader.JsonException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    @Property
    void anyValueWrittenAsJsonIsReadBackEqual(@ForAll("values") Object value, @ForAll boolean escapeAll,
            @ForAll("blanks") String blank) throws Exception {
        assertThat(JsonReader.parse(Json.write(value, escapeAll, blank))).isEqualTo(value);
    }

    @Property
    void skippingAnyValueReadsExactlyToItsEnd(@ForAll("values") Object value) throws Exception {
        JsonReader json = new JsonReader("[" + Json.write(value, false, "") + ", \"after\"]");
        json.beginArray();
        json.hasNext();
        json.skipValue();
        assertThat(json.hasNext()).isTrue();
        assertThat(json.nextString()).isEqualTo("after");
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "\n  ", "\r\n\t");
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(JsonReaderTest::leaves, JsonReaderTest::containers, 0, 4);
    }

    @Provide
    Arbitrary<String> damagedJson() {
        return Damage.of(values().map(v -> Json.write(v, false, " ")));
    }

    private static Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> containers(Arbitrary<Object> inner) {
        Arbitrary<Object> lists = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> maps = Combinators.combine(Arbitraries.strings().all().ofMaxLength(6), inner)
                .as((k, v) -> Arrays.<Object>asList(k, v))
                .list().ofMaxSize(4).map(pairs -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    pairs.forEach(p -> map.put((String) p.get(0), p.get(1)));
                    return (Object) map;
                });
        return Arbitraries.oneOf(lists, maps);
    }
}
