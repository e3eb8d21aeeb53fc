package org.huisu.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final ObjectMapper JACKSON_SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Test
    void attributeMapsAreWrittenWithSortedKeysAndReadBack() {
        Map<String, Object> map = new HashMap<>();
        map.put("uid", 0);
        map.put("inode", 2146707);
        map.put("pointsOutsideSource", true);
        map.put("type", "fifo");
        String json = Json.writeMapOrNull(map);
        assertThat(json).isEqualTo("{\"inode\":2146707,\"pointsOutsideSource\":true,\"type\":\"fifo\",\"uid\":0}");
        assertThat(Json.readMap(json)).isEqualTo(map);
        assertThat(Json.writeMapOrNull(Map.of())).isNull();
    }

    @Property
    void everyMapIsWrittenAsJacksonWritesIt(@ForAll Map<String, Long> numbers, @ForAll Map<String, String> texts,
            @ForAll boolean flag) throws Exception {
        Map<String, Object> map = new HashMap<>(numbers);
        texts.forEach((k, v) -> map.put("t" + k, v));
        map.put("flag", flag);
        map.put("list", List.of(1, 2));
        assertThat(Json.writeMapOrNull(map)).isEqualTo(JACKSON_SORTED.writeValueAsString(map));
        map.remove("list");
        assertThat(Json.writeMapOrNull(map)).isEqualTo(JACKSON_SORTED.writeValueAsString(map));
    }
}
