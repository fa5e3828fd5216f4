package jp.yumekairo.query.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Problem details also for what fails outside Spring MVC: requests the security firewall rejects (encoded
 * slashes, path traversal) and anything the servlet container sends to {@code /error}.
 */
@RestController
class ErrorProblems implements ErrorController {

    /** Encoded slashes reach the application (and are refused there as a problem) instead of Tomcat's HTML page. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> passEncodedSlashes() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    static RequestRejectedHandler rejectedAsProblem() {
        return (request, response, rejected) -> Problems.write(response, request,
                Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
                        "the request's path or headers are not acceptable"));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String name = status.is5xxServerError() ? "internal-error"
                : status.getReasonPhrase().toLowerCase().replace(' ', '-');
        ProblemDetail problem = Problems.of(status, name, status.is5xxServerError()
                ? "the request could not be completed" : status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        problem.setProperty("requestId", RequestIds.of(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
