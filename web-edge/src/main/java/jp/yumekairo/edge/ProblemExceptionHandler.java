package jp.yumekairo.edge;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * What both services' {@code @RestControllerAdvice} share: Spring MVC's own errors with a stable code for their
 * status, a path or query value that does not convert, method security's refusal as 403, the database out of reach as 503 with {@code Retry-After},
 * and anything unexpected as 500 without a stack trace. Each service's advice extends it with its own refusals
 * and says what a failure means for it (whether a write may have been stored).
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final String internalErrorDetail;
    private final String databaseUnavailableDetail;

    /** {@code databaseUnavailableDetail} tells the client what to do when the database cannot be reached. */
    protected ProblemExceptionHandler(EdgeProperties properties, String databaseUnavailableDetail) {
        this.internalErrorDetail = properties.internalErrorDetail();
        this.databaseUnavailableDetail = databaseUnavailableDetail;
    }

    /** The problem for a value that does not convert to its type when no value rule refused it. */
    protected abstract ProblemDetail unconvertible(MethodArgumentTypeMismatchException mismatch);

    /**
     * The status of a value rule's refusal of a path or query value: 400. A service whose paths name what they
     * show may answer 404 for a value that names nothing.
     */
    protected HttpStatusCode statusOfRefusedValue(MethodArgumentTypeMismatchException mismatch) {
        return HttpStatus.BAD_REQUEST;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException mismatch, NativeWebRequest request) {
        if (mismatch.getMostSpecificCause() instanceof InvalidValueException invalid) {
            return problem(Problems.of(statusOfRefusedValue(mismatch), invalid.code(), invalid.getMessage()), request);
        }
        return problem(unconvertible(mismatch), request);
    }

    /** Method security refusing a call the URL rules let through: the same 403 as theirs, not a 500. */
    @ExceptionHandler(AccessDeniedException.class)
    protected ResponseEntity<Object> accessDenied(AccessDeniedException denied, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "your role may not do this"), request);
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Object> unexpected(Exception exception, NativeWebRequest request) {
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.warn("database unavailable: {}", exception.toString());
            return retryAfter(problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    databaseUnavailableDetail), request), 2);
        }
        LOG.error("unexpected failure", exception);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                internalErrorDetail + ". Quote the request id when reporting this."), request);
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
                    case 413 -> "request-too-large";
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

    /** The answer with {@code Retry-After}: how many seconds a client should wait before it tries again. */
    protected static ResponseEntity<Object> retryAfter(ResponseEntity<Object> answer, int seconds) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)).body(answer.getBody());
    }

    /** The problem as {@code application/problem+json}, with the request's path and id. */
    protected static ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequestURI()));
            problem.setProperty("requestId", RequestIds.of(servlet));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
