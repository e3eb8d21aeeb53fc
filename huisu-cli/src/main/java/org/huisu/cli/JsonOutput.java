package org.huisu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.huisu.core.Json;

/** JSON as the commands print it: the project's settings, indented for people reading it too. */
public final class JsonOutput {

    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    public static void print(Session session, Object value) {
        try {
            session.out().println(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }
}
