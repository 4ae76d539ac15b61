package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection/backupVaults/{vault}}. */
public record BackupVaultId(String subscriptionId, String resourceGroupName, String vaultName) implements ResourceId {
    static final String FORM = ResourceIdParser.VAULT_FORM;

    /** Validates every part with {@link ArmNames}. */
    public BackupVaultId {
        ArmNames.requireSubscriptionId(subscriptionId);
        ArmNames.requireResourceGroupName(resourceGroupName);
        ArmNames.requireVaultName(vaultName);
    }

    /** Parses a vault id. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BackupVaultId parse(String id) {
        return ResourceIdParser.parseAs(id, BackupVaultId.class, "backup vault", FORM);
    }

    public static BackupVaultId of(String subscriptionId, String resourceGroupName, String vaultName) {
        return new BackupVaultId(subscriptionId, resourceGroupName, vaultName);
    }

    public BackupInstanceId instance(String name) {
        return new BackupInstanceId(this, name);
    }

    public BackupPolicyId policy(String name) {
        return new BackupPolicyId(this, name);
    }

    public BackupJobId job(String guid) {
        return new BackupJobId(this, guid);
    }

    @Override
    public BackupVaultId vault() {
        return this;
    }

    @Override
    public String resourceName() {
        return vaultName;
    }

    @Override
    @JsonValue
    public String toString() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName + "/providers/"
                + PROVIDER + "/backupVaults/" + vaultName;
    }

    static BackupVaultId requireVault(BackupVaultId vault) {
        return Objects.requireNonNull(vault, "vault");
    }
}
