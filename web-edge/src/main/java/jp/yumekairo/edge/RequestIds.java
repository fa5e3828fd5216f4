package jp.yumekairo.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token, a fresh UUID otherwise.
 * It is echoed in the response and logged; the command service also stores it in the metadata of every event
 * the request causes. A filter bean of the edge's auto-configuration, ahead of every other filter. An id or an
 * {@code Idempotency-Key} with a character outside visible ASCII is a client's mistake, not a server's: 400 here,
 * before anything can fail on it further in.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The id of this request, or a fresh one for a request this filter did not see. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        if (!visibleAscii(given)) {
            Problems.write(response, request, Problems.of(HttpStatus.BAD_REQUEST, "invalid-request-id",
                    "X-Request-Id must be 1–100 letters, digits and . _ : -, e.g. a UUID"));
            return;
        }
        if (!visibleAscii(request.getHeader(IDEMPOTENCY_KEY))) {
            Problems.write(response, request, Problems.of(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID"));
            return;
        }
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    /** Absent, or visible ASCII and spaces only (the container reads other bytes as Latin-1, never as text). */
    private static boolean visibleAscii(String header) {
        return header == null || header.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }
}
