package org.huisu.extract.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.huisu.core.Timestamps;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;

/**
 * What images and videos say of themselves (metadata-extractor): dimensions, camera make and
 * model, when the picture was taken, GPS position, video duration — kept on the item as
 * {@code media} attributes, with every tag under {@code media.tags}.
 */
public final class MediaMetadataExtractor implements Extractor {

    private static final int MAX_TAGS = 200;

    @Override
    public String name() {
        return "media-metadata";
    }

    @Override
    public String description() {
        return "dimensions, camera, time taken, GPS and duration of images and videos (EXIF and container tags)";
    }

    @Override
    public boolean accepts(Item item) {
        String type = item.mediaType();
        return item.hasContent() && type != null && (type.startsWith("image/") || type.startsWith("video/"));
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        Metadata metadata;
        try (InputStream in = new BufferedInputStream(item.open(), 64 * 1024)) {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (ImageProcessingException e) {
            out.problem("MEDIA_UNREADABLE", "the media metadata could not be read", e.getMessage());
            return;
        }
        Map<String, Object> media = new LinkedHashMap<>();
        Map<String, String> tags = new TreeMap<>();
        for (Directory directory : metadata.getDirectories()) {
            for (Tag tag : directory.getTags()) {
                if (tags.size() >= MAX_TAGS) {
                    break;
                }
                String name = tag.getTagName();
                String value = tag.getDescription();
                if (value != null) {
                    tags.put(directory.getName() + "/" + name, value.length() > 200 ? value.substring(0, 200) : value);
                }
                if (name.equals("Image Width") || name.equals("Width")) {
                    media.putIfAbsent("width", firstNumber(value));
                } else if (name.equals("Image Height") || name.equals("Height")) {
                    media.putIfAbsent("height", firstNumber(value));
                } else if (name.equals("Duration") || name.equals("Duration in Seconds")) {
                    media.putIfAbsent("duration", value);
                }
            }
            for (String error : directory.getErrors()) {
                // often a box the library does not know (FFmpeg's udta/meta), not damage: say only what is known
                out.problem("MEDIA_TAG_ERROR", "part of the media metadata could not be read by metadata-extractor",
                        directory.getName() + ": " + error);
            }
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            put(media, "make", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            put(media, "model", ifd0.getString(ExifIFD0Directory.TAG_MODEL));
            put(media, "orientation", ifd0.getString(ExifIFD0Directory.TAG_ORIENTATION));
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif != null) {
            Date taken = exif.getDateOriginal();
            if (taken != null) {
                // EXIF keeps local time without a zone: metadata-extractor reads it as UTC, so say so
                media.put("takenLocal", Timestamps.format(taken.toInstant()).replace("Z", ""));
            }
        }
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null && gps.getGeoLocation() != null && !gps.getGeoLocation().isZero()) {
            media.put("latitude", gps.getGeoLocation().getLatitude());
            media.put("longitude", gps.getGeoLocation().getLongitude());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("media", media);
        attributes.put("media.tags", tags);
        out.describe(null, attributes);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }

    private static Object firstNumber(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Long.parseLong(digits) : text;
    }
}
