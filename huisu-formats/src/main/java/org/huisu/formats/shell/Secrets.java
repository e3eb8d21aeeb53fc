package org.huisu.formats.shell;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for secrets found in evidence text (command lines, crontabs, unit files, client configs): which
 * names and options hold one, and how one is kept instead — its first characters and stars, never the whole.
 */
public final class Secrets {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw|token|_sk$|^sk$|_pass$|^pass$|credential|private_key|pem$|customer_key).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)([^/@:\\s]*):([^/@\\s]+)(?=@)");

    private Secrets() {
    }

    /** The secret as kept: at most four leading characters, never more than a quarter of it, then stars. */
    public static String mask(String secret) {
        if (secret == null) {
            return "";
        }
        if (secret.isEmpty() || secret.matches(".{0,4}\\*{4}")) {
            return secret;
        }
        int keep = Math.min(4, secret.length() / 4);
        return secret.substring(0, keep) + "****";
    }

    /** True when a variable or setting of this name holds a secret ({@code AWS_SECRET_ACCESS_KEY}, {@code pass}). */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** True when the option's value is a secret on a command line of {@code program}. */
    static boolean isSecretOption(String program, String option) {
        String o = option.toLowerCase(Locale.ROOT);
        if (o.startsWith("--")) {
            return isSecretName(o.substring(2).replace('-', '_'));
        }
        return switch (program) {
            case "ossutil", "coscli" -> o.equals("-k") || o.equals("-t");
            case "sshpass" -> o.equals("-p");
            default -> false;
        };
    }

    /** {@code https://user:pass@host} with the password masked; other text unchanged. */
    public static String maskUrlPassword(String text) {
        return URL_PASSWORD.matcher(text).replaceAll(m -> m.group(1) + ":" + mask(m.group(2)));
    }
}
