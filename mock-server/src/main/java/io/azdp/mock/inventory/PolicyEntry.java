package io.azdp.mock.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicy;

/**
 * A seeded backup policy: {@code properties} is the BaseBackupPolicy JSON, {@code policy} its api-model form and
 * {@code adhocOptions} the rule names and retention tags an adhoc backup may use.
 */
public record PolicyEntry(VaultEntry vault, String name, JsonNode properties, BaseBackupPolicy policy,
        AdhocBackupOptions adhocOptions) {

    public String armId() {
        return vault.armId() + "/backupPolicies/" + name;
    }
}
