package io.azdp.client.lro;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.azdp.client.error.ArmException;
import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.http.HttpResult;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.azdp.model.ValidationException;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Follows one adhoc backup operation by the ARM long-running operation rules. Which URL is polled and how its answers
 * read is a {@link PollingStrategy}: {@link StatusUrlStrategy} when the service gave {@code Azure-AsyncOperation},
 * else {@link LocationStrategy}. Common to both: wait what {@code Retry-After} says (never less), else the configured
 * interval; {@code Failed}/{@code Canceled} raise {@link OperationFailedException}; any other status value is "still
 * running".
 *
 * <p>Blocking methods ({@link #poll()}, {@link #waitForCompletion(Duration)}) and their {@code Uni} twins
 * ({@link #pollAsync()}, {@link #waitForCompletionAsync(Duration)}) share one state. A poller is meant to be driven by
 * one caller at a time. {@link #resumeToken()} lets another process continue with {@code DataProtectionClient.resume}.
 * Pollers come from {@code DataProtectionClient} ({@code beginAdhocBackup}, {@code resume}).
 */
public final class AdhocBackupPoller {
    private static final Logger LOG = Logger.getLogger(AdhocBackupPoller.class);
    /** How long past the wait's deadline a poll already under way may take before the wait gives up. */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private final LroTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PollingPolicy policy;
    private final String correlationId;
    private final String instanceId;
    private volatile PollingStrategy strategy;
    private volatile PollState state;
    private volatile OperationJobExtendedInfo result;
    private volatile ArmException failure;

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
        this.strategy = initial.statusUrl() != null ? new StatusUrlStrategy() : new LocationStrategy(false);
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
     * The backup job the operation started, as a full ARM id, once known: the service's {@code jobId} when it is one,
     * else its GUID in the vault of the backup instance or of a vault-scoped status URL. Empty while the operation
     * runs, when it named no job, or named one that is neither a GUID nor a job ARM id, or a GUID whose vault is
     * unknown ({@link PollState#jobId()} has what the service sent).
     */
    public Optional<BackupJobId> job() {
        String raw = result != null ? result.jobId() : state.jobId();
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        JobId job;
        try {
            job = JobId.parse(raw);
        } catch (ValidationException notAJobId) {
            return Optional.empty();
        }
        return job.armId().or(() -> vault().map(job::toArmId));
    }

    /** The vault of the operation: the backup instance's, else that of a vault-scoped status URL. */
    Optional<BackupVaultId> vault() {
        if (instanceId != null) {
            try {
                return Optional.of(BackupInstanceId.parse(instanceId).vault());
            } catch (ValidationException notAnInstanceId) {
                // fall back to the status URL
            }
        }
        return OperationUrls.vaultOf(state.statusUrl());
    }

    /**
     * A token another process can pass to {@code DataProtectionClient.resume(...)} to continue polling; holds the
     * status/result URLs and the next poll time, no credentials.
     *
     * @throws IllegalStateException for an operation that completed synchronously (there is nothing to poll)
     */
    public String resumeToken() {
        return resumeTokenIfAny().orElseThrow(
                () -> new IllegalStateException("the operation completed synchronously; there is nothing to resume"));
    }

    /** {@link #resumeToken()}, or empty for an operation that completed synchronously. */
    public Optional<String> resumeTokenIfAny() {
        PollState s = state;
        if (s.statusUrl() == null && s.locationUrl() == null) {
            return Optional.empty();
        }
        return Optional.of(new ResumeToken(s.statusUrl(), s.locationUrl(), s.operationId(), s.nextPollAt(),
                correlationId, instanceId).encode());
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
        // one poll per repetition of a Multi, not a Uni that chains the next poll inside the last one: the chained
        // form nested one subscriber per poll, so a service answering Retry-After: 0 (or a zero poll interval) made
        // thousands of polls and then overflowed the stack delivering the result, and the wait never returned
        return Uni.createFrom().deferred(() -> {
            Instant deadline = clock.instant().plus(timeout);
            return Multi.createBy().repeating().uni(() -> step(deadline, timeout, onPoll))
                    .whilst(polled -> !isDone())
                    .collect().last()
                    .onItem().transformToUni(last -> outcome());
        });
    }

    /** The outcome once the repetition ended: the result, or the recorded failure. */
    private Uni<OperationJobExtendedInfo> outcome() {
        if (result != null) {
            return Uni.createFrom().item(result);
        }
        return Uni.createFrom().failure(failure != null ? failure
                : new IllegalStateException("the wait ended before the operation did"));
    }

    /** One poll of the wait: fails when the next poll is due after the deadline, or this one overruns it. */
    private Uni<PollState> step(Instant deadline, Duration timeout, Consumer<PollState> onPoll) {
        if (isDone()) {
            return Uni.createFrom().item(state);
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
        return pollAsync().ifNoItem().after(left).failWith(() -> timedOut(timeout)).onItem().invoke(polled -> {
            if (onPoll != null) {
                onPoll.accept(polled);
            }
        });
    }

    private OperationTimeoutException timedOut(Duration timeout) {
        PollState s = state;
        return new OperationTimeoutException("the adhoc backup operation"
                + (s.operationId() == null ? "" : " " + s.operationId()) + " did not finish within " + timeout
                + " (last status: " + s.status() + "); it keeps running on the service, resume polling with the "
                + "resume token", String.valueOf(s.status()), resumeTokenIfAny().orElse(null));
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
            return delay.onItem().transformToUni(x -> strategy.poll(this))
                    .onFailure(ArmException.class::isInstance).invoke(f -> {
                        if (f instanceof OperationFailedException ofe) {
                            failure = ofe;
                        }
                    });
        });
    }

    // ---------------------------------------------------------------- what the strategies use

    /** GET of the operation's URL {@code url} (status or result). */
    Uni<HttpResult> get(URI url) {
        return transport.get(url, correlationId);
    }

    Clock clock() {
        return clock;
    }

    /** Polls from now on with {@code next} (after the status URL said Succeeded: the result URL). */
    void switchTo(PollingStrategy next) {
        this.strategy = next;
    }

    void state(PollState s) {
        this.state = s;
    }

    /** Records a running operation: the state after this poll and when to poll next. */
    PollState running(PollState s, OperationStatus status, Optional<Duration> retryAfter, int polls,
            OperationResource op) {
        PollState next = s.with(status, retryAfter.orElse(null), clock.instant().plus(policy.nextDelay(polls,
                retryAfter)), polls, op);
        state = next;
        return next;
    }

    /** Records that the operation succeeded with the job {@code jobId}. */
    PollState complete(OperationStatus st, String jobId, int polls, OperationResource op) {
        PollState s = state.with(st, null, null, polls, op).done(st, jobId, op);
        state = s;
        result = new OperationJobExtendedInfo(jobId);
        LOG.debugf("operation %s succeeded, job %s", s.operationId(), jobId);
        return s;
    }

    /** Records that the operation ended {@code Failed}/{@code Canceled} (status {@code op}) and says so. */
    OperationFailedException ended(OperationResource op, int polls, String requestId, String responseCorrelationId,
            String clientRequestId) {
        PollState s = state;
        state = s.done(op.status(), null, op).with(op.status(), null, null, polls, op);
        return new OperationFailedException(op, s.operationId(), requestId, responseCorrelationId, clientRequestId);
    }

    static PollingException pollingFailure(String message, HttpResult r) {
        String id = r == null ? null : r.requestId();
        return new PollingException(message + (id == null ? "" : " (request id: " + id + ")"));
    }
}
