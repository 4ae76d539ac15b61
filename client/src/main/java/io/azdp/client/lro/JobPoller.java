package io.azdp.client.lro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.azdp.client.error.OperationTimeoutException;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import io.smallrye.mutiny.Multi;
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
    private volatile JobStatus lastStatus;

    JobPoller(Function<BackupJobId, Uni<AzureBackupJobResource>> read, Clock clock, Sleeper sleeper,
            PollingPolicy policy) {
        this.read = read;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
    }

    Uni<AzureBackupJobResource> waitFor(BackupJobId job, Duration timeout, Consumer<AzureBackupJobResource> onPoll) {
        // one read per repetition of a Multi (not a Uni chained inside the last read, which nested one subscriber
        // per poll and overflowed the stack after many fast polls)
        return Uni.createFrom().deferred(() -> {
            Instant deadline = clock.instant().plus(timeout);
            AtomicInteger polls = new AtomicInteger();
            return Multi.createBy().repeating().uni(() -> step(job, deadline, timeout, onPoll, polls.getAndIncrement()))
                    .whilst(j -> !isTerminal(j))
                    .collect().last();
        });
    }

    private static boolean isTerminal(AzureBackupJobResource j) {
        JobStatus status = j.properties() == null ? null : j.properties().status();
        return status != null && status.isTerminal();
    }

    /** Waits the interval before every read but the first, then reads the job once. */
    private Uni<AzureBackupJobResource> step(BackupJobId id, Instant deadline, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll, int polls) {
        Uni<Void> before = Uni.createFrom().voidItem();
        if (polls > 0) {
            Duration delay = policy.nextDelay(polls - 1, Optional.empty());
            if (clock.instant().plus(delay).isAfter(deadline)) {
                return Uni.createFrom().failure(new OperationTimeoutException("backup job " + id.jobId()
                        + " did not finish within " + timeout + " (last status: " + lastStatus
                        + "); it keeps running", lastStatus == null ? null : lastStatus.value(), null));
            }
            before = sleeper.sleep(delay);
        }
        return before.onItem().transformToUni(x -> {
            // a read that retries inside must not carry the wait far past its deadline
            Duration left = Duration.between(clock.instant(), deadline).plus(AdhocBackupPoller.DEADLINE_GRACE);
            return read.apply(id).ifNoItem().after(left.isNegative() ? AdhocBackupPoller.DEADLINE_GRACE : left)
                    .failWith(() -> new OperationTimeoutException("backup job " + id.jobId()
                            + " did not finish within " + timeout + "; it keeps running", null, null));
        }).onItem().invoke(j -> {
            lastStatus = j.properties() == null ? null : j.properties().status();
            if (onPoll != null) {
                onPoll.accept(j);
            }
        });
    }
}
