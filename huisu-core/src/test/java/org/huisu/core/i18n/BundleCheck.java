package org.huisu.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a bundle's Chinese holds the same keys as its English, with the same placeholders. */
public final class BundleCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[sdn%]");

    private BundleCheck() {
    }

    public static void chineseMatchesEnglish(String resourceBase) throws IOException {
        TreeMap<String, String> en = load(resourceBase + ".properties");
        TreeMap<String, String> zh = load(resourceBase + "_zh.properties");
        assertThat(zh.keySet()).as("keys of %s_zh", resourceBase).isEqualTo(en.keySet());
        for (String key : en.keySet()) {
            assertThat(placeholders(zh.get(key))).as("placeholders of %s", key).isEqualTo(placeholders(en.get(key)));
        }
    }

    private static TreeMap<String, String> load(String resource) throws IOException {
        try (InputStream in = BundleCheck.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            TreeMap<String, String> map = new TreeMap<>();
            p.forEach((k, v) -> map.put((String) k, (String) v));
            return map;
        }
    }

    /** The arguments a pattern uses, by position and conversion, whatever order the language puts them in. */
    private static TreeMap<Integer, String> placeholders(String pattern) {
        TreeMap<Integer, String> used = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int next = 1;
        while (m.find()) {
            String conversion = m.group().substring(m.group().length() - 1);
            if (conversion.equals("n") || conversion.equals("%")) {
                continue;
            }
            int index = m.group(1) != null ? Integer.parseInt(m.group(1).replace("$", "")) : next++;
            used.put(index, conversion);
        }
        return used;
    }
}
