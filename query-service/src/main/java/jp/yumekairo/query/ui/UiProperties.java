package jp.yumekairo.query.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where the web UI signs people in and sends their writes (the command service, {@code COMMAND_SERVICE_URL}), and
 * which wide-area plan the partnership dashboard shows.
 */
@ConfigurationProperties("yumekairo.ui")
public record UiProperties(URI commandServiceUrl, String planId) {

    public UiProperties {
        commandServiceUrl = commandServiceUrl == null ? URI.create("http://localhost:8081") : commandServiceUrl;
        planId = planId == null || planId.isBlank() ? "yume-kairo-2" : planId;
    }
}
