package org.huisu.cli.terminal;

import java.util.Locale;

/** Byte counts, rates and durations as people read them. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
    }

    public static String rate(double bytesPerSecond) {
        return bytes((long) bytesPerSecond) + "/s";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
