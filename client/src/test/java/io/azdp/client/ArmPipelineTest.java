package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.azdp.client.auth.AccessToken;
import io.azdp.client.auth.TokenSources;
import io.azdp.client.http.HttpResult;
import io.azdp.client.auth.TokenSource;
import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.ServiceRejectedException;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.ThrottledException;
import io.azdp.client.ArmPipeline.Call;
import io.azdp.client.ArmPipeline.Mode;
import io.azdp.client.testing.MutableClock;
import io.azdp.client.testing.RecordingSleeper;
import io.smallrye.mutiny.Uni;

/** The retry/auth decisions of the pipeline, with scripted outcomes instead of HTTP (E2E tests cover the wire). */
class ArmPipelineTest {
    private static final String THROTTLED = "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));
    private final List<Call> calls = new ArrayList<>();

    private ArmPipeline pipeline(TokenSource tokens) {
        return new ArmPipeline(tokens, retry, clock, sleeper, () -> 1.0);
    }

    private ArmPipeline pipeline() {
        return pipeline(TokenSources.fixed("tok"));
    }

    /** Each element: an HttpResult to answer, or a Throwable to fail with. */
    private Function<Call, Uni<HttpResult>> script(Object... outcomes) {
        Deque<Object> q = new ArrayDeque<>(List.of(outcomes));
        return c -> {
            calls.add(c);
            Object o = q.isEmpty() ? ok() : q.poll();
            return o instanceof Throwable t ? Uni.createFrom().failure(t) : Uni.createFrom().item((HttpResult) o);
        };
    }

    private static HttpResult status(int s, Map<String, String> headers, String body) {
        return HttpResult.of(s, headers, body);
    }

    private static HttpResult ok() {
        return status(200, Map.of("x-ms-request-id", "ok"), "{}");
    }

    private HttpResult send(Mode mode, Function<Call, Uni<HttpResult>> call) {
        return pipeline().exchange("test", mode, null, call).await().indefinitely();
    }

    @Test
    void theCallersIdsGoOnEveryAttemptAndEvery429IsReported() {
        List<ThrottledResponse> seen = new ArrayList<>();
        ArmPipeline p = new ArmPipeline(TokenSources.fixed("tok"), retry, clock, sleeper, () -> 1.0, seen::add);
        RequestIds ids = new RequestIds("crid-1", "corr-1");
        HttpResult r = p.exchangeAs("POST x", Mode.START, ids, script(status(429, Map.of("Retry-After", "2"), THROTTLED),
                status(429, Map.of(), THROTTLED), ok())).await().indefinitely();
        assertThat(r.status()).isEqualTo(200);
        assertThat(calls).extracting(Call::clientRequestId).containsExactly("crid-1", "crid-1", "crid-1");
        assertThat(calls).extracting(Call::correlationId).containsOnly("corr-1");
        assertThat(seen).extracting(ThrottledResponse::clientRequestId).containsExactly("crid-1", "crid-1");
        assertThat(seen.get(0).retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(seen.get(1).retryAfter()).isEmpty();
        // one not retried (Retry-After beyond azdp.retry.max-retry-after) is reported too
        calls.clear();
        assertThatThrownBy(() -> p.exchangeAs("POST x", Mode.START, ids,
                script(status(429, Map.of("Retry-After", "3600"), THROTTLED))).await().indefinitely())
                .isInstanceOf(ThrottledException.class);
        assertThat(seen).hasSize(3);
        assertThat(calls).hasSize(1);
    }

    @Test
    void readsRetry503And429HonouringRetryAfterElseBackoff() {
        HttpResult r = send(Mode.READ, script(status(503, Map.of("Retry-After", "7"), ""),
                status(429, Map.of("x-ms-retry-after-ms", "1500"), THROTTLED), status(500, Map.of(), ""), ok()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(1500),
                Duration.ofSeconds(4));
        assertThat(calls).hasSize(4);
    }

    @Test
    void everyAttemptCarriesTheSameClientRequestIdAndCorrelationId() {
        pipeline().exchange("t", Mode.READ, "my-corr", script(status(502, Map.of(), ""), ok()))
                .await().indefinitely();
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(Call::correlationId).containsOnly("my-corr");
        assertThat(calls.get(0).clientRequestId()).isNotBlank().isEqualTo(calls.get(1).clientRequestId());
        assertThat(calls.get(0).authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void theBackupPostIsRetriedOnlyOn429And503() {
        assertThat(send(Mode.START, script(status(429, Map.of("Retry-After", "2"), THROTTLED),
                status(503, Map.of(), ""), ok())).status()).isEqualTo(200);
        assertThat(calls).hasSize(3);

        for (int s : new int[] {500, 502, 504, 408}) {
            calls.clear();
            assertThatThrownBy(() -> send(Mode.START, script(status(s, Map.of(), ""), ok())))
                    .isInstanceOf(ServiceUnavailableException.class);
            assertThat(calls).as("POST answered %d must not be repeated", s).hasSize(1);
        }
    }

    @Test
    void theBackupPostIsRetriedAfterConnectionRefusedButNotAfterAReset() {
        ProcessingException refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(send(Mode.START, script(refused, ok())).status()).isEqualTo(200);
        assertThat(calls).hasSize(2);

        calls.clear();
        ProcessingException reset = new ProcessingException(new IOException("Connection reset by peer"));
        assertThatThrownBy(() -> send(Mode.START, script(reset, ok())))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("Connection reset by peer")
                .hasMessageContaining("not retried: the request may have reached the service");
        assertThat(calls).hasSize(1);
    }

    @Test
    void anUntrustedCertificateIsNotRetriedNamesTheHostAndSaysNothingWasSent() {
        // issue 15: the handshake comes before the request, and an untrusted certificate stays untrusted
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException(
                "Failed to create SSL connection");
        handshake.initCause(new java.security.cert.CertPathBuilderException(
                "unable to find valid certification path to requested target"));
        ProcessingException untrusted = new ProcessingException(handshake);
        ArmPipeline p = new ArmPipeline(TokenSources.fixed("tok"), retry, clock, sleeper, () -> 1.0, t -> {
        }, java.net.URI.create("https://localhost:8443"));
        for (Mode mode : Mode.values()) {
            calls.clear();
            assertThatThrownBy(() -> p.exchange("POST adhoc backup", mode, null, script(untrusted, ok())).await()
                    .indefinitely()).isInstanceOf(io.azdp.client.error.TlsHandshakeException.class)
                    .hasMessage("POST adhoc backup failed: the TLS handshake with localhost:8443 failed "
                            + "(CertPathBuilderException: unable to find valid certification path to requested "
                            + "target); nothing was sent");
            assertThat(calls).hasSize(1);
        }
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void readsAndPollsRetryResetsAndTimeouts() {
        ProcessingException reset = new ProcessingException(new IOException("Connection reset by peer"));
        assertThat(send(Mode.POLL, script(reset, new java.util.concurrent.TimeoutException("read"), ok())).status())
                .isEqualTo(200);
        assertThat(calls).hasSize(3);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void retriesAreBoundedThenTheLastErrorIsRaised() {
        assertThatThrownBy(() -> send(Mode.READ, script(status(503, Map.of(), ""), status(503, Map.of(), ""),
                status(503, Map.of(), ""), status(503, Map.of("x-ms-request-id", "last"), ""))))
                .isInstanceOf(ServiceUnavailableException.class)
                .satisfies(e -> assertThat(((ServiceUnavailableException) e).requestId()).isEqualTo("last"));
        assertThat(calls).hasSize(4);
    }

    @Test
    void aRetryAfterBeyondTheLimitIsNotWaitedFor() {
        assertThatThrownBy(() -> send(Mode.READ, script(status(429, Map.of("Retry-After", "3600"), THROTTLED))))
                .isInstanceOf(ThrottledException.class)
                .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofHours(1)));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetried() {
        assertThatThrownBy(() -> send(Mode.START, script(status(400, Map.of(),
                "{\"error\":{\"code\":\"BMSUserErrorInvalidInput\",\"message\":\"Input provided for the call is "
                        + "invalid\"}}"))))
                .isInstanceOf(ServiceRejectedException.class)
                .hasToString("(BMSUserErrorInvalidInput) Input provided for the call is invalid. Status: 400");
        assertThat(calls).hasSize(1);
    }

    @Test
    void a401IsRetriedOnceWithAFreshToken() {
        AtomicInteger fetched = new AtomicInteger();
        List<AccessToken> invalidated = new ArrayList<>();
        TokenSource tokens = new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().item(new AccessToken("t" + fetched.incrementAndGet(), null, null));
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                invalidated.add(rejected);
                return true;
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        String expired = "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"expired\"}}";
        HttpResult r = pipeline(tokens).exchange("t", Mode.START, null,
                script(status(401, Map.of(), expired), ok())).await().indefinitely();
        assertThat(r.status()).isEqualTo(200);
        assertThat(calls).extracting(Call::authorization).containsExactly("Bearer t1", "Bearer t2");
        assertThat(invalidated).extracting(AccessToken::token).containsExactly("t1");

        calls.clear();
        assertThatThrownBy(() -> pipeline(tokens).exchange("t", Mode.READ, null,
                script(status(401, Map.of(), expired), status(401, Map.of(), expired))).await().indefinitely())
                .isInstanceOf(AuthenticationException.class).hasMessageStartingWith("(ExpiredAuthenticationToken)");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aFixedTokenIsNotRetriedAfter401() {
        assertThatThrownBy(() -> send(Mode.READ, script(status(401, Map.of(), ""), ok())))
                .isInstanceOf(AuthenticationException.class);
        assertThat(calls).hasSize(1);
    }

    @Test
    void programmingErrorsAreNotMistakenForTransportFailures() {
        assertThatThrownBy(() -> send(Mode.READ, script(new IllegalStateException("bug"), ok())))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(calls).hasSize(1);
    }
}
