package jp.yumekairo.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * Problem details also for what fails outside Spring MVC: requests the security firewall rejects (encoded
 * slashes, path traversal), anything the servlet container sends to {@code /error}, and what Tomcat refuses
 * before any servlet sees it (headers too large, a request line that is not HTTP). Imported by the edge's
 * auto-configuration ahead of Spring Boot's own error controller, which it replaces.
 */
@RestController
class ErrorProblems implements ErrorController {

    private final String internalErrorDetail;

    ErrorProblems(EdgeProperties properties) {
        this.internalErrorDetail = properties.internalErrorDetail();
    }

    /** Encoded slashes reach the application (and are refused there as a problem) instead of Tomcat's HTML page. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> passEncodedSlashes() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /**
     * Tomcat answers requests it cannot parse (an oversized header, a NUL or a backslash in the path, invalid
     * UTF-8) through its host's error report valve, as an HTML page; this valve answers with a problem instead.
     * It replaces the valve Spring Boot adds, so it must run after Boot's own customizer.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            // the host adds a valve of this class when it starts (and a plain one if it finds none)
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /**
     * Writes Tomcat's own error responses as problem details, never with a stack trace or server version.
     * Public only because Tomcat creates it by its class name.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status >= 500 ? "internal-error" : status == 413 ? "request-too-large"
                    : known == null ? "bad-request" : known.getReasonPhrase().toLowerCase().replace(' ', '-');
            ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), code, status >= 500
                    ? "the request could not be completed" : "the request is not well-formed HTTP that this service accepts");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(VALVE_JSON.writeValueAsString(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException unwritable) {
                // the connection is gone or the response already started: nothing more to tell
            }
        }
    }

    private static final ObjectMapper VALVE_JSON = Jackson2ObjectMapperBuilder.json().build();

    @Bean
    static RequestRejectedHandler rejectedAsProblem() {
        return (request, response, rejected) -> Problems.write(response, request,
                Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
                        "the request's path or headers are not acceptable"));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is no resource of ours
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String name = status.is5xxServerError() ? "internal-error"
                : status.getReasonPhrase().toLowerCase().replace(' ', '-');
        ProblemDetail problem = Problems.of(status, name, status.is5xxServerError()
                ? internalErrorDetail : status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        problem.setProperty("requestId", RequestIds.of(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
