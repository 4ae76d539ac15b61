package io.azdp.cli.backup;

import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.ValidationException;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a finished trigger prints: the service's {@code OperationJobExtendedInfo} plus the job id in both forms.
 *
 * @param jobId the raw {@code jobId} the service returned (bare GUID or full ARM id)
 * @param jobGuid the job GUID alone
 * @param jobResourceId the full job ARM id
 */
@RegisterForReflection
public record TriggerResult(String objectType, String jobId, String jobGuid, String jobResourceId) {

    static TriggerResult of(OperationJobExtendedInfo info, BackupVaultId vault) {
        String raw = info.jobId();
        if (raw == null) {
            return new TriggerResult(info.objectType(), null, null, null);
        }
        try {
            JobId id = JobId.parse(raw);
            String arm = id.armId().map(Object::toString).orElseGet(() -> id.toArmId(vault).toString());
            return new TriggerResult(info.objectType(), raw, id.guid(), arm);
        } catch (ValidationException e) {
            String guid = raw.substring(raw.lastIndexOf('/') + 1);
            return new TriggerResult(info.objectType(), raw, guid, vault + "/backupJobs/" + guid);
        }
    }
}
