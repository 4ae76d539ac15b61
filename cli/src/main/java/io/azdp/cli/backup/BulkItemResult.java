package io.azdp.cli.backup;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One NDJSON line of a bulk run; {@code jobStatus} is the backup job's final status with {@code --wait-for-job}, else
 * null.
 */
@RegisterForReflection
public record BulkItemResult(int index, String source, String backupInstanceId, String status, int exitCode,
        String jobId, String jobStatus, String operationId, String resumeToken, String error, int throttled) {
}
