package io.azdp.cli.common;

import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupVaultId;
import picocli.CommandLine.Option;

/** Names a backup vault: {@code --vault-id} or {@code -g} + {@code -v} (+ subscription). */
public class VaultOptions {

    @Option(names = { "--vault-id", "--backup-vault-input-object" }, paramLabel = "VAULT_ID",
            description = "Backup vault ARM id (/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection/backupVaults/{v}).")
    String vaultId;

    @Option(names = { "-g", "--resource-group-name", "--resource-group" }, paramLabel = "RG",
            description = "Resource group of the vault.")
    String resourceGroup;

    @Option(names = { "-v", "--vault-name" }, paramLabel = "VAULT", description = "Backup vault name.")
    String vaultName;

    public boolean isEmpty() {
        return vaultId == null && resourceGroup == null && vaultName == null;
    }

    public BackupVaultId resolve(CliContext context) {
        if (vaultId != null) {
            if (resourceGroup != null || vaultName != null) {
                throw CliException.usage("--vault-id: expected either --vault-id or -g/-v, not both");
            }
            return CliException.option("--vault-id", () -> BackupVaultId.parse(vaultId.strip()));
        }
        if (resourceGroup == null || vaultName == null) {
            throw CliException.usage((resourceGroup == null ? "--resource-group-name/-g" : "--vault-name/-v")
                    + ": expected the vault as -g RG -v VAULT or --vault-id VAULT_ID");
        }
        String subscription = context.requireSubscriptionId();
        CliException.option("--subscription-id", () -> ArmNames.requireSubscriptionId(subscription));
        CliException.option("-g/--resource-group-name", () -> ArmNames.requireResourceGroupName(resourceGroup));
        CliException.option("-v/--vault-name", () -> ArmNames.requireVaultName(vaultName));
        return new BackupVaultId(subscription, resourceGroup, vaultName);
    }
}
