package io.azdp.mock.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.mock.error.CloudErrors;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.mock.inventory.PolicyEntry;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.model.AzdpJson;
import io.azdp.model.UserFacingError;
import io.azdp.model.instance.BackupInstance;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.instance.Datasource;
import io.azdp.model.instance.PolicyInfo;
import io.azdp.model.instance.ProtectionStatusDetails;
import io.azdp.model.job.AzureBackupJob;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobExtendedInfo;
import io.azdp.model.job.JobStatus;
import io.azdp.model.job.JobSubTask;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.vault.BackupVault;
import io.azdp.model.vault.BackupVaultResource;
import io.azdp.model.vault.StorageSetting;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the api-model wire resources from store entries. */
@ApplicationScoped
public class ArmViews {

    static final String VAULT_TYPE = "Microsoft.DataProtection/backupVaults";

    public BackupVaultResource vault(VaultEntry v) {
        BackupVault props;
        if (v.properties() != null && v.properties().isObject()) {
            props = AzdpJson.convert(v.properties(), BackupVault.class);
        } else {
            ObjectNode monitoring = JsonNodeFactory.instance.objectNode();
            monitoring.putObject("azureMonitorAlertSettings").put("alertsForAllJobFailures", "Enabled");
            ObjectNode security = JsonNodeFactory.instance.objectNode();
            security.putObject("softDeleteSettings").put("state", "On").put("retentionDurationInDays", 14.0);
            props = new BackupVault("Succeeded", List.of(new StorageSetting("VaultStore", "LocallyRedundant")),
                    monitoring, security, null, "Minimum", "Poor");
        }
        JsonNode identity = v.identity() != null ? v.identity()
                : JsonNodeFactory.instance.objectNode().put("type", "None");
        return new BackupVaultResource(v.armId(), v.name(), VAULT_TYPE, v.location(), v.tags(), identity, props);
    }

    public BackupInstanceResource instanceModel(InstanceEntry i) {
        Datasource ds = i.dataSource();
        Datasource dss = i.dataSourceSet();
        BackupInstance props = new BackupInstance(i.friendlyName(), ds, dss, new PolicyInfo(i.policyId(), "1.0"),
                new ProtectionStatusDetails(null, i.protectionStatus()), i.currentProtectionState(), null,
                i.provisioningState(), "BackupInstance");
        return new BackupInstanceResource(i.armId(), i.name(), VAULT_TYPE + "/backupInstances", i.tags(), props);
    }

    public BaseBackupPolicyResource policy(PolicyEntry p) {
        return new BaseBackupPolicyResource(p.armId(), p.name(), VAULT_TYPE + "/backupPolicies", p.policy());
    }

    public AzureBackupJobResource job(BackupJob job, Instant now) {
        InstanceEntry i = job.instance();
        VaultEntry v = i.vault();
        boolean done = job.isDone(now);
        String status = job.status(now);
        Instant end = job.endTime(now);
        Duration elapsed = job.elapsed(now);
        Datasource ds = i.dataSource();
        Datasource dss = i.dataSourceSet();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RetentionTag", job.retentionTag());
        details.put("PolicyRuleName", job.ruleName());
        details.put("TaskId", job.activityId());
        String completed = JobStatus.COMPLETED.value();
        String inProgress = JobStatus.IN_PROGRESS.value();
        boolean withWarnings = JobStatus.COMPLETED_WITH_WARNINGS.value().equals(status);
        String transferStatus = done ? (completed.equals(status) || withWarnings ? completed : status) : inProgress;
        List<JobSubTask> subTasks = List.of(
                new JobSubTask(null, 1, "Trigger Backup", null, completed),
                new JobSubTask(null, 2, "Transfer data to vault", null, done ? transferStatus : inProgress));
        List<UserFacingError> warnings = withWarnings ? List.of(CloudErrors.userFacing(
                "UserErrorBackupCompletedWithWarnings", "The backup completed with warnings (scripted by azdp-mock).",
                null, job.activityId(), false, List.of("Review the warnings."))) : null;
        List<UserFacingError> errors = null;
        if (JobStatus.FAILED.value().equals(status) || JobStatus.CANCELLED.value().equals(status)) {
            String code = JobStatus.FAILED.value().equals(status) ? "UserErrorBackupFailed" : "UserErrorJobCancelled";
            errors = List.of(CloudErrors.userFacing(code, "The backup job " + status.toLowerCase(java.util.Locale.ROOT)
                    + " (scripted by azdp-mock).", null, job.activityId(), JobStatus.FAILED.value().equals(status),
                    List.of("Retry the backup.")));
        }
        JobExtendedInfo ext = new JobExtendedInfo(details, i.currentProtectionState(),
                done ? Double.valueOf(1_048_576) : null, null, subTasks, warnings);
        AzureBackupJob props = new AzureBackupJob(job.activityId(), i.friendlyName(), i.armId(), ds.resourceID(),
                ds.resourceLocation(), ds.resourceName(), dss.resourceName(), ds.datasourceType(), elapsed.toString(),
                end == null ? null : end.atOffset(ZoneOffset.UTC), errors, ext, Boolean.TRUE, "Backup", "Backup",
                i.policyId(), i.policyName(), Boolean.FALSE, null, v.resourceGroup(), v.subscriptionId(),
                job.start().atOffset(ZoneOffset.UTC), JobStatus.of(status), v.subscriptionId(),
                done ? List.of() : List.of("Cancellable"), v.name(), null);
        return new AzureBackupJobResource(job.armId(), job.guid(), VAULT_TYPE + "/backupJobs", props);
    }
}
