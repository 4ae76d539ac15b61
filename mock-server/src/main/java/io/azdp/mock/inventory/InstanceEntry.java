package io.azdp.mock.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.instance.Datasource;
import java.util.Map;

/**
 * A seeded backup instance. {@code policyName} names a policy of the same vault; {@code dataSource} and
 * {@code dataSourceSet} are the api-model forms of the datasource JSON, converted once at seed time.
 */
public record InstanceEntry(VaultEntry vault, String name, String policyName, String friendlyName,
        String currentProtectionState, String protectionStatus, String provisioningState, Map<String, String> tags,
        JsonNode dataSourceInfo, JsonNode dataSourceSetInfo, Datasource dataSource, Datasource dataSourceSet) {

    public String armId() {
        return vault.armId() + "/backupInstances/" + name;
    }

    public String policyId() {
        return vault.armId() + "/backupPolicies/" + policyName;
    }
}
