package jp.yumekairo.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.edge.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the limit (1 MB by default) with 413, whether the client declares the length
 * or streams it chunked, before anything is parsed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(@Value("${yumekairo.web.max-request-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, request, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** The 413 for a body over {@code maxBytes}, from this filter or from the advice when reading fails. */
    static ProblemDetail tooLarge(long maxBytes) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "the request body is larger than " + maxBytes + " bytes");
    }

    /** Thrown while reading a body that turns out longer than declared, or chunked and too long. */
    static final class BodyTooLarge extends IOException {
        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLarge(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
