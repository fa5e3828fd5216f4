package jp.yumekairo.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    @Test
    void everyCallerSharesTheOneMapper() {
        assertThat(EventJson.objectMapper()).isSameAs(EventJson.objectMapper());
    }

    @Test
    void aCopy_writesTheSameJson_andIsTheCallersOwn() throws Exception {
        ObjectMapper copy = EventJson.copy();
        Figure figure = Figure.of(new BigDecimal("1E+7"), "円");
        assertThat(copy).isNotSameAs(EventJson.objectMapper());
        assertThat(copy.writeValueAsString(figure)).isEqualTo(EventJson.objectMapper().writeValueAsString(figure))
                .isEqualTo("{\"value\":10000000,\"unit\":\"円\"}");
    }

    @Test
    void axonsSerializer_leavesTheSharedMapperAsItWas() {
        EventJson.serializer();
        assertThat(EventJson.objectMapper().getRegisteredModuleIds()).isEmpty();
    }
}
