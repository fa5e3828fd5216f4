package jp.yumekairo.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The one JSON form of events in the store. Both services serialise with it, so what one writes the
 * other reads; the approved samples in this module's tests pin it down.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // A newer writer may add fields; an older reader ignores them rather than failing.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
