package io.azdp.mock.store;

/** A seeded resource group. */
public record ResourceGroupEntry(String subscriptionId, String name, String location) {
}
