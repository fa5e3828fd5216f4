package jp.yumekairo.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * RFC 9457 problem details with the ledger's conventions: a stable {@code code}, a {@code type} URI made from
 * it, and the request id so a clerk's report can be found in the log.
 */
public final class Problems {

    /** Spring's builder registers the mix-in that writes a problem's properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    public static final String TYPE_PREFIX = "https://yumekairo.jp/problems/";

    private Problems() {
    }

    /** A problem with its stable {@code code} and the {@code type} URI made from it. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** For filters and security handlers, which answer before Spring MVC's advice can. */
    public static void write(HttpServletResponse response, HttpServletRequest request, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIds.of(request));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
