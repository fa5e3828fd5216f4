package jp.yumekairo.events;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON form of events in the store. Both services serialise with it, so what one writes the
 * other reads; the approved samples in this module's tests pin it down.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A newer writer may add fields; an older reader ignores them rather than failing.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    /**
     * The one mapper, shared by every caller: read and write with it, never configure it (a mapper is safe to
     * share once configured). A caller that must configure one takes a {@link #copy()}.
     */
    public static ObjectMapper objectMapper() {
        return MAPPER;
    }

    /** A mapper of its own, configured as {@link #objectMapper()}, for a caller that configures it further. */
    public static ObjectMapper copy() {
        return MAPPER.copy();
    }

    /** Axon's serializer of events and messages in this form (over a copy: Axon registers its modules on it). */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(copy()).build();
    }
}
