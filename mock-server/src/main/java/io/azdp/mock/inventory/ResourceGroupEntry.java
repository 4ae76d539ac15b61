package io.azdp.mock.inventory;

/** A seeded resource group. */
public record ResourceGroupEntry(String subscriptionId, String name, String location) {
}
