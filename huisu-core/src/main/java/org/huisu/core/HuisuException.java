package org.huisu.core;

/**
 * A failure the user can act on: one plain sentence naming the input and what to do, and the
 * exit status the command line reports for it.
 */
public class HuisuException extends RuntimeException {

    private final ExitStatus status;

    public HuisuException(ExitStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HuisuException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ExitStatus status() {
        return status;
    }

    public static HuisuException usage(String message) {
        return new HuisuException(ExitStatus.USAGE, message);
    }

    public static HuisuException unreadable(String message) {
        return new HuisuException(ExitStatus.UNREADABLE_INPUT, message);
    }

    public static HuisuException unreadable(String message, Throwable cause) {
        return new HuisuException(ExitStatus.UNREADABLE_INPUT, message, cause);
    }
}
