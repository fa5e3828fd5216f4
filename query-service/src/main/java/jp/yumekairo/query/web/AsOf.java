package jp.yumekairo.query.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The {@code asOf} parameter of every read: the view exactly as the log stood at that instant. Accepts an
 * instant ({@code 2024-06-01T01:00:00Z}), a date-time with offset ({@code 2024-06-01T10:00:00+09:00}), or a
 * day ({@code 2024-06-01}), meaning the end of that day in Japan. Absent means now.
 */
public final class AsOf {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Later than any event: the current view. */
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private AsOf() {
    }

    public static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LATEST;
        }
        try {
            Instant at = asOf.length() == 10
                    ? LocalDate.parse(asOf).plusDays(1).atStartOfDay(JAPAN).toInstant().minusNanos(1000)
                    : OffsetDateTime.parse(asOf).toInstant();
            // java.time reads years up to ±999,999,999; PostgreSQL's timestamps do not go that far
            if (at.isBefore(EARLIEST) || at.isAfter(LAST)) {
                throw new DateTimeException("out of range");
            }
            return at;
        } catch (DateTimeException invalid) {
            throw QueryRefused.invalid("invalid-as-of", "asOf must be an instant such as 2024-06-01T10:00:00+09:00 "
                    + "or 2024-06-01T01:00:00Z, or a day such as 2024-06-01 (the end of that day in Japan)");
        }
    }
}
