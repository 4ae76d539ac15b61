package io.azdp.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.azdp.client.auth.AccessToken;
import io.azdp.client.auth.TokenSource;
import io.azdp.client.error.ArmErrors;
import io.azdp.client.error.ArmException;
import io.azdp.client.error.ErrorResponse;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.TlsHandshakeException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.http.RetryAfter;
import io.azdp.client.lro.Sleeper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * Sends one logical ARM request: attaches the bearer token and the request ids, reads the whole response, retries
 * transient failures with exponential backoff and jitter (honouring Retry-After), refreshes the token once after a
 * 401, and turns a final failure into the right {@link ArmException}.
 *
 * <p>Retry rules: reads and polls are retried on 408, 429, 500, 502, 503, 504 and on connection failures. The request
 * that starts an operation ({@link Mode#START}) is retried only where the service certainly did not start anything:
 * 429, 503, and a connection that could not be opened (refused, connect timeout, unknown host); never after a 2xx, a
 * 500/502/504, a reset or a read timeout. After a 401 every request is repeated once with a freshly fetched token (ARM
 * rejects the request before any processing).
 */
final class ArmPipeline {
    private static final Logger LOG = Logger.getLogger(ArmPipeline.class);

    /** How a request may be retried and how its errors are reported. */
    enum Mode {
        /** An idempotent read. */
        READ,
        /** The POST that starts a long-running operation. */
        START,
        /** A GET of a status or result URL: a 4xx is a {@code PollingException}. */
        POLL
    }

    /** Per-attempt header values for the REST client method. */
    record Call(String authorization, String clientRequestId, String correlationId) {
    }

    private final TokenSource tokens;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Consumer<ThrottledResponse> onThrottled;
    /** {@code host:port} of the ARM endpoint, named when a TLS handshake fails; null when unknown (unit tests). */
    private final String endpointAuthority;

    ArmPipeline(TokenSource tokens, RetryPolicy retry, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this(tokens, retry, clock, sleeper, random, t -> {
        });
    }

    /** @param onThrottled told of every 429 received, whether it is retried or not */
    ArmPipeline(TokenSource tokens, RetryPolicy retry, Clock clock, Sleeper sleeper, DoubleSupplier random,
            Consumer<ThrottledResponse> onThrottled) {
        this(tokens, retry, clock, sleeper, random, onThrottled, null);
    }

    /** @param endpoint the ARM endpoint, named in the message of a failed TLS handshake */
    ArmPipeline(TokenSource tokens, RetryPolicy retry, Clock clock, Sleeper sleeper, DoubleSupplier random,
            Consumer<ThrottledResponse> onThrottled, java.net.URI endpoint) {
        this.endpointAuthority = endpoint == null ? null : endpoint.getHost()
                + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
        this.tokens = tokens;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.onThrottled = onThrottled;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /**
     * @param what          short description for logs and connection errors, e.g. {@code POST adhoc backup}
     * @param correlationId the correlation id to send (a new one when null)
     * @param call          invokes the REST client method with the given headers
     */
    Uni<HttpResult> send(String what, Mode mode, String correlationId, Function<Call, Uni<Response>> call) {
        return sendAs(what, mode, new RequestIds(null, correlationId), call);
    }

    /** {@link #send} with the caller's ids (a null id: a new one), kept on every attempt. */
    Uni<HttpResult> sendAs(String what, Mode mode, RequestIds ids, Function<Call, Uni<Response>> call) {
        return exchangeAs(what, mode, ids,
                c -> call.apply(c).onItem().transform(r -> read(r, c.clientRequestId(), c.correlationId())));
    }

    /** {@link #send} for a call that already yields a read {@link HttpResult} (the seam unit tests use). */
    Uni<HttpResult> exchange(String what, Mode mode, String correlationId,
            Function<Call, Uni<HttpResult>> call) {
        return exchangeAs(what, mode, new RequestIds(null, correlationId), call);
    }

    Uni<HttpResult> exchangeAs(String what, Mode mode, RequestIds ids, Function<Call, Uni<HttpResult>> call) {
        String corr = ids != null && ids.correlationId() != null ? ids.correlationId() : UUID.randomUUID().toString();
        String clientRequestId = ids != null && ids.clientRequestId() != null ? ids.clientRequestId()
                : UUID.randomUUID().toString();
        return Uni.createFrom().deferred(() -> attempt(what, mode, corr, clientRequestId, call, 0, false));
    }

    private Uni<HttpResult> attempt(String what, Mode mode, String corr, String crid,
            Function<Call, Uni<HttpResult>> call, int retryNo, boolean reauthenticated) {
        return tokens.token().onItem().transformToUni(token -> Uni.createFrom()
                .deferred(() -> call.apply(new Call(token.authorizationHeader(), crid, corr)))
                .onItemOrFailure().transformToUni((result, failure) -> failure != null
                        ? onFailure(what, mode, corr, crid, call, retryNo, reauthenticated, failure)
                        : onResult(what, mode, corr, crid, call, retryNo, reauthenticated, token, result)));
    }

    private Uni<HttpResult> onResult(String what, Mode mode, String corr, String crid,
            Function<Call, Uni<HttpResult>> call, int retryNo, boolean reauthenticated, AccessToken token,
            HttpResult result) {
        int s = result.status();
        if (s < 400) {
            return Uni.createFrom().item(result);
        }
        if (s == 401 && !reauthenticated && tokens.invalidate(token)) {
            LOG.debugf("%s: 401 %s, retrying once with a new token", what, codeOf(result));
            return attempt(what, mode, corr, crid, call, retryNo, true);
        }
        Optional<Duration> retryAfter = RetryAfter.parse(result::header, clock.instant());
        if (s == 429) {
            throttled(new ThrottledResponse(what, crid, corr, retryAfter));
        }
        ErrorResponse error = new ErrorResponse(s, ArmErrors.parseCloudError(s, result.body()), result.requestId(),
                result.responseCorrelationId(), crid);
        if (retryableStatus(mode, s) && retryNo < retry.maxRetries()) {
            if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                LOG.debugf("%s: %d with Retry-After %s (more than azdp.retry.max-retry-after %s), not retrying", what,
                        s, retryAfter.get(), retry.maxRetryAfter());
                return Uni.createFrom().failure(ArmErrors.map(error, mode == Mode.POLL, retryAfter.orElse(null)));
            }
            Duration delay = retryAfter.orElseGet(() -> retry.backoff(retryNo, random.getAsDouble()));
            LOG.debugf("%s: %d %s, retry %d/%d in %d ms", what, s, codeOf(result), retryNo + 1, retry.maxRetries(),
                    delay.toMillis());
            return sleeper.sleep(delay).onItem().transformToUni(
                    x -> attempt(what, mode, corr, crid, call, retryNo + 1, reauthenticated));
        }
        return Uni.createFrom().failure(ArmErrors.map(error, mode == Mode.POLL, retryAfter.orElse(null)));
    }

    private Uni<HttpResult> onFailure(String what, Mode mode, String corr, String crid,
            Function<Call, Uni<HttpResult>> call, int retryNo, boolean reauthenticated, Throwable failure) {
        if (failure instanceof ArmException arm) {
            return Uni.createFrom().failure(arm);
        }
        if (TlsHandshakeException.isCause(failure)) {
            // the handshake comes before any byte of the request: nothing was sent, and a certificate this JVM does not
            // trust stays untrusted, so retrying only delays the answer (issue 15)
            return Uni.createFrom().failure(new TlsHandshakeException(what + " failed: the TLS handshake with "
                    + (endpointAuthority == null ? "the server" : endpointAuthority) + " failed (" + describe(failure)
                    + "); nothing was sent", failure));
        }
        boolean notSent = isNotSent(failure);
        boolean transport = notSent || isTransportFailure(failure);
        if (!transport && isUnreadableResponse(failure)) {
            // the HTTP stack refused what the service sent (a header value with non-ASCII or control characters):
            // the service's answer, not a bug; for the POST the backup may have started
            String note = mode == Mode.START ? " (the service may have started the backup; check the instance's "
                    + "backup jobs)" : "";
            return Uni.createFrom().failure(new ServiceUnavailableException(
                    what + ": the response could not be read: " + describe(failure) + note, failure));
        }
        if (!transport) {
            return Uni.createFrom().failure(failure);
        }
        boolean retryable = mode == Mode.START ? notSent : true;
        if (retryable && retryNo < retry.maxRetries()) {
            Duration delay = retry.backoff(retryNo, random.getAsDouble());
            LOG.debugf("%s: %s, retry %d/%d in %d ms", what, describe(failure), retryNo + 1, retry.maxRetries(),
                    delay.toMillis());
            return sleeper.sleep(delay).onItem().transformToUni(
                    x -> attempt(what, mode, corr, crid, call, retryNo + 1, reauthenticated));
        }
        String note = mode == Mode.START && !notSent
                ? " (not retried: the request may have reached the service; check the instance's backup jobs)"
                : "";
        return Uni.createFrom().failure(new ServiceUnavailableException(
                what + " failed: " + describe(failure) + note, failure));
    }

    private void throttled(ThrottledResponse response) {
        try {
            onThrottled.accept(response);
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s: the throttling listener failed", response.request());
        }
    }

    static boolean retryableStatus(Mode mode, int status) {
        if (mode == Mode.START) {
            return status == 429 || status == 503;
        }
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The connection could not be opened, so the request certainly never reached the service. */
    static boolean isNotSent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** An IllegalArgumentException/IllegalStateException thrown by the HTTP stack (Netty, Vert.x) reading a response. */
    static boolean isUnreadableResponse(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if ((c instanceof IllegalArgumentException || c instanceof IllegalStateException)
                    && c.getStackTrace().length > 0) {
                String origin = c.getStackTrace()[0].getClassName();
                if (origin.startsWith("io.netty.") || origin.startsWith("io.vertx.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Connection reset/closed, timeouts and other I/O failures of the HTTP exchange. */
    static boolean isTransportFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException || c instanceof TimeoutException || c instanceof ProcessingException
                    || c instanceof VertxException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }

    private static String codeOf(HttpResult r) {
        return ArmErrors.parseCloudError(r.status(), r.body()).error().code();
    }

    private static HttpResult read(Response r, String crid, String corr) {
        try {
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            return new HttpResult(r.getStatus(), r.getStringHeaders(), body, crid, corr);
        } finally {
            r.close();
        }
    }
}
