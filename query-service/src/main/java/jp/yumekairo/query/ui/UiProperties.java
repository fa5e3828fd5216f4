package jp.yumekairo.query.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where the web UI signs people in and sends their writes (the command service, {@code COMMAND_SERVICE_URL}), and
 * which wide-area plan the partnership dashboard shows, and the secret ({@code SIGN_IN_PROXY_SECRET}, shared with the
 * command service) that makes the command service believe the browser's address this UI names at sign-in.
 */
@ConfigurationProperties("yumekairo.ui")
public record UiProperties(URI commandServiceUrl, String planId, String signInProxySecret) {

    public UiProperties {
        commandServiceUrl = commandServiceUrl == null ? URI.create("http://localhost:8081") : commandServiceUrl;
        planId = planId == null || planId.isBlank() ? "yume-kairo-2" : planId;
        signInProxySecret = signInProxySecret == null || signInProxySecret.isBlank() ? null : signInProxySecret;
    }
}
