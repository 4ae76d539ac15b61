package io.azdp.mock.arm;

import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.store.MockStore;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.arm.ArmPaths;
import io.azdp.model.id.ArmNames;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reads a client needs before it triggers: vaults, backup instances and backup policies from the seeded
 * inventory.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft.DataProtection (emulated)", description = "ARM surface of the adhoc-backup flow")
@NonBlocking
public class InventoryResource {

    private final MockStore store;
    private final ArmValidator validator;
    private final ArmViews views;

    public InventoryResource(MockStore store, ArmValidator validator, ArmViews views) {
        this.store = store;
        this.validator = validator;
        this.views = views;
    }

    // ------------------------------------------------------------------ reads

    @GET
    @Path(ArmPaths.VAULT)
    public Object vault(@PathParam("subscriptionId") String sub, @PathParam("resourceGroupName") String rg,
            @PathParam("vaultName") String vaultName, @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        return views.vault(validator.vault(sub, rg, vaultName));
    }

    @GET
    @Path(ArmPaths.BACKUP_VAULTS)
    public Map<String, Object> vaults(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        var group = validator.resourceGroup(sub, rg);
        List<Object> value = new ArrayList<>();
        for (VaultEntry v : store.vaults()) {
            if (v.subscriptionId().equalsIgnoreCase(group.subscriptionId())
                    && v.resourceGroup().equalsIgnoreCase(group.name())) {
                value.add(views.vault(v));
            }
        }
        return Map.of("value", value);
    }

    @GET
    @Path(ArmPaths.BACKUP_INSTANCE)
    public Object instance(@PathParam("subscriptionId") String sub, @PathParam("resourceGroupName") String rg,
            @PathParam("vaultName") String vaultName, @PathParam("backupInstanceName") String instanceName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        String name = validator.name(ArmNames::requireBackupInstanceName, instanceName);
        return views.instanceModel(store.instance(vault, name).orElseThrow(() -> validator.notFound(
                "backupVaults/backupInstances", vault.name() + "/" + name, vault.resourceGroup())));
    }

    @GET
    @Path(ArmPaths.BACKUP_INSTANCES)
    public Map<String, Object> instances(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        List<Object> value = new ArrayList<>();
        for (InstanceEntry i : store.instances(vault)) {
            value.add(views.instanceModel(i));
        }
        return Map.of("value", value);
    }

    @GET
    @Path(ArmPaths.BACKUP_POLICY)
    public BaseBackupPolicyResource policy(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupPolicyName") String policyName, @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        String name = validator.name(ArmNames::requirePolicyName, policyName);
        return views.policy(store.policy(vault, name).orElseThrow(() -> validator.notFound(
                "backupVaults/backupPolicies", vault.name() + "/" + name, vault.resourceGroup())));
    }

    @GET
    @Path(ArmPaths.BACKUP_POLICIES)
    public BaseBackupPolicyResourceList policies(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        return new BaseBackupPolicyResourceList(store.policies(vault).stream().map(views::policy).toList(), null);
    }
}
