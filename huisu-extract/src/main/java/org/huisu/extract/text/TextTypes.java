package org.huisu.extract.text;

/** Which detected media types may hold lines of text, plain or compressed. */
public final class TextTypes {

    private TextTypes() {
    }

    /**
     * Text of any kind, JSON (JSON-lines logs), gzip (a rotated log) and types Tika could not tell
     * (a log with no name and a few GBK bytes); not images, video, databases or other archives.
     */
    public static boolean mayHoldLines(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        return mediaType.startsWith("text/") || mediaType.equals("application/json")
                || mediaType.equals("application/x-ndjson") || mediaType.equals("application/gzip")
                || mediaType.equals("application/x-gzip") || mediaType.equals("application/octet-stream");
    }
}
