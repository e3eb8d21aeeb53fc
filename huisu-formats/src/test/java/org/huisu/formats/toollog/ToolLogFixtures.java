package org.huisu.formats.toollog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/** The tool-log fixtures beside the tests, and what a parser gives for one line. */
final class ToolLogFixtures {

    private ToolLogFixtures() {
    }

    static List<String> lines(String fixture) {
        try (InputStream in = ToolLogFixtures.class.getResourceAsStream(fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolLogEvent value(LineParser<ToolLogEvent> parser, String line) {
        Parsed<ToolLogEvent> p = parser.parse(line);
        assertThat(p).as(line).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value<ToolLogEvent>) p).value();
    }

    static String skipped(LineParser<ToolLogEvent> parser, String line) {
        Parsed<ToolLogEvent> p = parser.parse(line);
        assertThat(p).as(line).isInstanceOf(Parsed.Skip.class);
        return ((Parsed.Skip<ToolLogEvent>) p).why();
    }

    static long errors(LineParser<ToolLogEvent> parser, List<String> lines) {
        return lines.stream().filter(l -> parser.parse(l) instanceof Parsed.Error).count();
    }
}
