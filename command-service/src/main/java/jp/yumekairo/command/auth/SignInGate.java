package jp.yumekairo.command.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.edge.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * In front of the password check at the token endpoint: an attempt for a user name, or from an address, that has used
 * up its failures is answered 429 with {@code Retry-After} before any password is hashed; an attempt that fails (401)
 * keeps its count, any other answer gives it back. A sign-in that finds no free hashing slot in time is 503.
 *
 * <p>Whose address: the connection's, unless the request carries {@link #CLIENT_ADDRESS} together with
 * {@link #PROXY_SECRET} equal to {@code yumekairo.security.proxy-secret} ({@code SIGN_IN_PROXY_SECRET}), which only
 * the query service is given: its web UI names the browser's address that way. Without a configured secret the header
 * is ignored, so nobody can pick an address of their own to escape the limit; a wrong secret is ignored the same way.
 */
final class SignInGate extends OncePerRequestFilter {

    /** The browser's address, as the query service's web UI saw it. */
    static final String CLIENT_ADDRESS = "X-Yumekairo-Client-Address";
    /** The secret shared by the command and query services that makes {@link #CLIENT_ADDRESS} believed. */
    static final String PROXY_SECRET = "X-Yumekairo-Proxy-Secret";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final SignInLimits limits;
    private final byte[] proxySecret;

    SignInGate(SignInLimits limits, SecurityProperties properties) {
        this.limits = limits;
        this.proxySecret = properties.proxySecret() == null ? null
                : properties.proxySecret().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/api/auth/token".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignInLimits.Either either = limits.attempt(userName(request), address(request));
        if (either.attempt() == null) {
            long seconds = Math.max(1, (either.retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(response, request, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-limited",
                    "too many failed sign-ins for this user name or from this address; try again in " + seconds + " s"));
            return;
        }
        boolean failed = false;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() == HttpStatus.UNAUTHORIZED.value();
        } catch (RuntimeException | ServletException | IOException thrown) {
            if (!busy(thrown)) {
                throw thrown;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(response, request, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy",
                    "too many sign-ins at once; try again in a moment"));
        } finally {
            if (!failed) {
                limits.forgive(either.attempt());
            }
        }
    }

    private static boolean busy(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedHashing.Busy) {
                return true;
            }
        }
        return false;
    }

    private String address(HttpServletRequest request) {
        String named = request.getHeader(CLIENT_ADDRESS);
        String secret = request.getHeader(PROXY_SECRET);
        if (named != null && secret != null && proxySecret != null
                && MessageDigest.isEqual(proxySecret, secret.getBytes(StandardCharsets.UTF_8))
                && IP_LITERAL.matcher(named).matches()) {
            return named;
        }
        return request.getRemoteAddr();
    }

    /** The user name of the Basic credentials, or null when there are none to read. */
    private static String userName(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
