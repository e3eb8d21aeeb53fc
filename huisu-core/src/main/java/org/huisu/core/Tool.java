package org.huisu.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Properties;

/** What this tool is and where it runs: written into custody records and the audit log. */
public final class Tool {

    private static final String VERSION = loadVersion();

    private Tool() {
    }

    public static String name() {
        return "huisu";
    }

    public static String version() {
        return VERSION;
    }

    public static String nameAndVersion() {
        return name() + " " + version();
    }

    /** The operating-system account running the tool. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    /** The machine's host name, as the kernel reports it. */
    public static String machine() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadVersion() {
        try (InputStream in = Tool.class.getResourceAsStream("/org/huisu/core/tool.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
