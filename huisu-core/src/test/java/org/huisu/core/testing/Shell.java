package org.huisu.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's own tools (sha256sum, mkfifo, mount…) so that tests check against them. */
public final class Shell {

    private Shell() {
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed, and returns its standard output. */
    public static String ok(Path dir, String... command) {
        Result r = run(dir, command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.err());
        }
        return r.out();
    }

    public static String bash(Path dir, String script) {
        return ok(dir, "bash", "-c", script);
    }

    /** The hex digest the coreutils tool ({@code sha256sum}, {@code md5sum}…) gives for a file. */
    public static String coreutilsDigest(String tool, Path file) {
        String out = ok(null, tool, "--", file.toString());
        return out.substring(0, out.indexOf(' '));
    }

    public static boolean isRoot() {
        return ok(null, "id", "-u").trim().equals("0");
    }

    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }
}
