package io.azdp.mock.lro;

import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.model.job.JobStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One backup job started by an accepted adhoc-backup trigger. Immutable; its status is a function of the clock:
 * {@code InProgress} until {@code start + duration}, then {@code outcome}.
 */
public record BackupJob(String guid, long seq, InstanceEntry instance, String ruleName, String retentionTag,
        Instant start, Duration duration, String outcome, String activityId) {

    public String armId() {
        return instance.vault().armId() + "/backupJobs/" + guid;
    }

    /** Epoch millis (emulator clock) at which the job is finished. */
    public long doneAtMillis() {
        return endMillis(start, duration);
    }

    /** {@code start + duration} in epoch millis, saturating instead of overflowing. */
    static long endMillis(Instant start, Duration duration) {
        try {
            return Math.addExact(start.toEpochMilli(), duration.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    public boolean isDone(Instant now) {
        return !now.isBefore(start.plus(duration));
    }

    public String status(Instant now) {
        return isDone(now) ? outcome : JobStatus.IN_PROGRESS.value();
    }

    public Instant endTime(Instant now) {
        return isDone(now) ? start.plus(duration) : null;
    }

    /** Elapsed time while running (the real service shows PT0S there; we show progress), total when done. */
    public Duration elapsed(Instant now) {
        if (isDone(now)) {
            return duration;
        }
        return Duration.ZERO;
    }
}
