package org.huisu.formats.cloudlog;

/**
 * What a logged request did to the stored data, the same for every provider, so that uploads,
 * downloads and deletions can be counted across AWS S3, Alibaba OSS, Tencent COS and MinIO logs.
 */
public enum AccessKind {

    /**
     * An object was written whole: a put, a form post, a completed multipart upload, a copy's
     * destination, an append.
     */
    UPLOAD,

    /**
     * A step of a multipart upload (initiate, part, part copy, abort): not an upload of its own, so
     * that an upload in parts is counted once, by its completion.
     */
    UPLOAD_PART,

    /** An object's content was read. */
    DOWNLOAD,

    /** Objects were removed: by a request, a multi-object delete, or a lifecycle expiry. */
    DELETE,

    /** A bucket's objects, versions, uploads or parts, or the account's buckets, were listed. */
    LIST,

    /** An object's or a bucket's metadata was read without its content (HEAD, ACL, tags). */
    METADATA,

    /** Anything else: bucket configuration, ACL and tag writes, storage-class transitions, preflight. */
    OTHER
}
