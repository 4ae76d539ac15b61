package io.azdp.client.lro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.azdp.client.error.PollingException;
import io.azdp.client.error.UnfollowableOperationException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.http.RetryAfter;
import io.azdp.client.testing.MutableClock;
import io.azdp.client.testing.RecordingSleeper;
import io.azdp.model.id.BackupInstanceId;
import io.smallrye.mutiny.Uni;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 13: whatever headers the service sends with its 202, starting a poller either gives one that polls the
 * endpoint within the Retry-After cap, or says (as a {@link PollingException}) what the service sent; never an
 * unchecked parse error, and never a next poll beyond the cap.
 */
class HostileHeadersPropertiesTest {
    static final URI REQUEST = URI.create("https://management.azure.com/subscriptions/00000000-0000-0000-0000-"
            + "000000000000/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/vault1/backupInstances/i1/"
            + "backup?api-version=2024-04-01");
    static final BackupInstanceId INSTANCE = BackupInstanceId.parse(REQUEST.getPath().substring(0, REQUEST.getPath().length() - "/backup".length()));
    static final Duration CAP = Duration.ofMinutes(2);

    @Provide
    Arbitrary<String> retryAfters() {
        return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("0", "-1", "2050-01-01", "Wed, 21 Oct 2091 07:28:00 GMT",
                        "Mon, 01 Jan 1990 00:00:00 GMT", "2049999999", "1e308", "NaN", "", " ", "soon", "5 s"),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().alpha().ofMaxLength(12).map(s -> "operationStatus/" + s),
                Arbitraries.strings().alpha().ofMaxLength(12).map(s -> "/subscriptions/s/operationResults/" + s),
                Arbitraries.of("https://management.azure.com/x/operationStatus/1", "http://[::1", "%zz", "ftp://x/y",
                        "https://", "mailto:a@b", "//other.example/p", "?q=1", "#f", "\u001b[31mred"));
    }

    @Property(tries = 300)
    void anAcceptedBackupIsFollowedOrExplained(@ForAll("urls") String status, @ForAll("urls") String location,
            @ForAll("retryAfters") String retryAfter, @ForAll boolean withStatus, @ForAll boolean withLocation) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
        Pollers pollers = new Pollers((u, c) -> Uni.createFrom().nothing(), clock, new RecordingSleeper(clock),
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(2), CAP);
        Map<String, String> h = new LinkedHashMap<>();
        if (withStatus) {
            h.put("Azure-AsyncOperation", status);
        }
        if (withLocation) {
            h.put("Location", location);
        }
        h.put("Retry-After", retryAfter);
        Throwable t = catchThrowable(() -> {
            AdhocBackupPoller p = pollers.started(HttpResult.of(202, h, ""), REQUEST, INSTANCE);
            PollState s = p.state();
            URI polled = s.statusUrl() != null ? s.statusUrl() : s.locationUrl();
            assertThat(polled.isAbsolute()).isTrue();
            assertThat(polled.getScheme()).isIn("http", "https");
            assertThat(s.nextPollAt()).isBeforeOrEqualTo(clock.instant().plus(CAP));
            assertThat(s.nextPollAt()).isAfterOrEqualTo(clock.instant());
            assertThat(p.resumeToken()).startsWith(ResumeToken.PREFIX);
        });
        if (t != null) {
            assertThat(t).isInstanceOf(PollingException.class);
            if (t instanceof UnfollowableOperationException u) {
                assertThat(u.rawAzureAsyncOperation() != null || u.rawLocation() != null).isTrue();
            }
        }
    }

    @Property(tries = 500)
    void retryAfterIsNeverNegativeAndNeverFails(@ForAll("retryAfters") String value) {
        Instant now = Instant.parse("2026-11-23T18:00:00Z");
        RetryAfter.parse(name -> name.equalsIgnoreCase("Retry-After") ? value : null, now)
                .ifPresent(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        RetryAfter.parse(name -> name.equalsIgnoreCase("retry-after-ms") ? value : null, now)
                .ifPresent(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
    }
}
