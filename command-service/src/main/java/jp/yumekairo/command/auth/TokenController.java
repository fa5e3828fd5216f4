package jp.yumekairo.command.auth;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Sign-in: HTTP Basic in, a signed short-lived bearer token out. */
@RestController
class TokenController {

    record TokenResponse(String token, Instant expiresAt, String username, String role, String municipality,
                         String sector) {
    }

    private final Users users;
    private final Tokens tokens;

    TokenController(Users users, Tokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Exchanges the Basic credentials of a user for a bearer token. */
    @PostMapping(path = "/api/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse token(Authentication authentication) {
        AppUser user = users.find(authentication.getName()).orElseThrow();
        Actor actor = user.actor();
        Tokens.Issued issued = tokens.issue(actor);
        return new TokenResponse(issued.token(), issued.expiresAt(), actor.userId(), actor.role().name(),
                actor.municipality() == null ? null : actor.municipality().code(),
                actor.sector() == null ? null : actor.sector().name());
    }
}
