package io.azdp.mock.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A seeded backup instance. {@code policyName} names a policy of the same vault. */
public record InstanceEntry(VaultEntry vault, String name, String policyName, String friendlyName,
        String currentProtectionState, String protectionStatus, String provisioningState, Map<String, String> tags,
        JsonNode dataSourceInfo, JsonNode dataSourceSetInfo) {

    public String armId() {
        return vault.armId() + "/backupInstances/" + name;
    }

    public String policyId() {
        return vault.armId() + "/backupPolicies/" + policyName;
    }
}
