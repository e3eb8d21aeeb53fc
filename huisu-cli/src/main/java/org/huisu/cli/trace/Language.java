package org.huisu.cli.trace;

import java.util.Locale;
import org.huisu.core.HuisuException;
import org.huisu.core.i18n.Messages;

/** {@code --lang zh|en}: the language of a read command's text, over the session's. */
final class Language {

    private Language() {
    }

    /** Switches the messages to the language asked for and returns its code ({@code en} or {@code zh}). */
    static String use(String lang) {
        if (lang == null) {
            return Messages.language().getLanguage().equals("zh") ? "zh" : "en";
        }
        String l = lang.trim().toLowerCase(Locale.ROOT);
        if (!l.equals("zh") && !l.equals("en")) {
            throw HuisuException.usage("--lang " + lang + ": choose zh or en.");
        }
        Messages.useLanguage(l.equals("zh") ? Locale.CHINESE : Locale.ENGLISH);
        return l;
    }
}
