package org.huisu.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @AfterEach
    void backToEnglish() {
        Messages.useLanguage(Locale.ENGLISH);
    }

    @Test
    void everyMessageOfCoreHasItsChinese() throws IOException {
        BundleCheck.chineseMatchesEnglish("/org/huisu/core/i18n/Messages");
    }

    @Test
    void theLanguageChosenIsTheOneSpoken() {
        Messages.useLanguage(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.core("acquire.missing", "/evidence")).isEqualTo("/evidence 不存在；请检查路径以及证据是否已挂载");
        Messages.useLanguage(Locale.GERMAN);
        assertThat(Messages.core("acquire.missing", "/evidence")).startsWith("/evidence does not exist");
    }
}
