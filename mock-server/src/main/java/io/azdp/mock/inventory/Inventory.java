package io.azdp.mock.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Immutable seeded resources. Keys are lower-case {@code sub|rg[|vault[|name]]} ({@link #key}). */
public record Inventory(Map<String, ResourceGroupEntry> resourceGroups, Map<String, VaultEntry> vaults,
        Map<String, Map<String, PolicyEntry>> policies, Map<String, Map<String, InstanceEntry>> instances,
        Seed seed, Set<String> subscriptions) {

    public static final Inventory EMPTY = new Inventory(Map.of(), Map.of(), Map.of(), Map.of(), new Seed(List.of()),
            Set.of());

    /** The inventory key of a resource: its name parts, lower-case, joined with {@code |}. */
    public static String key(String... parts) {
        return String.join("|", parts).toLowerCase(Locale.ROOT);
    }
}
