package org.huisu.detect.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Whatever bytes or text a column or file holds, reading them for vectors gives a verdict, never an exception. */
class VectorReadingPropertyTest {

    @Property(tries = 300)
    void anyBlobIsJudgedWithoutAnException(@ForAll @Size(min = 64, max = 4096) byte[] blob) {
        EmbeddingJudge judge = new EmbeddingJudge();
        judge.add(blob);
        judge.add(blob.clone());
        Npy.parse(blob);
        judge.verdict();
    }

    /** Compressed, encrypted and entropy-coded data are evenly spread bytes, as {@link Random} gives. */
    @Property(tries = 300)
    void columnsOfEvenlySpreadBytesAreNoVectors(@ForAll long seed, @ForAll @IntRange(min = 64, max = 4096) int size,
            @ForAll @IntRange(min = 1, max = 20) int rows) {
        Random random = new Random(seed);
        EmbeddingJudge judge = new EmbeddingJudge();
        for (int i = 0; i < rows; i++) {
            byte[] blob = new byte[size];
            random.nextBytes(blob);
            judge.add(blob);
        }
        assertThat(judge.verdict()).isEmpty();
    }

    @Property(tries = 300)
    void anyTextIsReadAsColumnsWithoutAnException(@ForAll @StringLength(max = 3000) String text) throws Exception {
        EmbeddingJudge judge = new EmbeddingJudge();
        judge.add(text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextColumns.lines(new ByteArrayInputStream(bytes), (column, value, line) -> judge.add(value));
        try {
            TextColumns.json(new ByteArrayInputStream(bytes), (column, value, line) -> judge.add(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON: the detector then reads it as lines
        }
        judge.verdict();
    }
}
