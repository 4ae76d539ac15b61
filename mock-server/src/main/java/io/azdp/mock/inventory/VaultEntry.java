package io.azdp.mock.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A seeded backup vault. Names keep the seed's casing; lookups are case-insensitive. */
public record VaultEntry(String subscriptionId, String resourceGroup, String name, String location,
        Map<String, String> tags, JsonNode identity, JsonNode properties) {

    public String armId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.DataProtection/backupVaults/" + name;
    }

    public String key() {
        return Inventory.key(subscriptionId, resourceGroup, name);
    }
}
