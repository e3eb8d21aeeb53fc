package org.huisu.formats.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huisu.formats.Parsed;

/** The sample crontabs and unit files beside these tests. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> List<T> values(List<Parsed<T>> parsed) {
        return parsed.stream().filter(p -> p instanceof Parsed.Value).map(p -> ((Parsed.Value<T>) p).value()).toList();
    }

    static <T> T value(Parsed<T> parsed) {
        if (parsed instanceof Parsed.Value<T> v) {
            return v.value();
        }
        throw new AssertionError("not a value: " + parsed);
    }
}
