package jp.yumekairo.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Token settings: how long a bearer token lives, the issuer it names, and an optional password for a
 * first {@code admin} account outside the demo profile.
 */
@ConfigurationProperties("yumekairo.security")
public record SecurityProperties(Duration tokenLifetime, String issuer, String bootstrapAdminPassword) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(30) : tokenLifetime;
        issuer = issuer == null ? "yumekairo-ledger" : issuer;
    }
}
