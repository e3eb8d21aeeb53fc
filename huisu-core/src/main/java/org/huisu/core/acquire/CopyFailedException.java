package org.huisu.core.acquire;

import java.io.IOException;

/** Writing the copy into the case failed: a fault of the case's disk, not of the evidence. */
final class CopyFailedException extends IOException {

    CopyFailedException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
