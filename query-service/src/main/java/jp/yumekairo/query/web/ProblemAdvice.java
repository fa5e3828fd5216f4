package jp.yumekairo.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/** Every error of the query service as {@code application/problem+json}; never a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<Object> refused(QueryRefused refused, NativeWebRequest request) {
        ResponseEntity<Object> answer = problem(Problems.of(refused.status(), refused.code(), refused.getMessage()), request);
        if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "1").body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException mismatch, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "'" + mismatch.getName() + "' is not valid here"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, NativeWebRequest request) {
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.warn("database unavailable: {}", exception.toString());
            ResponseEntity<Object> answer = problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "the database could not be reached; try again shortly"), request);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "2").body(answer.getBody());
        }
        LOG.error("unexpected failure", exception);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed. Quote the request id when reporting this."), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode statusCode,
                                                          @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                String code = switch (statusCode.value()) {
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 415 -> "unsupported-media-type";
                    default -> "bad-request";
                };
                problem.setProperty("code", code);
                problem.setType(URI.create(Problems.TYPE_PREFIX + code));
            }
            return problem(problem, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequestURI()));
            problem.setProperty("requestId", RequestIds.of(servlet));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
