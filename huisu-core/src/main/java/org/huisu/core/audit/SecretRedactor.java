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

    /** Masks passwords in URLs and secret query parameters inside one string. */
    public static String redactText(String text) {
        String s = URL_USERINFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return QUERY_SECRET.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

}
