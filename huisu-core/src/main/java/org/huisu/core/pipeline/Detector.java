package org.huisu.core.pipeline;

/**
 * Examines an artifact's content for personal information — faces in images and videos, face
 * feature vectors, identity and phone numbers — and records what it finds as findings through
 * {@link Emitter#finding}. Found through {@link java.util.ServiceLoader} beside the extractors and
 * run by the same analysis, after them (default order 200), so that it sees the types they told
 * and the children they made (archive members, database rows, cloud objects); {@code --only} and
 * {@code --skip} select detectors by {@link #name()} as they select extractors.
 */
public interface Detector extends Extractor {

    @Override
    default int order() {
        return 200;
    }
}
