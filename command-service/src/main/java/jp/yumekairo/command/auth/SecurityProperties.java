package jp.yumekairo.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Token and sign-in settings: how long a bearer token lives, the issuer it names, an optional password for a
 * first {@code admin} account outside the demo profile, how many failed sign-ins a user name or an address may
 * have within a window ({@code signInFailures}, {@code signInWindow}), and the secret the query service proves
 * itself with when it names the browser's address ({@code proxySecret}; without one that header is ignored), how
 * many password hashes may run at once ({@code hashingSlots}, one fewer than the cores by default) and how long a
 * sign-in waits for a slot ({@code hashingWait}) before it is answered 503; and the PEM file of the key that signs
 * the tokens ({@code tokenKey}, see {@link SigningKeys}).
 */
@ConfigurationProperties("yumekairo.security")
public record SecurityProperties(Duration tokenLifetime, String issuer, String bootstrapAdminPassword,
                                 Integer signInFailures, Duration signInWindow, String proxySecret,
                                 Integer hashingSlots, Duration hashingWait, Path tokenKey) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(30) : tokenLifetime;
        issuer = issuer == null ? "yumekairo-ledger" : issuer;
        signInFailures = signInFailures == null ? 10 : signInFailures;
        signInWindow = signInWindow == null ? Duration.ofMinutes(5) : signInWindow;
        proxySecret = proxySecret == null || proxySecret.isBlank() ? null : proxySecret;
        hashingSlots = hashingSlots == null || hashingSlots < 1 ? BoundedHashing.defaultSlots() : hashingSlots;
        hashingWait = hashingWait == null ? Duration.ofSeconds(2) : hashingWait;
    }
}
