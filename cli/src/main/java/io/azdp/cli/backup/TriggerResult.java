package io.azdp.cli.backup;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.id.BackupJobId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a finished trigger prints: the service's {@code OperationJobExtendedInfo} plus the job id in both forms.
 *
 * @param jobId the raw {@code jobId} the service returned (bare GUID or full ARM id)
 * @param jobGuid the job GUID alone, or null when the service's job id is not one the client can read
 * @param jobResourceId the full job ARM id, or null likewise
 */
@RegisterForReflection
public record TriggerResult(String objectType, String jobId, String jobGuid, String jobResourceId) {

    /** The result of {@code operation}, which has succeeded with {@code info}. */
    static TriggerResult of(AdhocBackupPoller operation, OperationJobExtendedInfo info) {
        BackupJobId job = operation.job().orElse(null);
        return new TriggerResult(info.objectType(), info.jobId(), job == null ? null : job.jobId(),
                job == null ? null : job.toString());
    }
}
