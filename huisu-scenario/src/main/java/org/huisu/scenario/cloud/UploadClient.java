package org.huisu.scenario.cloud;

import java.util.Map;

/** The command-line client the nightly script uploads with, and how it shows up in the evidence. */
public enum UploadClient {
    AWS_CLI("aws", "aws-cli/2.15.10 Python/3.11.6 Linux/5.15.0-97-generic exe/x86_64.debian.12 prompt/off command/s3.cp"),
    OSSUTIL("ossutil", "aliyun-sdk-go/v2.2.10 (Linux/5.15.0-97-generic/amd64;go1.20.12)/ossutil-v1.7.19"),
    MINIO_MC("mc", "MinIO (linux; amd64) minio-go/v7.0.66 mc/RELEASE.2024-02-16T11-05-48Z");

    private final String program;
    private final String userAgent;

    UploadClient(String program, String userAgent) {
        this.program = program;
        this.userAgent = userAgent;
    }

    public String program() {
        return program;
    }

    public String userAgent() {
        return userAgent;
    }

    /** OSS is reached with ossutil; S3 with the AWS CLI or, on some seeds, MinIO's mc. */
    public static UploadClient forProvider(Provider provider, long seed) {
        if (provider == Provider.OSS) {
            return OSSUTIL;
        }
        return seed % 2 == 0 ? AWS_CLI : MINIO_MC;
    }

    /**
     * The shell line that copies {@code "$f"} into the bucket folder {@code folder} (a key prefix
     * ending in {@code /}, possibly holding shell variables).
     */
    public String copyLine(Provider provider, String file, String folder) {
        return switch (this) {
            case AWS_CLI -> "aws s3 cp \"" + file + "\" \"s3://$BUCKET/" + folder + "\" --only-show-errors";
            case OSSUTIL -> "ossutil cp \"" + file + "\" \"oss://$BUCKET/" + folder + "\" -f";
            case MINIO_MC -> "mc cp --quiet \"" + file + "\" \"office/$BUCKET/" + folder + "\"";
        };
    }

    /** The client's configuration in the uploading account's home folder, as path → content. */
    public Map<String, String> configuration(Provider provider, String keyId, String secret) {
        String endpoint = "https://" + provider.endpointHost();
        return switch (this) {
            case AWS_CLI -> Map.of(
                    ".aws/config", "[default]\nregion = " + provider.region() + "\noutput = json\n",
                    ".aws/credentials", "[default]\naws_access_key_id = " + keyId + "\naws_secret_access_key = "
                            + secret + "\n");
            case OSSUTIL -> Map.of(".ossutilconfig", "[Credentials]\nlanguage=CH\nendpoint=" + provider.endpointHost()
                    + "\naccessKeyID=" + keyId + "\naccessKeySecret=" + secret + "\n");
            case MINIO_MC -> Map.of(".mc/config.json", "{\n\t\"version\": \"10\",\n\t\"aliases\": {\n\t\t\"office\": {\n"
                    + "\t\t\t\"url\": \"" + endpoint + "\",\n\t\t\t\"accessKey\": \"" + keyId + "\",\n"
                    + "\t\t\t\"secretKey\": \"" + secret + "\",\n\t\t\t\"api\": \"s3v4\",\n\t\t\t\"path\": \"auto\"\n"
                    + "\t\t}\n\t}\n}\n");
        };
    }
}
