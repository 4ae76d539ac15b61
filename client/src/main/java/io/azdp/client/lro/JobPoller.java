package io.azdp.client.lro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.azdp.client.error.OperationTimeoutException;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import io.smallrye.mutiny.Uni;

/**
 * Follows a backup job to {@code Completed}, {@code CompletedWithWarnings}, {@code Failed} or {@code Cancelled}: reads
 * it, waits the job interval (growing by half per poll up to the cap), reads again. Jobs have no Retry-After.
 */
final class JobPoller {
    private final Function<BackupJobId, Uni<AzureBackupJobResource>> read;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PollingPolicy policy;

    JobPoller(Function<BackupJobId, Uni<AzureBackupJobResource>> read, Clock clock, Sleeper sleeper,
            PollingPolicy policy) {
        this.read = read;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
    }

    Uni<AzureBackupJobResource> waitFor(BackupJobId job, Duration timeout, Consumer<AzureBackupJobResource> onPoll) {
        return Uni.createFrom().deferred(() -> loop(job, clock.instant().plus(timeout), timeout, onPoll, 0));
    }

    private Uni<AzureBackupJobResource> loop(BackupJobId id, Instant deadline, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll, int polls) {
        // a read that retries inside must not carry the wait far past its deadline
        Duration left = Duration.between(clock.instant(), deadline).plus(AdhocBackupPoller.DEADLINE_GRACE);
        return read.apply(id).ifNoItem().after(left.isNegative() ? AdhocBackupPoller.DEADLINE_GRACE : left)
                .failWith(() -> new OperationTimeoutException("backup job " + id.jobId() + " did not finish within "
                        + timeout + "; it keeps running", null, null))
                .onItem().transformToUni(j -> {
                    if (onPoll != null) {
                        onPoll.accept(j);
                    }
                    JobStatus status = j.properties() == null ? null : j.properties().status();
                    if (status != null && status.isTerminal()) {
                        return Uni.createFrom().item(j);
                    }
                    Duration delay = policy.nextDelay(polls, Optional.empty());
                    if (clock.instant().plus(delay).isAfter(deadline)) {
                        return Uni.createFrom().failure(new OperationTimeoutException("backup job " + id.jobId()
                                + " did not finish within " + timeout + " (last status: " + status
                                + "); it keeps running", status == null ? null : status.value(), null));
                    }
                    return sleeper.sleep(delay).onItem()
                            .transformToUni(x -> loop(id, deadline, timeout, onPoll, polls + 1));
                });
    }
}
