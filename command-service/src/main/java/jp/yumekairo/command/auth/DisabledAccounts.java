package jp.yumekairo.command.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.edge.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A disabled person's bearer token is refused (401 {@code account-disabled}) although it is still signed and unexpired:
 * before any handler runs, the token's user name is looked up in the set of disabled accounts. The set is read from
 * {@code app_user} at most every {@link #REFRESH} (so another instance's disabling holds here within that time, and a
 * request costs no query), and this instance's own changes apply at once. While the database cannot be read the last
 * set read is kept: the request then fails at its own query, as any request does without the database.
 */
@Component
class DisabledAccounts implements HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(DisabledAccounts.class);
    static final Duration REFRESH = Duration.ofSeconds(5);

    private record Known(Set<String> usernames, Instant readAt) {
    }

    private final Users users;
    private final Clock clock = Clock.systemUTC();
    private volatile Known known = new Known(Set.of(), Instant.MIN);

    DisabledAccounts(Users users) {
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && isDisabled(token.getName())) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, request, Problems.of(HttpStatus.UNAUTHORIZED, "account-disabled",
                    "this account has been disabled by the secretariat"));
            return false;
        }
        return true;
    }

    boolean isDisabled(String username) {
        Known current = known;
        Instant now = clock.instant();
        if (current.readAt().plus(REFRESH).isBefore(now)) {
            try {
                current = new Known(users.disabled(), now);
                known = current;
            } catch (DataAccessException unreadable) {
                LOG.debug("the disabled accounts could not be read again; keeping those read at {}", current.readAt());
            }
        }
        return current.usernames().contains(username);
    }

    synchronized void add(String username) {
        Set<String> usernames = new HashSet<>(known.usernames());
        usernames.add(username);
        known = new Known(Set.copyOf(usernames), known.readAt());
    }

    synchronized void remove(String username) {
        Set<String> usernames = new HashSet<>(known.usernames());
        usernames.remove(username);
        known = new Known(Set.copyOf(usernames), known.readAt());
    }
}
