package org.huisu.cloud;

import java.util.regex.Pattern;
import org.huisu.core.HuisuException;

/**
 * What {@code s3://bucket[/prefix]} names: a bucket and, optionally, the prefix under which every
 * key inspected starts. The prefix is taken as written; {@code s3://b/faces} also takes
 * {@code faces-old/…}, as S3's own prefixes do.
 */
public record S3Locator(String bucket, String prefix) {

    /** Bucket names of S3 and of the providers that copy it: 3 to 63 of lower-case letters, digits, '.', '-', '_'. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

    public static boolean isS3(String locator) {
        return locator != null && locator.regionMatches(true, 0, "s3://", 0, 5);
    }

    public static S3Locator parse(String locator) {
        if (!isS3(locator)) {
            throw HuisuException.usage(CloudMessages.text("locator.notS3", locator));
        }
        String rest = locator.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) {
            throw HuisuException.usage(CloudMessages.text("locator.badBucket", locator, bucket));
        }
        return new S3Locator(bucket, prefix);
    }

    /** {@code s3://bucket/prefix}, the source's locator. */
    public String uri() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** The key relative to the prefix, for display; the key itself when the prefix is empty. */
    @Override
    public String toString() {
        return uri();
    }
}
