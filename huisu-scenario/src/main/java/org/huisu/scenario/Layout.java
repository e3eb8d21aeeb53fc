package org.huisu.scenario;

import java.nio.file.Path;
import org.huisu.scenario.cloud.Provider;

/** The one place that knows where a generated scenario puts things. */
public record Layout(Path root, Provider provider) {

    public static final String SERVER = "img-server-01";
    public static final String PHONE = "phone-01";
    public static final String ROUTER = "router";
    public static final String BUCKET_LOGS = "bucket-logs";

    public Path evidence() {
        return root.resolve("evidence");
    }

    /** The image server's seized disk, as a folder. */
    public Path server() {
        return evidence().resolve(SERVER);
    }

    /** The sales phone's extraction, as a folder holding {@code data/data/<package>}. */
    public Path phone() {
        return evidence().resolve(PHONE);
    }

    /** The office router's configuration. */
    public Path router() {
        return evidence().resolve(ROUTER);
    }

    /** The bucket's access logs, as the provider delivered them. */
    public Path bucketLogs() {
        return evidence().resolve(BUCKET_LOGS);
    }

    /** The folder the S3 server serves: one sub-folder per bucket. */
    public Path cloud() {
        return root.resolve("cloud");
    }

    public Path bucket() {
        return cloud().resolve(provider.bucket());
    }

    public Path truth() {
        return root.resolve("truth.json");
    }
}
