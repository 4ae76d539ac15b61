package io.azdp.cli.backup;

import io.azdp.client.error.UnfollowableOperationException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.PollState;
import io.azdp.model.id.BackupInstanceId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code --no-wait} prints, enough for a script to follow up with {@code azdp operation wait}. */
@RegisterForReflection
public record StartedOperation(String backupInstanceId, String operationId, String status, String azureAsyncOperation,
        String location, Long retryAfterSeconds, String jobId, String resumeToken) {

    /** What is known of a backup the service accepted with polling URLs azdp cannot follow: the raw values. */
    static StartedOperation unfollowable(BackupInstanceId instance, UnfollowableOperationException e) {
        return new StartedOperation(instance.toString(), null, "Accepted", e.rawAzureAsyncOperation(), e.rawLocation(),
                null, e.jobId(), null);
    }

    static StartedOperation of(AdhocBackupPoller poller, BackupInstanceId instance) {
        PollState s = poller.state();
        return new StartedOperation(instance.toString(), s.operationId(), s.status() == null ? null : s.status().value(),
                s.statusUrl() == null ? null : s.statusUrl().toString(),
                s.locationUrl() == null ? null : s.locationUrl().toString(),
                s.retryAfter() == null ? null : s.retryAfter().toSeconds(),
                poller.finalResult().map(r -> r.jobId()).orElse(s.jobId()), poller.resumeTokenIfAny().orElse(null));
    }
}
