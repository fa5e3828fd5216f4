package jp.yumekairo.edge;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Both services' first filter: an id or an Idempotency-Key that is not ASCII text is the client's 400. */
class RequestIdsTest {

    @RestController
    static class Open {
        @GetMapping("/open")
        String open() {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Open()).addFilters(new RequestIds()).build();

    /** UTF-8 bytes as Tomcat reads a header: ISO-8859-1. */
    private static String asTomcatReads(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aNonAsciiRequestId_isA400Problem() throws Exception {
        mvc.perform(get("/open").header(RequestIds.HEADER, asTomcatReads("依頼-1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("invalid-request-id"));
    }

    @Test
    void aNonAsciiIdempotencyKey_isA400Problem() throws Exception {
        mvc.perform(get("/open").header("Idempotency-Key", asTomcatReads("キー")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("invalid-idempotency-key"));
    }

    @Test
    void anAsciiRequestId_isKept_andTheRequestAnswered() throws Exception {
        mvc.perform(get("/open").header(RequestIds.HEADER, "abc-123").header("Idempotency-Key", "k 1"))
                .andExpect(status().isOk())
                .andExpect(header().string(RequestIds.HEADER, "abc-123"));
    }
}
