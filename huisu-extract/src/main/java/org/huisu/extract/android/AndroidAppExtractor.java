package org.huisu.extract.android;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;

/**
 * An Android app's data folder ({@code data/data/<package>}): which app it is and what it keeps —
 * databases, preference files, caches (an image cache such as Glide's is named so) and files.
 */
public final class AndroidAppExtractor implements Extractor {

    private static final Pattern APP_FOLDER = Pattern.compile("(^|.*/)data/data/[A-Za-z][\\w]*(\\.[\\w]+)+$");
    private static final List<String> IMAGE_CACHES = List.of("image_manager_disk_cache", "picasso-cache",
            "image_cache", "imagecache", "fresco", "coil_image_cache");

    @Override
    public String name() {
        return "android-app";
    }

    @Override
    public String description() {
        return "Android app data folders (data/data/<package>): package, databases, preferences, caches";
    }

    @Override
    public boolean accepts(Item item) {
        return item.artifact().kind() == ArtifactKind.DIRECTORY && APP_FOLDER.matcher(item.locator()).matches();
    }

    @Override
    public void extract(Item item, Emitter out) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("package", item.name());
        List<String> databases = new ArrayList<>();
        List<String> preferences = new ArrayList<>();
        List<String> caches = new ArrayList<>();
        List<String> imageCaches = new ArrayList<>();
        for (Item folder : item.children()) {
            if (folder.artifact().kind() != ArtifactKind.DIRECTORY) {
                continue;
            }
            switch (folder.name()) {
                case "databases" -> folder.children().stream().map(Item::name)
                        .filter(n -> !n.endsWith("-journal") && !n.endsWith("-wal") && !n.endsWith("-shm"))
                        .forEach(databases::add);
                case "shared_prefs" -> folder.children().forEach(p -> preferences.add(p.name()));
                case "cache", "code_cache", "files", "app_webview" -> {
                    caches.add(folder.name());
                    for (Item inside : folder.children()) {
                        if (IMAGE_CACHES.contains(inside.name().toLowerCase())) {
                            imageCaches.add(inside.locator());
                        }
                    }
                }
                default -> {
                    // other folders are recorded by acquisition already
                }
            }
        }
        app.put("databases", databases);
        app.put("sharedPreferences", preferences);
        app.put("folders", caches);
        app.put("imageCaches", imageCaches);
        out.describe("application/x-android-app-data", Map.of("android", app));
    }
}
