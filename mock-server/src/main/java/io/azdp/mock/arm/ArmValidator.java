package io.azdp.mock.arm;

import io.azdp.mock.error.ArmException;
import io.azdp.mock.store.MockStore;
import io.azdp.mock.inventory.ResourceGroupEntry;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.UnaryOperator;

/**
 * ARM's request checks in ARM's order after the api-version (checked before any resource method by
 * {@link ApiVersionFilter}): subscription, names, resource group, vault.
 */
@ApplicationScoped
public class ArmValidator {

    private final MockStore store;

    public ArmValidator(MockStore store) {
        this.store = store;
    }

    public void subscription(String sub) {
        if (!ArmNames.isUuid(sub)) {
            throw ArmException.badRequest("InvalidSubscriptionId", "The provided subscription identifier '" + sub
                    + "' is malformed or invalid: expected a UUID such as 00000000-0000-0000-0000-000000000000.");
        }
        if (!store.hasSubscription(sub)) {
            throw ArmException.notFound("SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
        }
    }

    public ResourceGroupEntry resourceGroup(String sub, String rg) {
        subscription(sub);
        String name = name(ArmNames::requireResourceGroupName, rg);
        return store.resourceGroup(sub, name).orElseThrow(() -> ArmException.notFound("ResourceGroupNotFound",
                "Resource group '" + name + "' could not be found."));
    }

    public VaultEntry vault(String sub, String rg, String vault) {
        ResourceGroupEntry group = resourceGroup(sub, rg);
        String name = name(ArmNames::requireVaultName, vault);
        return store.vault(sub, group.name(), name).orElseThrow(() -> notFound("backupVaults", name, group.name()));
    }

    /** Checks a name with an ArmNames rule; 400 naming the field and the rule. */
    public String name(UnaryOperator<String> rule, String value) {
        try {
            return rule.apply(value);
        } catch (ValidationException e) {
            throw new ArmException(400, "InvalidResourceName", e.getMessage(), e.field(), null);
        }
    }

    public ArmException notFound(String type, String name, String resourceGroup) {
        return ArmException.notFound("ResourceNotFound", "The Resource 'Microsoft.DataProtection/" + type + "/" + name
                + "' under resource group '" + resourceGroup + "' was not found. For more details please go to"
                + " https://aka.ms/ARMResourceNotFoundFix");
    }
}
