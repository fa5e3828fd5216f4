package jp.yumekairo.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.edge.EdgeProperties;
import jp.yumekairo.edge.ProblemExceptionHandler;
import jp.yumekairo.edge.Problems;
import jp.yumekairo.events.InvalidValueException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of the command service as {@code application/problem+json}, never a stack trace: the domain's
 * refusals, stale or concurrent writes, and the request bodies that do not read; the edge answers the rest.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemExceptionHandler {

    ProblemAdvice(EdgeProperties properties) {
        super(properties, "the database could not be reached. The write may or may not have been stored: send it "
                + "again with the same Idempotency-Key, which stores it at most once.");
    }

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<Object> refused(CommandRefused refused, NativeWebRequest request) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(Problems.of(status, refused.code(), refused.getMessage()), request);
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Object> invalidValue(InvalidValueException invalid, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage()), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException stale, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version",
                "the data changed since version " + (stale.getExpectedVersion() + 1)
                        + " that If-Match names; it is now at version " + (stale.getActualVersion() + 1)
                        + ". Reload and try again."), request);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrent(RuntimeException conflict, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
                "another write to the same data happened at the same moment; try again"), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException notFound, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "unknown-id", "no such project or plan"), request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReused reused, NativeWebRequest request) {
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", reused.getMessage()),
                request);
    }

    @Override
    protected ProblemDetail unconvertible(MethodArgumentTypeMismatchException mismatch) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-path",
                "'" + mismatch.getName() + "' in the path is not valid");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return problem(RequestSizeLimit.tooLarge(tooLarge.maxBytes), request);
            }
            if (cause instanceof InvalidValueException invalid) {
                return problem(Problems.of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage()), request);
            }
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", describe(unreadable)), request);
    }

    /** What is wrong with the body, in terms of its fields, without echoing arbitrary input back. */
    private static String describe(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + truncate(unknown.getPropertyName()) + "'";
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + path(format) + "' must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "'" + path(mismatch) + "' has the wrong type or is missing";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "'" + path(mapping) + "' is not valid";
        }
        return "the body is not valid JSON for this request";
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .map(ProblemAdvice::truncate)
                .collect(Collectors.joining("."));
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
