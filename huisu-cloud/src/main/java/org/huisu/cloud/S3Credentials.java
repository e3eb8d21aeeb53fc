package org.huisu.cloud;

import java.util.Map;
import org.huisu.core.HuisuException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The key an examiner was lawfully given, read from the environment — never from the command line,
 * where it would reach the shell history and the audit log. Only the key id is ever recorded or
 * shown; {@link #toString()} names nothing more.
 */
public final class S3Credentials {

    public static final String ACCESS_KEY = "HUISU_S3_ACCESS_KEY";
    public static final String SECRET_KEY = "HUISU_S3_SECRET_KEY";
    public static final String SESSION_TOKEN = "HUISU_S3_SESSION_TOKEN";

    private final String keyId;
    private final String secret;
    private final String sessionToken;

    public S3Credentials(String keyId, String secret, String sessionToken) {
        this.keyId = keyId;
        this.secret = secret;
        this.sessionToken = sessionToken;
    }

    /** From {@code HUISU_S3_ACCESS_KEY}, {@code HUISU_S3_SECRET_KEY} and, where set, {@code HUISU_S3_SESSION_TOKEN}. */
    public static S3Credentials fromEnvironment(Map<String, String> environment) {
        String id = blankToNull(environment.get(ACCESS_KEY));
        String secret = blankToNull(environment.get(SECRET_KEY));
        if (id == null || secret == null) {
            throw HuisuException.usage(CloudMessages.text("credentials.missing", ACCESS_KEY, SECRET_KEY));
        }
        return new S3Credentials(id, secret, blankToNull(environment.get(SESSION_TOKEN)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The access key id: not a secret, and what the bucket's own logs name. */
    public String keyId() {
        return keyId;
    }

    public boolean temporary() {
        return sessionToken != null;
    }

    AwsCredentials sdk() {
        return sessionToken == null ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, sessionToken);
    }

    @Override
    public String toString() {
        return "key id " + keyId;
    }
}
