package jp.yumekairo.query.ui;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.List;

/**
 * Signs a person in to the web UI by asking the command service for their token: the UI keeps no passwords and
 * knows exactly the users and roles the API knows.
 */
class CommandServiceSignIn implements AuthenticationProvider {

    private final CommandService commands;

    CommandServiceSignIn(CommandService commands) {
        this.commands = commands;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        // the browser's address, as this service sees it, so the command service limits failures per person's address
        String browserAddress = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignedIn signedIn = commands.signIn(attempt.getName(), String.valueOf(attempt.getCredentials()), browserAddress);
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + signedIn.role())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
