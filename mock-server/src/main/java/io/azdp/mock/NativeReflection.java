package io.azdp.mock;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: the api-model wire types the emulator writes and reads through Jackson outside JAX-RS signatures
 * (Response entities, AzdpJson.read/convert), and the control plane's own request records.
 */
@RegisterForReflection(targets = {
        io.azdp.model.AdHocBackupRuleOptions.class,
        io.azdp.model.AdhocBackupTriggerOption.class,
        io.azdp.model.CloudError.class,
        io.azdp.model.Error.class,
        io.azdp.model.ErrorAdditionalInfo.class,
        io.azdp.model.InnerError.class,
        io.azdp.model.OperationExtendedInfo.class,
        io.azdp.model.OperationJobExtendedInfo.class,
        io.azdp.model.OperationResource.class,
        io.azdp.model.OperationStatus.class,
        io.azdp.model.TriggerBackupRequest.class,
        io.azdp.model.UnknownOperationExtendedInfo.class,
        io.azdp.model.UserFacingError.class,
        io.azdp.model.id.BackupInstanceId.class,
        io.azdp.model.id.BackupJobId.class,
        io.azdp.model.id.BackupPolicyId.class,
        io.azdp.model.id.BackupVaultId.class,
        io.azdp.model.id.JobId.class,
        io.azdp.model.id.ResourceId.class,
        io.azdp.model.instance.BackupInstance.class,
        io.azdp.model.instance.BackupInstanceResource.class,
        io.azdp.model.instance.Datasource.class,
        io.azdp.model.instance.PolicyInfo.class,
        io.azdp.model.instance.ProtectionStatusDetails.class,
        io.azdp.model.job.AzureBackupJob.class,
        io.azdp.model.job.AzureBackupJobResource.class,
        io.azdp.model.job.AzureBackupJobResourceList.class,
        io.azdp.model.job.JobExtendedInfo.class,
        io.azdp.model.job.JobStatus.class,
        io.azdp.model.job.JobSubTask.class,
        io.azdp.model.policy.AdhocBackupOptions.class,
        io.azdp.model.policy.AdhocBackupRuleOption.class,
        io.azdp.model.policy.AdhocBasedTaggingCriteria.class,
        io.azdp.model.policy.AdhocBasedTriggerContext.class,
        io.azdp.model.policy.AzureBackupRule.class,
        io.azdp.model.policy.AzureRetentionRule.class,
        io.azdp.model.policy.BackupPolicy.class,
        io.azdp.model.policy.BackupSchedule.class,
        io.azdp.model.policy.BaseBackupPolicy.class,
        io.azdp.model.policy.BaseBackupPolicyResource.class,
        io.azdp.model.policy.BaseBackupPolicyResourceList.class,
        io.azdp.model.policy.BasePolicyRule.class,
        io.azdp.model.policy.DataStoreInfoBase.class,
        io.azdp.model.policy.RetentionTag.class,
        io.azdp.model.policy.ScheduleBasedTriggerContext.class,
        io.azdp.model.policy.TaggingCriteria.class,
        io.azdp.model.policy.TriggerContext.class,
        io.azdp.model.policy.UnknownBackupPolicy.class,
        io.azdp.model.policy.UnknownPolicyRule.class,
        io.azdp.model.policy.UnknownTriggerContext.class,
        io.azdp.model.vault.BackupVault.class,
        io.azdp.model.vault.BackupVaultResource.class,
        io.azdp.model.vault.StorageSetting.class,
        io.azdp.mock.admin.AdminResource.ClockRequest.class,
        io.azdp.mock.admin.AdminResource.AuthRequest.class,
        io.azdp.mock.admin.Rule.class,
        io.azdp.mock.admin.Rule.Fault.class,
        io.azdp.mock.admin.JournalEntry.class,
        io.azdp.mock.admin.JournalEntry.Lro.class,
        io.azdp.mock.lro.Scenario.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
