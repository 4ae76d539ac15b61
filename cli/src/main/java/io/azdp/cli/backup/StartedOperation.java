package io.azdp.cli.backup;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.PollState;
import io.azdp.model.id.BackupInstanceId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code --no-wait} prints, enough for a script to follow up with {@code azdp operation wait}. */
@RegisterForReflection
public record StartedOperation(String backupInstanceId, String operationId, String status, String azureAsyncOperation,
        String location, Long retryAfterSeconds, String jobId, String resumeToken) {

    static StartedOperation of(AdhocBackupPoller poller, BackupInstanceId instance) {
        PollState s = poller.state();
        return new StartedOperation(instance.toString(), s.operationId(), s.status() == null ? null : s.status().value(),
                s.statusUrl() == null ? null : s.statusUrl().toString(),
                s.locationUrl() == null ? null : s.locationUrl().toString(),
                s.retryAfter() == null ? null : s.retryAfter().toSeconds(),
                poller.finalResult().map(r -> r.jobId()).orElse(s.jobId()), poller.resumeTokenIfAny().orElse(null));
    }
}
