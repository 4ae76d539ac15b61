package io.azdp.mock.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The seed file format (YAML or JSON): subscriptions, resource groups, vaults, policies, backup instances.
 * See docs/mock-server.md and the default seed {@code azdp-mock-seed.yaml}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = false)
public record Seed(List<Subscription> subscriptions) {

    @RegisterForReflection
    public record Subscription(String subscriptionId, List<ResourceGroup> resourceGroups) {
    }

    @RegisterForReflection
    public record ResourceGroup(String name, String location, List<Vault> vaults) {
    }

    /** {@code properties} is the BackupVault JSON (optional; a default LocallyRedundant vault is built). */
    @RegisterForReflection
    public record Vault(String name, String location, Map<String, String> tags, JsonNode identity, JsonNode properties,
            List<Policy> policies, List<Instance> instances) {
    }

    /** {@code properties} is the BaseBackupPolicy JSON exactly as ARM returns it. */
    @RegisterForReflection
    public record Policy(String name, JsonNode properties) {
    }

    /**
     * A backup instance. {@code policy} names a policy of the same vault. With {@code count: N} the entry expands to
     * N instances named {@code <name>-1 .. <name>-N}. {@code dataSourceInfo}/{@code dataSourceSetInfo} are optional
     * Datasource JSON; a blob-storage datasource is made up when absent.
     */
    @RegisterForReflection
    public record Instance(String name, String policy, String friendlyName, String currentProtectionState,
            String protectionStatus, String provisioningState, Map<String, String> tags, JsonNode dataSourceInfo,
            JsonNode dataSourceSetInfo, Integer count) {
    }
}
