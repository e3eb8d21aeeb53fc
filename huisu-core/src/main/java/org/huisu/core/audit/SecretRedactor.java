package org.huisu.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from command arguments before they are logged: values of options whose name
 * says secret, password, token or credential; passwords inside URLs.
 */
public final class SecretRedactor {

    public static final String MASK = "***";

    private static final Pattern SECRET_OPTION =
            Pattern.compile("--?[\\w-]*(secret|password|passwd|token|credential)[\\w-]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^/:@\\s]+:)([^/@\\s]+)(@)");
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "([?&;](?:password|passwd|pwd|secret|token|signature|x-amz-signature|x-amz-credential|accesskeysecret)=)([^&;\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private SecretRedactor() {
    }

    public static List<String> redact(List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        boolean maskNext = false;
        for (String arg : arguments) {
            if (maskNext) {
                out.add(MASK);
                maskNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            String option = eq > 0 ? arg.substring(0, eq) : arg;
            if (arg.startsWith("-") && SECRET_OPTION.matcher(option).matches()) {
                if (eq > 0) {
                    out.add(option + "=" + MASK);
                } else {
                    out.add(arg);
                    maskNext = true;
                }
                continue;
            }
            out.add(redactText(arg));
        }
        return out;
    }

    /**
     * A secret as every output may show it: its first characters (at most four, never over a
     * quarter), then stars, then its length — enough to tell two keys apart, not enough to use one.
     */
    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        // the same share as huisu-formats' Secrets.mask keeps: at most four characters, never over a quarter
        String head = secret.substring(0, Math.min(4, secret.length() / 4));
        return head + "****(" + secret.length() + ")";
    }

    /** Whether a setting's name says its value is a secret (secret, password, token, private key…). */
    public static boolean namesASecret(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace("-", "_");
        return n.contains("secret") || n.contains("password") || n.contains("passwd") || n.contains("token")
                || n.contains("private_key") || n.contains("privatekey") || n.contains("credential")
                || n.equals("sk") || n.endsWith("_sk");
    }

    /** Masks passwords in URLs and secret query parameters inside one string. */
    public static String redactText(String text) {
        String s = URL_USERINFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return QUERY_SECRET.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

}
