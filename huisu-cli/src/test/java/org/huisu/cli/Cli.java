package org.huisu.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the huisu command in this JVM, as the launcher would, and captures what it prints. */
public final class Cli {

    private final Map<String, String> env = new HashMap<>();

    public Cli() {
        env.put("HUISU_PROGRESS", "never");
        env.put("LANG", "C.UTF-8");
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public record Result(int exit, String out, String err) {
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            exit = Main.run(args, o, e, env);
        }
        return new Result(exit, out.toString(), err.toString());
    }
}
