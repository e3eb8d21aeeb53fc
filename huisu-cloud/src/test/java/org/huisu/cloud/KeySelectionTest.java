package org.huisu.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huisu.core.HuisuException;
import org.junit.jupiter.api.Test;

class KeySelectionTest {

    private static boolean fetched(String glob, String key) {
        return new KeySelection(List.of(glob), List.of(), Long.MAX_VALUE).skipReason(key, 1) == null;
    }

    @Test
    void aStarStaysInOneFolderAndTwoStarsCrossThem() {
        assertThat(fetched("faces/*.jpg", "faces/a.jpg")).isTrue();
        assertThat(fetched("faces/*.jpg", "faces/2024/a.jpg")).isFalse();
        assertThat(fetched("faces/**", "faces/2024/03/a.jpg")).isTrue();
        assertThat(fetched("**/*.jpg", "a.jpg")).isTrue();
        assertThat(fetched("**/*.jpg", "x/y/a.jpg")).isTrue();
        assertThat(fetched("**/*.jpg", "x/y/a.png")).isFalse();
    }

    @Test
    void setsAlternativesAndSingleCharacters() {
        assertThat(fetched("cam0[1-3]/*", "cam02/x")).isTrue();
        assertThat(fetched("cam0[!1-3]/*", "cam02/x")).isFalse();
        assertThat(fetched("*.{jpg,png}", "a.png")).isTrue();
        assertThat(fetched("*.{jpg,png}", "a.gif")).isFalse();
        assertThat(fetched("day?.tar.gz", "day1.tar.gz")).isTrue();
        // regular-expression characters in a key are plain characters
        assertThat(fetched("人脸/访客 (1)+.jpg", "人脸/访客 (1)+.jpg")).isTrue();
        assertThat(fetched("a.b", "axb")).isFalse();
    }

    @Test
    void excludeWinsAndTheBudgetIsSpentInListingOrder() {
        KeySelection s = new KeySelection(List.of("**"), List.of("**/*.log"), 100);
        assertThat(s.skipReason("x/y.log", 1)).isEqualTo("exclude");
        assertThat(s.skipReason("a", 60)).isNull();
        assertThat(s.skipReason("b", 60)).isEqualTo("max-bytes");
        assertThat(s.skipReason("c", 40)).isNull();
        assertThat(s.skipReason("d", 1)).isEqualTo("max-bytes");
    }

    @Test
    void aBrokenPatternIsAUsageError() {
        assertThatThrownBy(() -> new KeySelection(List.of("faces/{a,b"), List.of(), 1))
                .isInstanceOf(HuisuException.class).hasMessageContaining("--include faces/{a,b");
    }

    @Test
    void locatorsNameABucketAndAPrefix() {
        assertThat(S3Locator.parse("s3://lakeview-faces")).isEqualTo(new S3Locator("lakeview-faces", ""));
        assertThat(S3Locator.parse("s3://lakeview-faces/faces/2024/")).isEqualTo(
                new S3Locator("lakeview-faces", "faces/2024/"));
        assertThatThrownBy(() -> S3Locator.parse("s3://Bad_Bucket")).isInstanceOf(HuisuException.class)
                .hasMessageContaining("is not a bucket name");
        assertThatThrownBy(() -> S3Locator.parse("s3://ab")).isInstanceOf(HuisuException.class);
    }
}
