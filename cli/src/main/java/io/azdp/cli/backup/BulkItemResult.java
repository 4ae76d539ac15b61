package io.azdp.cli.backup;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One NDJSON line of a bulk run. */
@RegisterForReflection
public record BulkItemResult(int index, String source, String backupInstanceId, String status, int exitCode,
        String jobId, String operationId, String resumeToken, String error, int throttled) {
}
