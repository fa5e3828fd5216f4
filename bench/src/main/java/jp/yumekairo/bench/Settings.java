package jp.yumekairo.bench;

import java.time.Duration;

/**
 * How big and how long: quick mode (the whole run in under 5 minutes on 2 cores, a log of ~100k events) or
 * full mode (1,741 municipalities × 10 projects, ~1 million events, longer windows).
 */
record Settings(String mode, int projectsPerMunicipality, Duration warmUp, Duration measure, Duration rawMeasure,
                Duration openLoopMeasure, int readYourWritesSamples, Duration catchUpTimeout, Duration writeWarmUp) {

    /** 全国の市区町村数 (1,718 市町村 + 23 特別区), each with its grant projects. */
    static final int MUNICIPALITIES = 1741;

    static Settings of(String mode) {
        return switch (mode) {
            case "quick" -> new Settings(mode, 1, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(4),
                    Duration.ofSeconds(20), 200, Duration.ofMinutes(5), Duration.ofSeconds(30));
            case "full" -> new Settings(mode, 10, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                    Duration.ofSeconds(60), 1000, Duration.ofMinutes(60), Duration.ofSeconds(30));
            default -> throw new IllegalArgumentException("mode is quick or full, not " + mode);
        };
    }
}
