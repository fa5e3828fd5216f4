package jp.yumekairo.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How fresh the views are: the polling fallback behind PostgreSQL's NOTIFY, and how long a read that names
 * a {@code minVersion} may wait for its view to catch up.
 */
@ConfigurationProperties("yumekairo.freshness")
public record FreshnessProperties(Duration pollInterval, Duration maxWait) {

    public FreshnessProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        maxWait = maxWait == null ? Duration.ofSeconds(5) : maxWait;
    }
}
