package org.huisu.trace.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huisu.core.model.Activity;

/** What an activity is, as far as the linkers care: seen by the storage server, by the client, or only planned. */
public final class Traits {

    private Traits() {
    }

    /** Recorded by the storage service itself (an access log or audit log record). */
    public static boolean serverSide(Activity a) {
        return a.attributes().containsKey("remoteAddress") || a.attributes().containsKey("operation");
    }

    /** Written in a script or schedule, not yet seen done. */
    public static boolean planned(Activity a) {
        return Boolean.TRUE.equals(a.attributes().get("planned"));
    }

    /** A client's own record of what it did: a tool log, an app log, a shell history line. */
    public static boolean clientSide(Activity a) {
        return !serverSide(a) && !planned(a);
    }

    /** A request the server refused or failed (status 4xx or 5xx) did nothing to the object. */
    public static boolean failed(Activity a) {
        Object status = a.attributes().get("status");
        if (status == null) {
            return false;
        }
        try {
            return Integer.parseInt(status.toString().trim()) >= 400;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The local files or folders a client-side activity names: its {@code localPaths}, its
     * {@code localPath} (a tool's line about one file of a run), else its subject where that is an
     * absolute path (a deletion).
     */
    public static List<String> localPaths(Activity a) {
        Object paths = a.attributes().get("localPaths");
        if (paths instanceof List<?> l && !l.isEmpty()) {
            return l.stream().map(Object::toString).toList();
        }
        Object path = a.attributes().get("localPath");
        if (path != null) {
            return List.of(path.toString());
        }
        if (!serverSide(a) && !planned(a) && a.subject() != null && a.subject().startsWith("/")) {
            return List.of(a.subject());
        }
        return List.of();
    }

    public static String remoteAddress(Activity a) {
        Object r = a.attributes().get("remoteAddress");
        return r == null ? null : r.toString();
    }

    /**
     * Time proximity, never evidence alone: how much two records of one event may add to a
     * relation's confidence — full within a minute, nothing beyond an hour.
     */
    public static double closeness(Instant a, Instant b) {
        if (a == null || b == null) {
            return 0;
        }
        long seconds = Math.abs(Duration.between(a, b).getSeconds());
        if (seconds <= 60) {
            return 1;
        }
        return seconds >= 3600 ? 0 : 1 - (seconds - 60) / 3540.0;
    }

    public static String fileName(String path) {
        if (path == null) {
            return null;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
