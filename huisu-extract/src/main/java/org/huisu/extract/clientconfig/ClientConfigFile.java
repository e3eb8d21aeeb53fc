package org.huisu.extract.clientconfig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huisu.formats.Parsed;
import org.huisu.formats.clientconfig.AwsConfigParser;
import org.huisu.formats.clientconfig.ClientConfig;
import org.huisu.formats.clientconfig.CoscmdConfigParser;
import org.huisu.formats.clientconfig.McConfigParser;
import org.huisu.formats.clientconfig.OssutilConfigParser;
import org.huisu.formats.clientconfig.RcloneConfigParser;

/**
 * The configuration files of the upload clients, where each keeps its own in a home folder and how
 * its text is told apart when the file lies elsewhere (a copy among triage notes).
 */
public enum ClientConfigFile {
    RCLONE("rclone", List.of(".config/rclone/rclone.conf", ".rclone.conf")),
    OSSUTIL("ossutil", List.of(".ossutilconfig")),
    AWS_CONFIG("aws", List.of(".aws/config")),
    AWS_CREDENTIALS("aws", List.of(".aws/credentials")),
    MC("mc", List.of(".mc/config.json", ".mcli/config.json")),
    COSCMD("coscmd", List.of(".cos.conf"));

    private static final Pattern RCLONE_TYPE = Pattern.compile(
            "(?m)^\\s*type\\s*=\\s*(s3|alias|crypt|sftp|ftp|webdav|drive|onedrive|local|swift|b2|azureblob"
                    + "|union|chunker|compress|combine|qingstor|oos|http|smb)\\s*$");
    private static final Pattern SECTION = Pattern.compile("(?m)^\\s*\\[[^\\]\\n]+]\\s*$");

    private final String tool;
    private final List<String> inHome;

    ClientConfigFile(String tool, List<String> inHome) {
        this.tool = tool;
        this.inHome = inHome;
    }

    /** The client that reads it: rclone, ossutil, aws, mc or coscmd. */
    public String tool() {
        return tool;
    }

    /** Where the client keeps it, relative to a home folder. */
    public List<String> inHome() {
        return inHome;
    }

    /** The file a locator names by its path, whatever comes before the home folder. */
    public static Optional<ClientConfigFile> byPath(String locator) {
        String l = locator.replace('\\', '/');
        String name = l.substring(l.lastIndexOf('/') + 1);
        if (name.equals("rclone.conf") || name.equals(".rclone.conf")) {
            return Optional.of(RCLONE);
        }
        if (name.equals(".ossutilconfig")) {
            return Optional.of(OSSUTIL);
        }
        if (name.equals(".cos.conf")) {
            return Optional.of(COSCMD);
        }
        if (l.endsWith("/.aws/config")) {
            return Optional.of(AWS_CONFIG);
        }
        if (l.endsWith("/.aws/credentials")) {
            return Optional.of(AWS_CREDENTIALS);
        }
        if (l.endsWith("/.mc/config.json") || l.endsWith("/.mcli/config.json")) {
            return Optional.of(MC);
        }
        return Optional.empty();
    }

    /** The file its text shows it to be, for a file away from the client's usual path; empty when it shows none. */
    public static Optional<ClientConfigFile> byContent(String text) {
        if (text.contains("RCLONE_ENCRYPT_V0:")) {
            return Optional.of(RCLONE);
        }
        String t = text.strip();
        if (t.startsWith("{") && (t.contains("\"aliases\"") || t.contains("\"hosts\"")) && t.contains("\"accessKey\"")) {
            return Optional.of(MC);
        }
        if (!SECTION.matcher(text).find()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("aws_access_key_id")) {
            return Optional.of(lower.contains("[profile ") ? AWS_CONFIG : AWS_CREDENTIALS);
        }
        if (lower.contains("[credentials]") && lower.contains("accesskeyid")) {
            return Optional.of(OSSUTIL);
        }
        if (lower.contains("[common]") && lower.contains("secret_id")) {
            return Optional.of(COSCMD);
        }
        if (RCLONE_TYPE.matcher(text).find()) {
            return Optional.of(RCLONE);
        }
        return Optional.empty();
    }

    /**
     * Reads the text with its client's parser; the AWS CLI's two files are read together, {@code other}
     * being the text of the second one (empty when it was not found).
     */
    public Parsed<ClientConfig> parse(String text, String other) {
        return switch (this) {
            case RCLONE -> RcloneConfigParser.parse(text);
            case OSSUTIL -> OssutilConfigParser.parse(text);
            case AWS_CONFIG -> AwsConfigParser.parse(text, other);
            case AWS_CREDENTIALS -> AwsConfigParser.parse(other, text);
            case MC -> McConfigParser.parse(text);
            case COSCMD -> CoscmdConfigParser.parse(text);
        };
    }

    /** The other file the AWS CLI reads with this one, beside it; empty for the other clients. */
    public Optional<String> companion() {
        return switch (this) {
            case AWS_CONFIG -> Optional.of("credentials");
            case AWS_CREDENTIALS -> Optional.of("config");
            default -> Optional.empty();
        };
    }
}
