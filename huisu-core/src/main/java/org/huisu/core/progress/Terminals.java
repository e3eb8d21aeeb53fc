package org.huisu.core.progress;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/** Whether a standard stream is a terminal, so that progress shows there and nowhere else. */
public final class Terminals {

    private Terminals() {
    }

    /** True when standard error is a terminal that can redraw a line. */
    public static boolean stderrIsTerminal() {
        String term = System.getenv("TERM");
        if (term == null || term.equals("dumb")) {
            return false;
        }
        try {
            return LibC.isatty(2) == 1;
        } catch (LinkageError e) {
            return System.console() != null;
        }
    }

    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int isatty(int fd);
    }
}
