package org.huisu.formats.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationKindsTest {

    private static List<AccessKind> kinds(String... names) {
        return List.of(names).stream().map(n -> OperationKinds.of(n).kind()).toList();
    }

    @Test
    void everyProvidersWholeUploadsAreUploads() {
        assertThat(kinds("REST.PUT.OBJECT", "REST.POST.OBJECT", "REST.POST.UPLOAD", "REST.COPY.OBJECT", "PutObject",
                "PostObject", "CompleteMultipartUpload", "CopyObject", "AppendObject", "PostPolicyBucket"))
                .containsOnly(AccessKind.UPLOAD);
    }

    @Test
    void theStepsOfAMultipartUploadAreNotUploadsOfTheirOwn() {
        assertThat(kinds("REST.POST.UPLOADS", "REST.PUT.PART", "REST.COPY.PART", "InitiateMultipartUpload", "UploadPart",
                "UploadPartCopy", "NewMultipartUpload", "PutObjectPart", "AbortMultipartUpload"))
                .containsOnly(AccessKind.UPLOAD_PART);
    }

    @Test
    void deletionsIncludeMultiObjectDeletesAndLifecycleExpiry() {
        assertThat(kinds("REST.DELETE.OBJECT", "REST.POST.MULTI_OBJECT_DELETE", "BATCH.DELETE.OBJECT", "S3.EXPIRE.OBJECT",
                "S3.CREATE.DELETEMARKER", "DeleteObject", "DeleteMultipleObjects"))
                .containsOnly(AccessKind.DELETE);
    }

    @Test
    void downloadsListingsAndMetadataReadsAreToldApart() {
        assertThat(kinds("REST.GET.OBJECT", "GetObject")).containsOnly(AccessKind.DOWNLOAD);
        assertThat(kinds("REST.GET.BUCKET", "GetBucket", "ListObjects", "ListObjectsV2", "ListBuckets"))
                .containsOnly(AccessKind.LIST);
        assertThat(kinds("REST.HEAD.OBJECT", "HeadObject", "GetObjectMeta")).containsOnly(AccessKind.METADATA);
    }

    @Test
    void anUnknownOperationIsOtherAndKeepsItsName() {
        assertThat(OperationKinds.of("S3.TRANSITION_SIA.OBJECT")).isEqualTo(
                new OperationKinds.Operation("S3.TRANSITION_SIA.OBJECT", AccessKind.OTHER));
        assertThat(OperationKinds.of("REST.GET.VERSIONING").kind()).isEqualTo(AccessKind.OTHER);
        assertThat(OperationKinds.of("PutObjectX").kind()).isEqualTo(AccessKind.OTHER);
        assertThat(OperationKinds.of("").kind()).isEqualTo(AccessKind.OTHER);
    }

    @Test
    void aNameLookedUpInALineIsTheTablesOwnString() {
        String line = "x REST.PUT.OBJECT y";
        String first = OperationKinds.of(line, 2, 17).name();
        String second = OperationKinds.of(new StringBuilder(line), 2, 17).name();
        assertThat(first).isEqualTo("REST.PUT.OBJECT").isSameAs(second);
    }

    @Test
    void everyNameInTheTableIsFoundAgain() {
        for (Map.Entry<String, AccessKind> e : OperationKinds.table().entrySet()) {
            assertThat(OperationKinds.of(e.getKey()).kind()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
