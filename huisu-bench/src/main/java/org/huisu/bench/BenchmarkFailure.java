package org.huisu.bench;

/** Stops the benchmark: a tool failed, disagreed with the others, or is missing. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }

    BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
