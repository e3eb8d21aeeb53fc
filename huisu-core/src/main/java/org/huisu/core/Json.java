package org.huisu.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's JSON settings. Objects keep the order they were built in; stored attribute maps are
 * written with sorted keys, so that the same data gives the same bytes whatever map held it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Null or empty maps are stored as SQL NULL; keys are sorted. */
    public static String writeMapOrNull(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        TreeMap<String, Object> sorted = new TreeMap<>(map);
        String flat = writeFlat(sorted);
        return flat != null ? flat : write(sorted);
    }

    /**
     * A map of numbers, booleans and plain strings written directly; null for anything else.
     * Every acquired file has such a map, and Jackson's per-call set-up costs more than the writing.
     */
    private static String writeFlat(TreeMap<String, Object> map) {
        StringBuilder out = new StringBuilder(16 * map.size() + 2).append('{');
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            if (!plain(e.getKey())) {
                return null;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey()).append("\":");
            if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
                out.append(v);
            } else if (v instanceof String text && plain(text)) {
                out.append('"').append(text).append('"');
            } else {
                return null;
            }
        }
        return out.append('}').toString();
    }

    /** Printable ASCII without quotes or backslashes: written as it is. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public static List<String> readStrings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Only the named top-level fields of a JSON object, read without building the rest: what a
     * reader of millions of records needs when it wants a few of their attributes.
     */
    public static Map<String, Object> readFields(String text, java.util.Set<String> names) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> fields = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                if (!names.contains(name) || value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                fields.put(name, switch (value) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT -> p.getNumberValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    default -> MAPPER.readValue(p, Object.class);
                });
            }
            return fields;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
