package org.huisu.cloud;

import org.huisu.core.i18n.Messages;

/** The words of cloud inspection, from its own bundle (English, Chinese). */
final class CloudMessages {

    static final String BUNDLE = "org.huisu.cloud.Messages";

    private CloudMessages() {
    }

    static String text(String key, Object... args) {
        return Messages.format(BUNDLE, key, args);
    }
}
