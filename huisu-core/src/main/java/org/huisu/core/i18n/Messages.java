package org.huisu.core.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words, from resource bundles (English base, Chinese in {@code _zh}), in the language
 * the command line chose for this process. Patterns are {@link String#format} patterns.
 */
public final class Messages {

    /** The bundle of the messages core itself produces. */
    public static final String CORE = "org.huisu.core.i18n.Messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);

    private static volatile Locale language = Locale.ENGLISH;

    private Messages() {
    }

    /** Chinese for any {@code zh} locale, English otherwise. */
    public static void useLanguage(Locale locale) {
        language = locale.getLanguage().equals("zh") ? Locale.CHINESE : Locale.ENGLISH;
    }

    public static Locale language() {
        return language;
    }

    public static String format(String bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, language, Messages.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message '" + key + "' is missing from " + bundle, e);
        }
        return args.length == 0 ? pattern : String.format(language, pattern, args);
    }

    /** A message of core's own bundle. */
    public static String core(String key, Object... args) {
        return format(CORE, key, args);
    }
}
