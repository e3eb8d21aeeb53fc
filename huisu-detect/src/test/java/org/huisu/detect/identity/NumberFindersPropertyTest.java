package org.huisu.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.extract.text.TextLines;

/** Any input: numbers found, masked, or nothing — never an exception, never a whole number written down. */
class NumberFindersPropertyTest {

    private static final Pattern MASKED_ID = Pattern.compile("\\d{6}\\*{8}\\d{3}[\\dX]");
    private static final Pattern MASKED_PHONE = Pattern.compile("1[3-9]\\d\\*{4}\\d{4}");

    private static List<NumberFinder.Found> all(String text, String column) {
        List<NumberFinder.Found> found = new ArrayList<>();
        new IdNumberFinder(ResidentIdNumberTest.TODAY).find(text, column, found::add);
        new MobileNumberFinder().find(text, column, found::add);
        return found;
    }

    @Property
    void anyTextYieldsMaskedNumbersOrNothing(@ForAll String text, @ForAll String column) {
        for (NumberFinder.Found f : all(text, column)) {
            assertThat(MASKED_ID.matcher(f.masked()).matches() || MASKED_PHONE.matcher(f.masked()).matches())
                    .as(f.masked()).isTrue();
        }
    }

    /** Text made of digits, separators, plus signs and labels: where the finders' edge cases are. */
    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.of("1", "3", "8", "0", "X", "x", "+", "86", " ", "-", ".", "_", "a", "订单号", "手机",
                "11010519491231002X", "13812345678", "身份证").list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property
    void numberLikeTextYieldsMaskedNumbersOrNothing(@ForAll("numberLike") String text) {
        for (NumberFinder.Found f : all(text, null)) {
            assertThat(MASKED_ID.matcher(f.masked()).matches() || MASKED_PHONE.matcher(f.masked()).matches())
                    .as(f.masked()).isTrue();
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        }
    }

    @Property
    void anyBytesReadAsLinesYieldNumbersOrNothing(@ForAll byte[] bytes) throws IOException {
        TextLines.read(new ByteArrayInputStream(bytes), line -> {
            all(line.text(), null);
            return true;
        });
    }

    @Property
    void anyColumnValueIsReadAsTextOrSkipped(@ForAll("values") Object value) {
        String text = IdentifierDetector.text(value);
        all(text, "phone");
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(Arbitraries.strings(), Arbitraries.longs(), Arbitraries.integers(),
                Arbitraries.doubles(), Arbitraries.bigDecimals(),
                Arbitraries.bytes().array(byte[].class));
    }
}
