package org.huisu.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        return map == null || map.isEmpty() ? null : write(new TreeMap<>(map));
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
