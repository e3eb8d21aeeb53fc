package org.huisu.formats.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * Expected values the plaso way: a record's fields as a name-to-value map, and a builder of the
 * expected map that insists on every field being named, so a test states the whole record.
 */
final class RecordFields {

    private static final List<String> NAMES = Arrays.stream(ObjectAccess.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private RecordFields() {
    }

    /** Every field of the record, by name, in order; nulls kept. */
    static Map<String, Object> of(ObjectAccess access) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : ObjectAccess.class.getRecordComponents()) {
            try {
                fields.put(c.getName(), c.getAccessor().invoke(access));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return fields;
    }

    /** {@code name, value, name, value, …}, naming every field of {@link ObjectAccess} once. */
    static Map<String, Object> expect(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (fields.containsKey(name)) {
                throw new AssertionError(name + " is expected twice");
            }
            fields.put(name, namesAndValues[i + 1]);
        }
        List<String> missing = new ArrayList<>(NAMES);
        missing.removeAll(fields.keySet());
        List<String> unknown = new ArrayList<>(fields.keySet());
        unknown.removeAll(NAMES);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new AssertionError("expected values must name every field: missing " + missing + ", unknown " + unknown);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        NAMES.forEach(n -> ordered.put(n, fields.get(n)));
        return ordered;
    }

    /** The record a line gives; fails the test when the line gives none. */
    static ObjectAccess parsed(LineParser<ObjectAccess> parser, String line) {
        Parsed<ObjectAccess> parsed = parser.parse(line);
        assertThat(parsed).as("parsing %s", line).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value<ObjectAccess>) parsed).value();
    }

    /** The error a line gives; fails the test when it gives anything else. */
    static String error(LineParser<ObjectAccess> parser, String line) {
        Parsed<ObjectAccess> parsed = parser.parse(line);
        assertThat(parsed).as("parsing %s", line).isInstanceOf(Parsed.Error.class);
        return ((Parsed.Error<ObjectAccess>) parsed).message();
    }

    /** The lines of a fixture beside the tests. */
    static List<String> fixtureLines(String name) {
        return List.of(fixture(name).split("\n"));
    }

    /** The text of a fixture beside the tests. */
    static String fixture(String name) {
        try (InputStream in = RecordFields.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
