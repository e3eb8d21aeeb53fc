package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseExtractionTest {

    @Test
    void theLiveHeapIsReadFromFullCollectionsOnly() {
        // as java -XX:+UseSerialGC -Xlog:gc writes them (OpenJDK 17)
        CaseExtraction.HeapUse heap = CaseExtraction.heapUse(List.of(
                "[0.412s][info][gc] GC(0) Pause Young (Allocation Failure) 69M->8M(247M) 5.123ms",
                "[1.052s][info][gc] GC(27) Pause Full (Allocation Failure) 245M->26M(247M) 10.157ms",
                "[1.053s][info][gc] GC(28) Pause Young (Allocation Failure) 243M->243M(247M) 0.028ms",
                "[1.063s][info][gc] GC(29) Pause Full (Allocation Failure) 243M->124M(247M) 9.698ms",
                "[1.070s][info][gc] Using Serial"));
        assertThat(heap).isEqualTo(new CaseExtraction.HeapUse(4, 2, 124, 247));
    }

    @Test
    void aLogWithoutFullCollectionsHasNoLiveFigure() {
        CaseExtraction.HeapUse heap = CaseExtraction.heapUse(List.of(
                "[0.412s][info][gc] GC(0) Pause Young (Allocation Failure) 69M->8M(247M) 5.123ms"));
        assertThat(heap).isEqualTo(new CaseExtraction.HeapUse(1, 0, -1, 247));
    }
}
