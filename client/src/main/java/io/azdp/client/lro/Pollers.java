package io.azdp.client.lro;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.UnfollowableOperationException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.http.RetryAfter;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationStatus;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.arm.ArmHeaders;
import io.smallrye.mutiny.Uni;

/**
 * The client's polling machinery, configured once per client: makes the {@link AdhocBackupPoller} of a started or
 * resumed operation and follows backup jobs, all with one transport, clock, sleeper and set of intervals. Applications
 * get pollers from {@code DataProtectionClient}; this class is public only because the client builds it.
 */
public final class Pollers {
    private static final Logger LOG = Logger.getLogger(Pollers.class);

    private final LroTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PollingPolicy operationPolicy;
    private final PollingPolicy jobPolicy;

    /**
     * @param pollInterval    first operation poll interval without Retry-After (grows by half per poll)
     * @param jobPollInterval first job poll interval (grows by half per poll)
     * @param maxPollInterval cap of both
     */
    public Pollers(LroTransport transport, Clock clock, Sleeper sleeper, Duration pollInterval,
            Duration maxPollInterval, Duration jobPollInterval) {
        this(transport, clock, sleeper, pollInterval, maxPollInterval, jobPollInterval,
                PollingPolicy.DEFAULT_MAX_RETRY_AFTER);
    }

    /** @param maxRetryAfter the longest server Retry-After a poll waits ({@code azdp.retry.max-retry-after}) */
    public Pollers(LroTransport transport, Clock clock, Sleeper sleeper, Duration pollInterval,
            Duration maxPollInterval, Duration jobPollInterval, Duration maxRetryAfter) {
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
        this.operationPolicy = new PollingPolicy(pollInterval, maxPollInterval, maxRetryAfter);
        this.jobPolicy = new PollingPolicy(jobPollInterval, maxPollInterval, maxRetryAfter);
    }

    /**
     * The poller for the answer to the POST that started the operation: 200 means done (the body is the result),
     * 201/202 means poll the URLs of its headers (relative ones resolved against {@code requestBase}).
     */
    public AdhocBackupPoller started(HttpResult r, URI requestBase, BackupInstanceId instance) {
        Instant now = clock.instant();
        String instanceId = instance == null ? null : instance.toString();
        String rawStatus = r.header(ArmHeaders.AZURE_ASYNC_OPERATION);
        String rawLocation = r.header(ArmHeaders.LOCATION);
        URI status = OperationUrls.url(requestBase, rawStatus);
        URI location = OperationUrls.url(requestBase, rawLocation);
        if ((r.status() == 202 || r.status() == 201) && status == null && location == null
                && (OperationUrls.present(rawStatus) || OperationUrls.present(rawLocation))) {
            // accepted, but neither URL can be polled: say what the service sent, so the backup is not lost
            throw new UnfollowableOperationException(r.status(), rawStatus, rawLocation,
                    OperationUrls.jobInfoIfAny(r).map(OperationJobExtendedInfo::jobId).orElse(null), r.requestId(),
                    r.responseCorrelationId(), r.clientRequestId());
        }
        if ((r.status() == 202 || r.status() == 201) && (status != null || location != null)) {
            Optional<Duration> ra = RetryAfter.parse(r::header, now);
            Instant next = now.plus(operationPolicy.nextDelay(0, ra));
            PollState s = new PollState(OperationStatus.IN_PROGRESS, status, location, ra.orElse(null),
                    OperationUrls.operationIdOf(status != null ? status : location), null, next, 0, null);
            LOG.debugf("adhoc backup of %s accepted (%d), operation %s", instanceId, r.status(), s.operationId());
            return new AdhocBackupPoller(transport, clock, sleeper, operationPolicy, s, null, r.correlationId(),
                    instanceId);
        }
        if (r.status() == 202 || r.status() == 201) {
            throw AdhocBackupPoller.pollingFailure("the service accepted the adhoc backup (202) but sent neither "
                    + "Azure-AsyncOperation nor Location, so it cannot be followed; look for the job in the vault", r);
        }
        Optional<OperationJobExtendedInfo> info = OperationUrls.jobInfo(OperationUrls.readTree(r));
        if (info.isEmpty()) {
            throw AdhocBackupPoller.pollingFailure("the adhoc backup answered " + r.status()
                    + " without a jobId in the body and without polling headers", r);
        }
        PollState s = new PollState(OperationStatus.SUCCEEDED, null, null, null, null, info.get().jobId(), null, 0,
                null);
        return new AdhocBackupPoller(transport, clock, sleeper, operationPolicy, s, info.get(), r.correlationId(),
                instanceId);
    }

    /** A poller continuing from a {@link ResumeToken} (no request is made yet). */
    public AdhocBackupPoller resume(ResumeToken token) {
        PollState s = new PollState(OperationStatus.IN_PROGRESS, token.statusUrl(), token.locationUrl(), null,
                token.operationId() != null ? token.operationId()
                        : OperationUrls.operationIdOf(token.statusUrl() != null ? token.statusUrl()
                                : token.locationUrl()),
                null, token.nextPollAt() != null ? operationPolicy.capped(clock.instant(), token.nextPollAt())
                        : clock.instant(), 0, null);
        return new AdhocBackupPoller(transport, clock, sleeper, operationPolicy, s, null, token.correlationId(),
                token.instanceId());
    }

    /**
     * Polls a backup job until it ends and yields its last state (a failed job is an item, not a failure). Fails with
     * {@code OperationTimeoutException} when {@code timeout} passes first.
     *
     * @param read reads the job once (with the client's retries)
     */
    public Uni<AzureBackupJobResource> waitForJob(BackupJobId job, Function<BackupJobId, Uni<AzureBackupJobResource>> read,
            Duration timeout, Consumer<AzureBackupJobResource> onPoll) {
        return new JobPoller(read, clock, sleeper, jobPolicy).waitFor(job, timeout, onPoll);
    }

    /**
     * Waits for the operation (at most {@code timeout}), then follows the backup job it started (at most
     * {@code timeout} again). Fails with {@link NoJobToFollowException} when the operation succeeded without naming a
     * job that can be followed.
     */
    public Uni<AzureBackupJobResource> waitForJob(AdhocBackupPoller operation,
            Function<BackupJobId, Uni<AzureBackupJobResource>> read, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return operation.waitForCompletionAsync(timeout).onItem().transformToUni(info -> {
            BackupJobId job = operation.job().orElseThrow(() -> new NoJobToFollowException(info.jobId()));
            return waitForJob(job, read, timeout, onPoll);
        });
    }
}
