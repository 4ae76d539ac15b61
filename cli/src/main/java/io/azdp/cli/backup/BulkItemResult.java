package io.azdp.cli.backup;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One NDJSON line of a bulk run. {@code status}: {@code Succeeded}, {@code Started} (--no-wait), {@code Failed},
 * {@code Throttled} (not started: the service asked to wait until {@code retryAt}, longer than the run pauses for),
 * {@code PollingFailed} (started, but azdp could not follow it to its end: resume it with {@code resumeToken}, never
 * send it again), and on an interrupt {@code Started}, {@code InFlight}, {@code NotSent}. {@code jobStatus} is the
 * backup job's final status with {@code --wait-for-job}, else null; {@code throttled} counts the 429 responses to the
 * item's requests (its POST, every re-send of it, and its polls).
 */
@RegisterForReflection
public record BulkItemResult(int index, String source, String backupInstanceId, String status, int exitCode,
        String jobId, String jobStatus, String operationId, String resumeToken, String error, int throttled,
        String retryAt) {
}
