package org.huisu.formats.cloudlog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table that says what kind of access each operation name of the four providers is. A name
 * is looked up straight from the line, without cutting it out first, and the table's own string is
 * returned, so that millions of records share a handful of operation strings.
 */
final class OperationKinds {

    /** An operation name as providers log it, and what it does. */
    record Operation(String name, AccessKind kind) {
    }

    private static final Map<String, AccessKind> TABLE = new LinkedHashMap<>();

    static {
        // AWS S3 names are REST.<method>.<resource> or a service action (S3., BATCH.); Alibaba OSS,
        // Tencent COS and MinIO name the API call, and share many names.
        kind(AccessKind.UPLOAD,
                "REST.PUT.OBJECT", "REST.POST.OBJECT", "REST.POST.UPLOAD", "REST.COPY.OBJECT",
                "PutObject", "PostObject", "AppendObject", "CopyObject", "PutObjectCopy", "CompleteMultipartUpload",
                "PostPolicyBucket", "PutObjectExtract");
        // Initiate, part and abort only prepare or cancel an upload: its completion is the upload.
        kind(AccessKind.UPLOAD_PART,
                "REST.POST.UPLOADS", "REST.PUT.PART", "REST.COPY.PART", "REST.DELETE.UPLOAD", "S3.DELETE.UPLOAD",
                "InitiateMultipartUpload", "UploadPart", "UploadPartCopy", "AbortMultipartUpload",
                "NewMultipartUpload", "PutObjectPart", "CopyObjectPart");
        // REST.COPY.OBJECT_GET is a copy's read of its source, logged in the source bucket.
        kind(AccessKind.DOWNLOAD,
                "REST.GET.OBJECT", "REST.COPY.OBJECT_GET",
                "GetObject", "SelectObject", "SelectObjectContent");
        // S3 lifecycle expiry deletes (S3.EXPIRE.OBJECT) or hides behind a delete marker; a
        // multi-object delete is one request line plus, in S3, a BATCH.DELETE.OBJECT line per key.
        kind(AccessKind.DELETE,
                "REST.DELETE.OBJECT", "REST.POST.MULTI_OBJECT_DELETE", "BATCH.DELETE.OBJECT", "S3.EXPIRE.OBJECT",
                "S3.CREATE.DELETEMARKER",
                "DeleteObject", "DeleteMultipleObjects");
        kind(AccessKind.LIST,
                "REST.GET.BUCKET", "REST.GET.BUCKETVERSIONS", "REST.GET.UPLOADS", "REST.GET.UPLOAD", "REST.GET.SERVICE",
                "GetBucket", "GetBucketV2", "ListObjects", "ListObjectsV1", "ListObjectsV2", "ListObjectVersions",
                "GetBucketObjectVersions", "ListBuckets", "GetService", "ListMultipartUploads", "ListParts",
                "ListObjectParts");
        kind(AccessKind.METADATA,
                "REST.HEAD.OBJECT", "REST.HEAD.BUCKET", "REST.GET.ACL", "REST.GET.OBJECT_TAGGING",
                "HeadObject", "HeadBucket", "GetObjectMeta", "GetObjectACL", "GetObjectAcl", "GetObjectTagging",
                "GetObjectAttributes", "GetObjectRetention", "GetObjectLegalHold", "GetSymlink");
    }

    /** Open addressing over the table, probed with a hash computed on the line itself. */
    private static final Operation[] SLOTS = new Operation[Integer.highestOneBit(TABLE.size() * 4) * 2];

    static {
        for (Map.Entry<String, AccessKind> e : TABLE.entrySet()) {
            String name = e.getKey();
            int slot = slot(name, 0, name.length());
            while (SLOTS[slot] != null) {
                slot = (slot + 1) & (SLOTS.length - 1);
            }
            SLOTS[slot] = new Operation(name, e.getValue());
        }
    }

    private OperationKinds() {
    }

    private static void kind(AccessKind kind, String... names) {
        for (String name : names) {
            if (TABLE.put(name, kind) != null) {
                throw new IllegalStateException(name + " is in the table twice");
            }
        }
    }

    /** The operation named by {@code s[from, to)}; an unknown name is an operation of kind OTHER. */
    static Operation of(CharSequence s, int from, int to) {
        int length = to - from;
        for (int slot = slot(s, from, to);; slot = (slot + 1) & (SLOTS.length - 1)) {
            Operation known = SLOTS[slot];
            if (known == null) {
                return new Operation(s.subSequence(from, to).toString(), AccessKind.OTHER);
            }
            if (known.name().length() == length && sameChars(known.name(), s, from)) {
                return known;
            }
        }
    }

    /** The operation of that name. */
    static Operation of(String name) {
        return of(name, 0, name.length());
    }

    /** Every name the table knows, with its kind, in the table's order. */
    static Map<String, AccessKind> table() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    private static boolean sameChars(String name, CharSequence s, int from) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static int slot(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return (h ^ (h >>> 16)) & (SLOTS.length - 1);
    }
}
