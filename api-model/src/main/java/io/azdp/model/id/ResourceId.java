package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A Microsoft.DataProtection ARM resource id: a vault or one of its backup instances, policies or jobs.
 * {@link #toString()} is the canonical form
 * {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection/backupVaults/{v}[/backupInstances/{bi}|/backupPolicies/{p}|/backupJobs/{j}]}.
 */
public sealed interface ResourceId permits BackupVaultId, BackupInstanceId, BackupPolicyId, BackupJobId {
    String PROVIDER = "Microsoft.DataProtection";

    /** The vault (the id itself for a vault id). */
    BackupVaultId vault();

    /** The subscription of the vault (a vault id's own component). */
    default String subscriptionId() {
        return vault().subscriptionId();
    }

    /** The resource group of the vault (a vault id's own component). */
    default String resourceGroupName() {
        return vault().resourceGroupName();
    }

    /** The last name segment: vault, instance, policy name or job id. */
    String resourceName();

    /** The canonical ARM id. */
    @Override
    String toString();

    /** True when both ids name the same resource, comparing case-insensitively as ARM does. */
    default boolean sameResource(ResourceId other) {
        return other != null && toString().equalsIgnoreCase(other.toString());
    }

    /**
     * Parses any of the four id kinds. Segment names and the provider compare case-insensitively; a trailing '/' is
     * tolerated; names are checked with {@link ArmNames}.
     *
     * @throws InvalidResourceIdException naming the bad segment, its position and what was expected
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ResourceId parse(String id) {
        return ResourceIdParser.parse(id);
    }
}
