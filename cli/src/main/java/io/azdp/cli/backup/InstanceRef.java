package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupVaultId;

/** Turns the parameter sets naming one backup instance into a {@link BackupInstanceId}. */
final class InstanceRef {
    static final String EXPECTED = "the backup instance as -g RG -v VAULT -n NAME, --id INSTANCE_ID, "
            + "or --backup-vault-input-object VAULT_ID -n NAME";

    private InstanceRef() {
    }

    static BackupInstanceId fromNames(CliContext context, String resourceGroup, String vault, String name) {
        requireName(name);
        String subscription = context.requireSubscriptionId();
        CliException.option("--subscription-id", () -> ArmNames.requireSubscriptionId(subscription));
        CliException.option("-g/--resource-group-name", () -> ArmNames.requireResourceGroupName(resourceGroup));
        CliException.option("-v/--vault-name", () -> ArmNames.requireVaultName(vault));
        CliException.option("-n/--backup-instance-name", () -> ArmNames.requireBackupInstanceName(name));
        return BackupInstanceId.of(subscription, resourceGroup, vault, name);
    }

    static BackupInstanceId fromVault(String vaultId, String name) {
        requireName(name);
        BackupVaultId vault = CliException.option("--backup-vault-input-object",
                () -> BackupVaultId.parse(vaultId.strip()));
        CliException.option("-n/--backup-instance-name", () -> ArmNames.requireBackupInstanceName(name));
        return vault.instance(name);
    }

    private static void requireName(String name) {
        if (name == null) {
            throw CliException.usage("--backup-instance-name/-n: expected the backup instance name");
        }
    }
}
