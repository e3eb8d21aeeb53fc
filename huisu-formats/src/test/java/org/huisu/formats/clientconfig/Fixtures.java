package org.huisu.formats.clientconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.huisu.formats.Parsed;

/** The sample client configurations beside these tests. */
final class Fixtures {

    /** Every secret written in the samples; none may show in a record. */
    static final String[] SECRETS = {"9fKq2LmX8pZr4TnB7vHx8dK2pLq9Wm", "Xq3KFvW0aJm5Hr9cLt2zYpU1oN8eBd",
        "m4Rk8sT2qWz6YhNc", "Zx9pQ2wE7rT5yU1iOp3a", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "CAISzgJ1q6Ft5B2yfSjIr5bHKe3ygbZx0qKz", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"};

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T value(Parsed<T> parsed) {
        if (parsed instanceof Parsed.Value<T> v) {
            return v.value();
        }
        throw new AssertionError("not a value: " + parsed);
    }
}
