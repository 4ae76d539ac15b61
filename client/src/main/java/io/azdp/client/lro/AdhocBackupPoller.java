package io.azdp.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;

import io.azdp.client.error.ArmException;
import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.internal.HttpResult;
import io.azdp.client.lro.LroTransport;
import io.azdp.client.lro.PollingPolicy;
import io.azdp.client.lro.ResumeToken;
import io.azdp.client.lro.RetryAfter;
import io.azdp.client.api.ArmHeaders;
import io.azdp.model.AzdpJson;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.smallrye.mutiny.Uni;

/**
 * Follows one adhoc backup operation by the ARM long-running operation rules: poll {@code Azure-AsyncOperation} when
 * present, else {@code Location}; wait what {@code Retry-After} says (never less), else the configured interval;
 * {@code Succeeded} (any casing) fetches the final result from {@code Location} when there is one, else takes
 * {@code properties} of the status body; {@code Failed}/{@code Canceled} raise {@link OperationFailedException}; any
 * other status value is "still running".
 *
 * <p>Blocking methods ({@link #poll()}, {@link #waitForCompletion(Duration)}) and their {@code Uni} twins
 * ({@link #pollAsync()}, {@link #waitForCompletionAsync(Duration)}) share one state. A poller is meant to be driven by
 * one caller at a time. {@link #resumeToken()} lets another process continue with {@code DataProtectionClient.resume}.
 */
public final class AdhocBackupPoller {
    private static final Logger LOG = Logger.getLogger(AdhocBackupPoller.class);

    private final LroTransport transport;
    private final Clock clock;
    private final io.azdp.client.Sleeper sleeper;
    private final PollingPolicy policy;
    private final String correlationId;
    private final String instanceId;
    private volatile PollState state;
    private volatile OperationJobExtendedInfo result;
    private volatile ArmException failure;
    private volatile boolean statusSucceeded;

    AdhocBackupPoller(LroTransport transport, Clock clock, Sleeper sleeper, PollingPolicy policy, PollState initial,
            OperationJobExtendedInfo result, String correlationId, String instanceId) {
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.state = initial;
        this.result = result;
        this.correlationId = correlationId;
        this.instanceId = instanceId;
    }

    /**
     * The poller for the answer to the POST that started the operation: 200 means done (the body is the result),
     * 201/202 means poll the URLs of its headers.
     */
    static AdhocBackupPoller fromStartResponse(HttpResult r, URI requestBase, LroTransport transport, Clock clock,
            Sleeper sleeper, PollingPolicy policy, String instanceId) {
        Instant now = clock.instant();
        URI status = url(requestBase, r.header(ArmHeaders.AZURE_ASYNC_OPERATION));
        URI location = url(requestBase, r.header(ArmHeaders.LOCATION));
        if ((r.status() == 202 || r.status() == 201) && (status != null || location != null)) {
            Optional<Duration> ra = RetryAfter.parse(r::header, now);
            Instant next = now.plus(policy.nextDelay(0, ra));
            PollState s = new PollState(OperationStatus.IN_PROGRESS, status, location, ra.orElse(null),
                    operationIdOf(status != null ? status : location), null, next, 0, null);
            LOG.debugf("adhoc backup of %s accepted (%d), operation %s", instanceId, r.status(), s.operationId());
            return new AdhocBackupPoller(transport, clock, sleeper, policy, s, null, r.correlationId(), instanceId);
        }
        if (r.status() == 202) {
            throw new PollingException("the service accepted the adhoc backup (202) but sent neither "
                    + "Azure-AsyncOperation nor Location, so it cannot be followed; look for the job in the vault"
                    + requestIdSuffix(r));
        }
        Optional<OperationJobExtendedInfo> info = jobInfo(readTree(r));
        if (info.isEmpty()) {
            throw new PollingException("the adhoc backup answered " + r.status()
                    + " without a jobId in the body and without polling headers" + requestIdSuffix(r));
        }
        PollState s = new PollState(OperationStatus.SUCCEEDED, null, null, null, null, info.get().jobId(), null, 0,
                null);
        return new AdhocBackupPoller(transport, clock, sleeper, policy, s, info.get(), r.correlationId(), instanceId);
    }

    /** A poller continuing from a {@link ResumeToken}. */
    static AdhocBackupPoller resume(ResumeToken token, LroTransport transport, Clock clock, Sleeper sleeper,
            PollingPolicy policy) {
        PollState s = new PollState(OperationStatus.IN_PROGRESS, token.statusUrl(), token.locationUrl(), null,
                token.operationId() != null ? token.operationId()
                        : operationIdOf(token.statusUrl() != null ? token.statusUrl() : token.locationUrl()),
                null, token.nextPollAt() != null ? token.nextPollAt() : clock.instant(), 0, null);
        return new AdhocBackupPoller(transport, clock, sleeper, policy, s, null, token.correlationId(),
                token.instanceId());
    }

    /** The state after the last response. */
    public PollState state() {
        return state;
    }

    /** True once the operation succeeded (with a result) or failed. */
    public boolean isDone() {
        return result != null || failure != null;
    }

    /** The operation's result (the started backup job), once it succeeded. */
    public Optional<OperationJobExtendedInfo> finalResult() {
        return Optional.ofNullable(result);
    }

    /** The correlation id all requests of this operation carry. */
    public String correlationId() {
        return correlationId;
    }

    /**
     * A token another process can pass to {@code DataProtectionClient.resume(...)} to continue polling; holds the
     * status/result URLs and the next poll time, no credentials.
     *
     * @throws IllegalStateException for an operation that completed synchronously (there is nothing to poll)
     */
    public String resumeToken() {
        PollState s = state;
        if (s.statusUrl() == null && s.locationUrl() == null) {
            throw new IllegalStateException("the operation completed synchronously; there is nothing to resume");
        }
        return new ResumeToken(s.statusUrl(), s.locationUrl(), s.operationId(), s.nextPollAt(), correlationId,
                instanceId).encode();
    }

    /** Waits until the next poll is due (never polls faster than the service asked), polls once, returns the state. */
    public PollState poll() {
        return pollAsync().await().indefinitely();
    }

    /** Polls until done; returns the started job. */
    public OperationJobExtendedInfo waitForCompletion(Duration timeout) {
        return waitForCompletionAsync(timeout, null).await().indefinitely();
    }

    /** Polls until done, calling {@code onPoll} after every poll; returns the started job. */
    public OperationJobExtendedInfo waitForCompletion(Duration timeout, Consumer<PollState> onPoll) {
        return waitForCompletionAsync(timeout, onPoll).await().indefinitely();
    }

    public Uni<OperationJobExtendedInfo> waitForCompletionAsync(Duration timeout) {
        return waitForCompletionAsync(timeout, null);
    }

    /**
     * Polls until done without holding a thread. Fails with {@link OperationFailedException},
     * {@link OperationTimeoutException} (carrying the resume token; the operation keeps running) or a polling error.
     */
    public Uni<OperationJobExtendedInfo> waitForCompletionAsync(Duration timeout, Consumer<PollState> onPoll) {
        return Uni.createFrom().deferred(() -> {
            Instant deadline = clock.instant().plus(timeout);
            return loop(deadline, timeout, onPoll);
        });
    }

    private Uni<OperationJobExtendedInfo> loop(Instant deadline, Duration timeout, Consumer<PollState> onPoll) {
        if (result != null) {
            return Uni.createFrom().item(result);
        }
        if (failure != null) {
            return Uni.createFrom().failure(failure);
        }
        PollState s = state;
        Instant now = clock.instant();
        Instant next = s.nextPollAt() == null ? now : s.nextPollAt();
        if (next.isAfter(deadline)) {
            return Uni.createFrom().failure(timedOut(timeout));
        }
        // one poll may retry inside (429, 5xx, connection resets) for longer than the wait has left: cap it, so
        // the wait ends near its deadline instead of up to the retry budget later
        Duration left = Duration.between(now, deadline).plus(DEADLINE_GRACE);
        return pollAsync().ifNoItem().after(left).failWith(() -> timedOut(timeout)).onItem().transformToUni(polled -> {
            if (onPoll != null) {
                onPoll.accept(polled);
            }
            return loop(deadline, timeout, onPoll);
        });
    }

    /** How long past the wait's deadline a poll already under way may take before the wait gives up. */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private OperationTimeoutException timedOut(Duration timeout) {
        PollState s = state;
        return new OperationTimeoutException("the adhoc backup operation"
                + (s.operationId() == null ? "" : " " + s.operationId()) + " did not finish within " + timeout
                + " (last status: " + s.status() + "); it keeps running on the service, resume polling with the "
                + "resume token", String.valueOf(s.status()), resumeTokenOrNull());
    }

    private String resumeTokenOrNull() {
        try {
            return resumeToken();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Waits until the next poll is due, polls once. */
    public Uni<PollState> pollAsync() {
        return Uni.createFrom().deferred(() -> {
            if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            if (result != null) {
                return Uni.createFrom().item(state);
            }
            Instant next = state.nextPollAt();
            Duration wait = next == null ? Duration.ZERO : Duration.between(clock.instant(), next);
            Uni<Void> delay = wait.isNegative() || wait.isZero() ? Uni.createFrom().voidItem() : sleeper.sleep(wait);
            return delay.onItem().transformToUni(x -> pollNow())
                    .onFailure(ArmException.class::isInstance).invoke(f -> {
                        if (f instanceof OperationFailedException ofe) {
                            failure = ofe;
                        }
                    });
        });
    }

    private Uni<PollState> pollNow() {
        PollState s = state;
        if (!statusSucceeded && s.statusUrl() != null) {
            return transport.get(s.statusUrl(), correlationId).onItem().transformToUni(this::onStatus);
        }
        return fetchResult();
    }

    private Uni<PollState> onStatus(HttpResult r) {
        Instant now = clock.instant();
        PollState s = state;
        OperationResource op = readStatus(r);
        Optional<Duration> ra = RetryAfter.parse(r::header, now);
        OperationStatus st = op != null && op.status() != null ? op.status() : OperationStatus.IN_PROGRESS;
        int polls = s.polls() + 1;
        if (st.isSucceeded()) {
            statusSucceeded = true;
            if (s.locationUrl() != null) {
                state = s.with(st, null, now, polls, op);
                return fetchResult();
            }
            Optional<String> job = op.jobId().or(() -> jobInfo(readTree(r)).map(OperationJobExtendedInfo::jobId));
            if (job.isEmpty()) {
                throw new PollingException("the operation " + s.operationId()
                        + " succeeded but its status has no properties.jobId and there is no Location to read the "
                        + "result from" + requestIdSuffix(r));
            }
            return complete(st, job.get(), polls, op);
        }
        if (st.isFailed() || st.isCanceled()) {
            throw ended(op, polls, r.requestId(), r.responseCorrelationId(), r.clientRequestId());
        }
        state = s.with(st, ra.orElse(null), now.plus(policy.nextDelay(polls, ra)), polls, op);
        return Uni.createFrom().item(state);
    }

    private Uni<PollState> fetchResult() {
        PollState s = state;
        if (s.locationUrl() == null) {
            return Uni.createFrom().failure(new PollingException("the operation " + s.operationId()
                    + " has no Location URL to read its result from"));
        }
        Uni<HttpResult> get = transport.get(s.locationUrl(), correlationId);
        if (!statusSucceeded && s.statusUrl() == null) {
            // Location is the only URL: ARM reports the operation's failure there as a 4xx/500 with the CloudError
            get = get.onFailure(ArmException.class).transform(f -> failedOnLocation((ArmException) f));
        }
        return get.onItem().transformToUni(this::onResult);
    }

    /**
     * The failure of a poll of the Location URL when there is no status URL. ARM answers a finished operation's result
     * URL with the operation's error: 409 when it was canceled, 400 (user error) or 500 otherwise. Those become an
     * {@link OperationFailedException} like a {@code Failed}/{@code Canceled} status body; 401, 403, 404 (unknown
     * operation), 408, 429 and gateway errors stay what they are: a verdict on the poll, not on the backup.
     */
    private Throwable failedOnLocation(ArmException e) {
        int code = e.httpStatus();
        boolean operationError = code == 409 || code == 500 || code >= 400 && code < 500 && code != 401 && code != 403
                && code != 404 && code != 408 && code != 429;
        if (!operationError || e.cloudError().isEmpty()) {
            return e;
        }
        OperationStatus st = code == 409 ? OperationStatus.CANCELED : OperationStatus.FAILED;
        OperationResource op = new OperationResource(null, state.operationId(), st, null, null,
                e.cloudError().get().error(), null);
        return ended(op, state.polls() + 1, e.requestId(), e.correlationId(), e.clientRequestId());
    }

    /** Records that the operation ended {@code Failed}/{@code Canceled} (status {@code op}) and says so. */
    private OperationFailedException ended(OperationResource op, int polls, String requestId, String correlationId,
            String clientRequestId) {
        PollState s = state;
        state = s.done(op.status(), null, op).with(op.status(), null, null, polls, op);
        return new OperationFailedException(op, s.operationId(), requestId, correlationId, clientRequestId);
    }

    private Uni<PollState> onResult(HttpResult r) {
        Instant now = clock.instant();
        PollState s = state;
        int polls = statusSucceeded ? s.polls() : s.polls() + 1;
        if (r.status() == 202 || r.status() == 201) {
            URI newLocation = url(s.locationUrl(), r.header(ArmHeaders.LOCATION));
            if (newLocation != null && !newLocation.equals(s.locationUrl())) {
                s = s.withLocation(newLocation);
            }
            Optional<Duration> ra = RetryAfter.parse(r::header, now);
            OperationStatus st = statusSucceeded ? OperationStatus.SUCCEEDED : s.status();
            state = s.with(st, ra.orElse(null), now.plus(policy.nextDelay(polls, ra)), polls, null);
            return Uni.createFrom().item(state);
        }
        JsonNode body = readTree(r);
        Optional<String> job = jobInfo(body).map(OperationJobExtendedInfo::jobId);
        if (job.isEmpty() && s.operation() != null) {
            job = s.operation().jobId();
        }
        if (job.isEmpty() && body != null && body.hasNonNull("status")) {
            // some services answer the result URL with a status body
            return onStatus(r);
        }
        if (job.isEmpty()) {
            throw new PollingException("the result of operation " + s.operationId() + " (HTTP " + r.status()
                    + ") has no jobId" + requestIdSuffix(r));
        }
        return complete(OperationStatus.SUCCEEDED, job.get(), polls, null);
    }

    private Uni<PollState> complete(OperationStatus st, String jobId, int polls, OperationResource op) {
        PollState s = state.with(st, null, null, polls, op).done(st, jobId, op);
        state = s;
        result = new OperationJobExtendedInfo(jobId);
        LOG.debugf("operation %s succeeded, job %s", s.operationId(), jobId);
        return Uni.createFrom().item(s);
    }

    private static OperationResource readStatus(HttpResult r) {
        if (r.body().isBlank()) {
            return null;
        }
        try {
            return AzdpJson.read(r.body(), OperationResource.class);
        } catch (RuntimeException e) {
            throw new PollingException("the operation status body could not be read: " + e.getMessage()
                    + requestIdSuffix(r));
        }
    }

    private static JsonNode readTree(HttpResult r) {
        if (r.body().isBlank()) {
            return null;
        }
        try {
            return AzdpJson.read(r.body(), JsonNode.class);
        } catch (RuntimeException e) {
            throw new PollingException("the operation result body is not JSON: " + e.getMessage()
                    + requestIdSuffix(r));
        }
    }

    /** {@code jobId} of an {@code OperationJobExtendedInfo} body, or of {@code properties} of a status body. */
    static Optional<OperationJobExtendedInfo> jobInfo(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Optional.empty();
        }
        if (n.hasNonNull("jobId") && !n.get("jobId").asText().isBlank()) {
            return Optional.of(new OperationJobExtendedInfo(n.get("jobId").asText()));
        }
        JsonNode p = n.get("properties");
        if (p != null && p.hasNonNull("jobId") && !p.get("jobId").asText().isBlank()) {
            return Optional.of(new OperationJobExtendedInfo(p.get("jobId").asText()));
        }
        return Optional.empty();
    }

    static URI url(URI base, String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        URI u = URI.create(header.trim());
        return u.isAbsolute() || base == null ? u : base.resolve(u);
    }

    /** The last path segment of a status or result URL (the operation id as the service wrote it). */
    static String operationIdOf(URI url) {
        if (url == null || url.getRawPath() == null) {
            return null;
        }
        String p = url.getRawPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    private static String requestIdSuffix(HttpResult r) {
        String id = r.requestId();
        return id == null ? "" : " (request id: " + id + ")";
    }
}
