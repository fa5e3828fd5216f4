package jp.yumekairo.query.web;

import jp.yumekairo.edge.EdgeProperties;
import jp.yumekairo.edge.ProblemExceptionHandler;
import jp.yumekairo.edge.Problems;
import jp.yumekairo.events.MunicipalityCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the query service as {@code application/problem+json}, never a stack trace: the reads it
 * refuses; the edge answers the rest.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemExceptionHandler {

    ProblemAdvice(EdgeProperties properties) {
        super(properties, "the database could not be reached; try again shortly");
    }

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<Object> refused(QueryRefused refused, NativeWebRequest request) {
        ResponseEntity<Object> answer = problem(Problems.of(refused.status(), refused.code(), refused.getMessage()), request);
        return refused.status() == HttpStatus.SERVICE_UNAVAILABLE ? retryAfter(answer, 1) : answer;
    }

    @Override
    protected ProblemDetail unconvertible(MethodArgumentTypeMismatchException mismatch) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "'" + mismatch.getName() + "' is not valid here");
    }

    /** As {@link PathValues}: a member's path names what it shows, so an unknown member is 404; a bad year is 400. */
    @Override
    protected HttpStatusCode statusOfRefusedValue(MethodArgumentTypeMismatchException mismatch) {
        return mismatch.getRequiredType() == MunicipalityCode.class ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    }
}
