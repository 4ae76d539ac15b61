package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code .../backupVaults/{vault}/backupJobs/{jobId}}. */
public record BackupJobId(BackupVaultId vault, String jobId) implements ResourceId {
    static final String FORM = BackupVaultId.FORM + "/backupJobs/{jobId}";

    /** Validates the name with {@link ArmNames#requireJobGuid}. */
    public BackupJobId {
        BackupVaultId.requireVault(vault);
        ArmNames.requireJobGuid(jobId);
    }

    /** Parses a backup job id; any other kind of id is refused, saying what it is. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BackupJobId parse(String id) {
        return ResourceIdParser.parseAs(id, BackupJobId.class, "backup job", FORM);
    }

    @Override
    public String resourceName() {
        return jobId;
    }

    @Override
    @JsonValue
    public String toString() {
        return vault + "/backupJobs/" + jobId;
    }
}
