package jp.yumekairo.query.web;

import org.springframework.http.HttpStatus;

/** A read that cannot be answered as asked, with the status and stable code its problem details carry. */
public class QueryRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public QueryRefused(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static QueryRefused unknown(String code, String detail) {
        return new QueryRefused(HttpStatus.NOT_FOUND, code, detail);
    }

    public static QueryRefused invalid(String code, String detail) {
        return new QueryRefused(HttpStatus.BAD_REQUEST, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
