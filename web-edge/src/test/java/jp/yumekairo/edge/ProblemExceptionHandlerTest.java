package jp.yumekairo.edge;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the shared advice answers when method security refuses a call the URL rules let through. */
class ProblemExceptionHandlerTest {

    @RestController
    static class Guarded {
        @GetMapping("/guarded")
        String guarded() {
            throw new AccessDeniedException("Access Denied");
        }
    }

    @RestControllerAdvice
    static class Advice extends ProblemExceptionHandler {
        Advice() {
            super(new EdgeProperties(null, null, null, null), "try again");
        }

        @Override
        protected ProblemDetail unconvertible(MethodArgumentTypeMismatchException mismatch) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void methodSecuritysRefusal_isA403NotPermitted_notA500() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Guarded()).setControllerAdvice(new Advice()).build();

        mvc.perform(get("/guarded"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("not-permitted"))
                .andExpect(jsonPath("$.detail").value("your role may not do this"));
    }
}
