package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBucketTest {

    @TempDir
    Path work;

    @Test
    void theObjectsPutHoldTheBytesTheBenchmarkExpects() throws IOException {
        var shape = new SyntheticBucket.Shape(600, 1000, 7);

        SyntheticBucket.Made made = SyntheticBucket.makeOrReuse(work, shape);

        // s3proxy's filesystem store keeps each object as a file at its key under the bucket's folder
        assertThat(HashListings.ofFolder(made.root().resolve(SyntheticBucket.BUCKET)))
                .isEqualTo(SyntheticBucket.sha256ByKey(shape))
                .hasSize(600)
                .containsKeys("t000/s0/f000000.bin", "t000/s5/f000599.bin");
    }

    @Test
    void aBucketOfTheSameShapeIsReusedAndOfAnotherRemade() throws IOException {
        SyntheticBucket.makeOrReuse(work, new SyntheticBucket.Shape(20, 100, 1));

        assertThat(SyntheticBucket.makeOrReuse(work, new SyntheticBucket.Shape(20, 100, 1)).reused()).isTrue();
        assertThat(SyntheticBucket.makeOrReuse(work, new SyntheticBucket.Shape(20, 100, 2)).reused()).isFalse();
    }
}
