package org.huisu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * awscli (the Debian package awscli), the anchor of the inspection benchmark: {@code aws s3 sync} of
 * a bucket into a folder, against a path-style endpoint on 127.0.0.1, with a configuration and an
 * environment of its own so that nothing of the user's {@code ~/.aws} or {@code AWS_*} variables
 * takes part.
 */
final class AwsCli {

    /** Where the Debian package puts it; a pip or pyenv {@code aws} earlier on PATH is another program. */
    static final Path DEBIAN_PROGRAM = Path.of("/usr/bin/aws");

    /** A version as {@code aws --version} prints it: {@code aws-cli/2.9.19 Python/3.11.2 Linux/...}. */
    record Version(int major, int minor, int patch) {

        private static final Pattern TEXT = Pattern.compile("aws-cli/(\\d+)\\.(\\d+)\\.(\\d+)");

        static Version parse(String text) {
            Matcher m = TEXT.matcher(text);
            if (!m.find()) {
                throw new BenchmarkFailure("cannot read awscli's version from: " + text.strip());
            }
            return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }

        boolean atLeast(int major, int minor) {
            return this.major > major || this.major == major && this.minor >= minor;
        }

        /**
         * Whether it has the request checksum and response validation settings (awscli 2.23 and
         * 1.37, January 2025, which also made them compute and check CRC checksums by default).
         */
        boolean knowsChecksumSettings() {
            return major == 1 ? atLeast(1, 37) : atLeast(2, 23);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** The transfer settings awscli takes when its configuration names none (awscli.customizations.s3.transferconfig). */
    record TransferDefaults(String maxConcurrentRequests, String preferredTransferClient) {
    }

    private final Path program;
    private final Path config;
    private final Version version;

    private AwsCli(Path program, Path config, Version version) {
        this.program = program;
        this.config = config;
        this.version = version;
    }

    /** The program at {@code program}, with its configuration written into {@code folder}. */
    static AwsCli at(Path program, Path folder) throws IOException, InterruptedException {
        Version version = Version.parse(GnuTime.output(List.of(program.toString(), "--version"), folder));
        Path config = folder.resolve("config");
        // path-style: the endpoint is an address, and s3proxy serves buckets as /BUCKET/KEY
        Files.writeString(config, "[default]\ns3 =\n  addressing_style = path\n",
                StandardCharsets.UTF_8);
        return new AwsCli(program, config, version);
    }

    Version version() {
        return version;
    }

    Path config() {
        return config;
    }

    /**
     * {@code aws s3 sync s3://BUCKET FOLDER}: every object into a file of the same path. The keys that
     * end in "/" are left out: s3proxy's filesystem store lists each folder of the bucket as such a key
     * (4096 bytes), which awscli cannot write as a file; Huisu records them as folder placeholders and
     * downloads nothing for them. Only errors are printed, as Huisu prints nothing when not on a terminal.
     */
    List<String> sync(URI endpoint, String bucket, Path folder) {
        return List.of(program.toString(), "s3", "sync", "s3://" + bucket, folder.toString(), "--endpoint-url",
                endpoint.toString(), "--exclude", "*/", "--only-show-errors");
    }

    /**
     * The environment of every run: the key, the region and this configuration, nothing of the user's
     * (their AWS_* variables are removed: a null value removes); where this awscli knows them, checksums
     * are computed and checked only where S3 requires them, as Huisu's client does.
     */
    Map<String, String> environment(String keyId, String secret) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().keySet().stream().filter(name -> name.startsWith("AWS_"))
                .forEach(name -> environment.put(name, null));
        environment.put("AWS_ACCESS_KEY_ID", keyId);
        environment.put("AWS_SECRET_ACCESS_KEY", secret);
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_CONFIG_FILE", config.toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", config.resolveSibling("credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        if (version.knowsChecksumSettings()) {
            environment.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
            environment.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        }
        return environment;
    }

    /**
     * The transfer settings it runs with, none being configured: asked of awscli's own module through
     * the Python its launcher names on its first line; null when that cannot be read.
     */
    TransferDefaults transferDefaults() throws InterruptedException {
        try {
            // the first line only: awscli's own installer gives a binary, not a script
            byte[] head;
            try (InputStream in = Files.newInputStream(program.toRealPath())) {
                head = in.readNBytes(256);
            }
            String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            if (!first.startsWith("#!")) {
                return null;
            }
            List<String> command = new ArrayList<>(List.of(first.substring(2).trim().split("\\s+")));
            command.addAll(List.of("-c", "from awscli.customizations.s3.transferconfig import DEFAULTS as d;"
                    + " print(d['max_concurrent_requests'], d.get('preferred_transfer_client', 'default'))"));
            String[] answer = GnuTime.output(command, config.getParent()).strip().split("\\s+");
            return answer.length == 2 ? new TransferDefaults(answer[0], answer[1]) : null;
        } catch (IOException | BenchmarkFailure e) {
            return null;
        }
    }
}
