package org.huisu.trace.chain;

import java.util.List;
import java.util.Map;

/**
 * What the correlate step concluded, as {@code chain} and {@code stats} show it: one chain per
 * category of personal information found, and the case's statistics. Explanations are kept in
 * English and Chinese so that either command can speak either language without correlating again.
 */
public record Chains(String caseName, String generated, String zone, List<Chain> chains, Stats stats) {

    /** One kind of personal information and the stages it went through. */
    public record Chain(String category, long total, long unique, List<StageReport> stages) {
    }

    /**
     * A stage as far as the evidence goes; {@code found} false means no evidence of it was found,
     * and then the explanation says what was looked for.
     */
    public record StageReport(String stage, boolean found, String activity, List<ActorRef> actors,
            List<String> locations, String from, String to, long records, double confidence,
            Map<String, String> explanation, List<EvidenceRef> evidence) {
    }

    public record ActorRef(String kind, String name, List<String> addresses) {
    }

    public record EvidenceRef(long artifact, String source, String locator, String sha256) {
    }

    /** The figures of {@code huisu stats}. */
    public record Stats(long sources, long artifacts, Map<String, CategoryStats> personalInformation,
            long featureVectors, long estimatedPersons, Deletion deletion) {
    }

    public record CategoryStats(long total, long unique, Map<String, Long> bySource, Map<String, Long> byDay) {
    }

    public record Deletion(long uploadedThenDeleted, Map<String, String> pattern) {
    }
}
