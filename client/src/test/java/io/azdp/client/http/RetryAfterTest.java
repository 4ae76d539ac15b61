package io.azdp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    private static java.util.Optional<Duration> parse(Map<String, String> headers) {
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        return RetryAfter.parse(h::get, NOW);
    }

    @Test
    void deltaSeconds() {
        assertThat(parse(Map.of("Retry-After", "7"))).contains(Duration.ofSeconds(7));
        assertThat(parse(Map.of("retry-after", " 0 "))).contains(Duration.ZERO);
    }

    @Test
    void fractionalSecondsRoundUpToTheMillisecond() {
        assertThat(parse(Map.of("Retry-After", "1.5"))).contains(Duration.ofMillis(1500));
        assertThat(parse(Map.of("Retry-After", "0.0001"))).contains(Duration.ofMillis(1));
    }

    @Test
    void httpDateIsRelativeToTheClock() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        assertThat(parse(Map.of("Retry-After", in30s))).contains(Duration.ofSeconds(30));
        assertThat(parse(Map.of("Retry-After", "Mon, 23 Nov 2026 18:01:00 GMT"))).contains(Duration.ofMinutes(1));
    }

    @Test
    void pastDateOrNegativeMeansNow() {
        assertThat(parse(Map.of("Retry-After", "Mon, 23 Nov 2026 17:00:00 GMT"))).contains(Duration.ZERO);
        // negative is not a legal value: ignored, as the Azure SDKs do (the caller falls back to its interval)
        assertThat(parse(Map.of("Retry-After", "-3"))).isEmpty();
        assertThat(parse(Map.of("retry-after-ms", "-3"))).isEmpty();
    }

    @Test
    void msHeadersTakePrecedence() {
        assertThat(parse(Map.of("Retry-After", "10", "x-ms-retry-after-ms", "250"))).contains(Duration.ofMillis(250));
        assertThat(parse(Map.of("Retry-After", "10", "retry-after-ms", "1200"))).contains(Duration.ofMillis(1200));
        assertThat(parse(Map.of("retry-after-ms", "1200", "x-ms-retry-after-ms", "5"))).contains(Duration.ofMillis(5));
    }

    @Test
    void unreadableValuesAreIgnored() {
        assertThat(parse(Map.of("Retry-After", "soon"))).isEmpty();
        assertThat(parse(Map.of("x-ms-retry-after-ms", "abc", "Retry-After", "2"))).contains(Duration.ofSeconds(2));
        assertThat(parse(Map.of())).isEmpty();
    }
}
