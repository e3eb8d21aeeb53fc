package org.huisu.cloud;

import java.io.IOException;
import org.huisu.core.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    @Test
    void everyMessageOfCloudInspectionHasItsChinese() throws IOException {
        BundleCheck.chineseMatchesEnglish("/org/huisu/cloud/Messages");
    }
}
