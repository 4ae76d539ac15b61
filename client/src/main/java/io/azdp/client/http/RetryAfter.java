package io.azdp.client.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import io.azdp.model.arm.ArmHeaders;

/**
 * Reads how long the service asked the client to wait. In order of precedence: {@code x-ms-retry-after-ms}
 * (milliseconds), {@code retry-after-ms} (milliseconds), {@code Retry-After} (delta-seconds, also fractional, or an
 * HTTP-date relative to {@code now}). A date in the past means "now" (zero); an unreadable or negative value is
 * ignored (as the Azure SDKs do: the caller falls back to its own interval or backoff). How long is too long is the
 * caller's cap ({@code azdp.retry.max-retry-after}).
 * <p>Not API: public only because this library uses it across its packages; it may change without notice.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** @param header case-insensitive header lookup returning the first value or null */
    public static Optional<Duration> parse(Function<String, String> header, Instant now) {
        Optional<Duration> ms = millis(header.apply(ArmHeaders.MS_RETRY_AFTER_MS));
        if (ms.isPresent()) {
            return ms;
        }
        ms = millis(header.apply(ArmHeaders.RETRY_AFTER_MS));
        if (ms.isPresent()) {
            return ms;
        }
        return retryAfter(header.apply(ArmHeaders.RETRY_AFTER), now);
    }

    /** Parses one {@code Retry-After} value: seconds or an HTTP-date (RFC 1123). */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            BigDecimal seconds = new BigDecimal(v);
            if (seconds.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING)
                    .min(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)).longValueExact()));
        } catch (NumberFormatException | ArithmeticException notNumber) {
            // an HTTP-date then
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> millis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal ms = new BigDecimal(value.trim());
            if (ms.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(ms.setScale(0, java.math.RoundingMode.CEILING)
                    .min(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
