package org.huisu.core.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.core.model.Artifact;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.model.FileTimes;
import org.huisu.core.model.Hashes;
import org.huisu.core.model.Ownership;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static Artifact file(String locator, String linkTarget) {
        return new Artifact(1L, 1, null, linkTarget == null ? ArtifactKind.FILE : ArtifactKind.SYMLINK, locator,
                "n", linkTarget == null ? 5L : null,
                new Hashes(linkTarget == null ? "ab".repeat(32) : null, null, null), null,
                new FileTimes(Instant.parse("2024-03-15T02:30:00Z"), null, null, null), Ownership.NONE, linkTarget,
                false, Map.of());
    }

    @Test
    void aLineGivesKindHashSizeTimePathAndTarget() {
        assertThat(Manifest.line(file("/capture/a.jpg", null)))
                .isEqualTo("FILE\t" + "ab".repeat(32) + "\t5\t2024-03-15T02:30:00.000000000Z\t/capture/a.jpg\t-\n");
        assertThat(Manifest.line(file("/latest", "capture/a.jpg")))
                .isEqualTo("SYMLINK\t-\t-\t2024-03-15T02:30:00.000000000Z\t/latest\tcapture/a.jpg\n");
    }

    @Test
    void separatorsInNamesAreEscaped() {
        assertThat(Manifest.line(file("/a\tb\nc\\d", null))).contains("\t/a\\tb\\nc\\\\d\t");
    }

    @Property
    void anyPathGivesExactlyOneLineOfSixColumns(@ForAll String locator, @ForAll String target) {
        String line = Manifest.line(file("/" + locator, target.isEmpty() ? null : target));
        assertThat(line).endsWith("\n");
        assertThat(line.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(line.chars().filter(c -> c == '\t').count()).isEqualTo(5);
    }
}
