package io.azdp.mock.store;

import io.azdp.mock.MockConfig;
import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.mock.inventory.Inventory;
import io.azdp.mock.inventory.PolicyEntry;
import io.azdp.mock.inventory.ResourceGroupEntry;
import io.azdp.mock.inventory.Seed;
import io.azdp.mock.inventory.SeedReader;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.lro.MockClock;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The emulator's state: the immutable {@link Inventory} (seeded resources, read by {@link SeedReader}, swapped
 * atomically on seed/reset) and the run's {@link OperationsAndJobs}, replaced together by a reset. Every lookup waits
 * for the initial seed, which the built-in seed loads off the start-up path.
 */
@ApplicationScoped
@Startup
public class MockStore {

    private static final Logger LOG = Logger.getLogger(MockStore.class);

    private final MockConfig config;
    private final MockClock clock;
    private final SeedReader seeds;
    private final AtomicReference<Inventory> inventory = new AtomicReference<>(Inventory.EMPTY);
    private final AtomicReference<OperationsAndJobs> tracked;
    private final AtomicLong jobSeq = new AtomicLong();
    private final CompletableFuture<Void> initial;

    public MockStore(MockConfig config, MockClock clock) {
        this.config = config;
        this.clock = clock;
        this.seeds = new SeedReader(config.maxSeedInstances());
        this.tracked = new AtomicReference<>(new OperationsAndJobs(config, clock));
        if (config.seedFile().isPresent()) {
            reset(); // a user's seed file fails the start when it is bad
            initial = CompletableFuture.completedFuture(null);
        } else {
            initial = CompletableFuture.runAsync(() -> {
                long t0 = System.nanoTime();
                reset();
                LOG.debugf("seeded in %d ms", (System.nanoTime() - t0) / 1_000_000);
            });
        }
    }

    /** True once the initial seed is loaded (readiness). */
    public boolean isSeeded() {
        return initial.isDone() && !initial.isCompletedExceptionally();
    }

    private void awaitSeed() {
        if (!initial.isDone()) {
            initial.join();
        }
    }

    private Inventory inv() {
        awaitSeed();
        return inventory.get();
    }

    /** The operations and jobs of the current run (a reset replaces them); look them up per request. */
    public OperationsAndJobs tracked() {
        awaitSeed();
        return tracked.get();
    }

    // ---------------------------------------------------------------- seeding

    /** Reloads the configured (or built-in) seed and forgets every operation and job. */
    public final void reset() {
        Seed seed = config.seedFile().isPresent()
                ? seeds.readSeedFile(Path.of(config.seedFile().get()))
                : seeds.defaultSeed();
        replace(seed);
    }

    public Seed defaultSeed() {
        return seeds.defaultSeed();
    }

    /** Parses YAML or JSON; a bad document is a 400 InvalidSeed naming the problem. */
    public Seed parseSeed(byte[] content) {
        return seeds.parseSeed(content);
    }

    /** Replaces the inventory and clears operations and jobs. */
    public Inventory replace(Seed seed) {
        Inventory next = seeds.build(seed);
        inventory.set(next);
        tracked.set(new OperationsAndJobs(config, clock));
        LOG.debugf("seeded %d vault(s)", next.vaults().size());
        return next;
    }

    /** Adds the seed's resources to the current inventory (same names replace), keeping operations and jobs. */
    public Inventory merge(Seed extra) {
        synchronized (inventory) {
            Seed current = inv().seed();
            List<Seed.Subscription> all = new ArrayList<>(current.subscriptions());
            all.addAll(extra.subscriptions());
            Inventory next = seeds.build(new Seed(all));
            inventory.set(next);
            return next;
        }
    }

    // ---------------------------------------------------------------- lookups

    public Inventory inventory() {
        return inv();
    }

    public boolean hasSubscription(String sub) {
        return inv().subscriptions().contains(sub.toLowerCase(Locale.ROOT));
    }

    public Optional<ResourceGroupEntry> resourceGroup(String sub, String rg) {
        return Optional.ofNullable(inv().resourceGroups().get(Inventory.key(sub, rg)));
    }

    public Optional<VaultEntry> vault(String sub, String rg, String vault) {
        return Optional.ofNullable(inv().vaults().get(Inventory.key(sub, rg, vault)));
    }

    public Collection<VaultEntry> vaults() {
        return inv().vaults().values();
    }

    public Collection<PolicyEntry> policies(VaultEntry vault) {
        return inv().policies().getOrDefault(vault.key(), Map.of()).values();
    }

    public Optional<PolicyEntry> policy(VaultEntry vault, String name) {
        return Optional.ofNullable(inv().policies().getOrDefault(vault.key(), Map.of())
                .get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<InstanceEntry> instances(VaultEntry vault) {
        return inv().instances().getOrDefault(vault.key(), Map.of()).values();
    }

    public Optional<InstanceEntry> instance(VaultEntry vault, String name) {
        return Optional.ofNullable(inv().instances().getOrDefault(vault.key(), Map.of())
                .get(name.toLowerCase(Locale.ROOT)));
    }

    // ---------------------------------------------------------------- ids

    public long nextJobSeq() {
        return jobSeq.incrementAndGet();
    }

    public static String newJobGuid() {
        return UUID.randomUUID().toString();
    }
}
