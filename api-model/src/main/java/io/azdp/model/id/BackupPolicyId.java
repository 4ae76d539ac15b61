package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code .../backupVaults/{vault}/backupPolicies/{policyName}}. */
public record BackupPolicyId(BackupVaultId vault, String policyName) implements ResourceId {
    static final String FORM = BackupVaultId.FORM + "/backupPolicies/{policyName}";

    /** Validates the name with {@link ArmNames#requirePolicyName}. */
    public BackupPolicyId {
        BackupVaultId.requireVault(vault);
        ArmNames.requirePolicyName(policyName);
    }

    /** Parses a backup policy id; any other kind of id is refused, saying what it is. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BackupPolicyId parse(String id) {
        return ResourceIdParser.parseAs(id, BackupPolicyId.class, "backup policy", FORM);
    }

    @Override
    public String resourceName() {
        return policyName;
    }

    @Override
    @JsonValue
    public String toString() {
        return vault + "/backupPolicies/" + policyName;
    }
}
