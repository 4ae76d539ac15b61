package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code .../backupVaults/{vault}/backupInstances/{backupInstanceName}}. */
public record BackupInstanceId(BackupVaultId vault, String backupInstanceName) implements ResourceId {
    static final String FORM = BackupVaultId.FORM + "/backupInstances/{backupInstanceName}";

    /** Validates the name with {@link ArmNames#requireBackupInstanceName}. */
    public BackupInstanceId {
        BackupVaultId.requireVault(vault);
        ArmNames.requireBackupInstanceName(backupInstanceName);
    }

    /** Parses a backup instance id; any other kind of id is refused, saying what it is. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BackupInstanceId parse(String id) {
        return ResourceIdParser.parseAs(id, BackupInstanceId.class, "backup instance", FORM);
    }

    public static BackupInstanceId of(String subscriptionId, String resourceGroupName, String vaultName, String name) {
        return new BackupInstanceId(new BackupVaultId(subscriptionId, resourceGroupName, vaultName), name);
    }

    @Override
    public String resourceName() {
        return backupInstanceName;
    }

    @Override
    @JsonValue
    public String toString() {
        return vault + "/backupInstances/" + backupInstanceName;
    }
}
