package org.huisu.cli;

import java.io.IOException;
import org.huisu.core.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    @Test
    void everyMessageOfTheCommandLineHasItsChinese() throws IOException {
        BundleCheck.chineseMatchesEnglish("/org/huisu/cli/Messages");
    }
}
