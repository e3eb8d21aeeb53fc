package org.huisu.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestsTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyAlgorithmMatchesItsPublishedTestVector() {
        Digests d = new Digests(EnumSet.allOf(HashAlgorithm.class));
        d.update(ABC, 0, ABC.length);
        Map<HashAlgorithm, String> out = d.finish();
        // FIPS 180-2 and RFC 1321 vectors for "abc"
        assertThat(out).containsEntry(HashAlgorithm.SHA256,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .containsEntry(HashAlgorithm.SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d")
                .containsEntry(HashAlgorithm.MD5, "900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void sha256IsAlwaysComputedEvenWhenNotAskedFor() {
        Digests d = new Digests(EnumSet.of(HashAlgorithm.MD5));
        d.update(ByteBuffer.wrap(ABC));
        assertThat(d.finish()).containsOnlyKeys(HashAlgorithm.MD5, HashAlgorithm.SHA256);
    }

    @Test
    void bufferUpdatesLeaveThePositionWhereItWas() {
        ByteBuffer buffer = ByteBuffer.wrap(ABC);
        Digests d = new Digests(EnumSet.of(HashAlgorithm.SHA256, HashAlgorithm.SHA1));
        d.update(buffer);
        assertThat(buffer.position()).isZero();
        assertThat(d.finish().get(HashAlgorithm.SHA1)).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void aListOfAlgorithmsAlwaysIncludesSha256() {
        assertThat(HashAlgorithm.parseList("md5, SHA-1")).containsExactlyInAnyOrder(HashAlgorithm.MD5,
                HashAlgorithm.SHA1, HashAlgorithm.SHA256);
        assertThat(HashAlgorithm.labels(HashAlgorithm.parseList("sha1,md5"))).isEqualTo("md5,sha1,sha256");
    }

    @Test
    void anUnknownAlgorithmIsNamedInTheError() {
        assertThatThrownBy(() -> HashAlgorithm.parseList("sha256,crc32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crc32");
    }

    @Test
    void sha256TextIsRecognisedOnlyInLowerCaseHex() {
        assertThat(Digests.isSha256("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isTrue();
        assertThat(Digests.isSha256("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")).isFalse();
        assertThat(Digests.isSha256("ba7816bf")).isFalse();
    }
}
