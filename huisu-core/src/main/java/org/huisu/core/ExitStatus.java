package org.huisu.core;

/** Exit statuses of the {@code huisu} command, as CONTRACT.md fixes them. */
public enum ExitStatus {
    SUCCESS(0),
    /** A verification or audit check ran and failed. */
    CHECK_FAILED(1),
    USAGE(2),
    UNREADABLE_INPUT(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
