package org.huisu.formats.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huisu.formats.Parsed;

/** Reads a test fixture beside the tests and sorts parse results. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> List<T> values(List<Parsed<T>> results) {
        return results.stream().filter(p -> p instanceof Parsed.Value<T>).map(p -> ((Parsed.Value<T>) p).value())
                .toList();
    }

    static <T> List<String> errors(List<Parsed<T>> results) {
        return results.stream().filter(p -> p instanceof Parsed.Error<T>).map(p -> ((Parsed.Error<T>) p).message())
                .toList();
    }
}
