package io.azdp.mock.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.lro.Operation;
import io.azdp.model.AzdpJson;
import io.azdp.model.instance.Datasource;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicy;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The emulator's state: an immutable inventory (seeded resources, swapped atomically on seed/reset) plus the
 * concurrent maps of operations and jobs, keyed by their ids so parallel tests never see each other's state.
 */
@ApplicationScoped
@Startup
public class MockStore {

    private static final Logger LOG = Logger.getLogger(MockStore.class);
    public static final String DEFAULT_SEED = "azdp-mock-seed.yaml";
    private static final Pattern UUID_RE =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final MockConfig config;
    private final MockClock clock;
    private final AtomicReference<Inventory> inventory = new AtomicReference<>(Inventory.EMPTY);
    private final AtomicReference<Runtime> runtime;
    private final AtomicLong jobSeq = new AtomicLong();

    public MockStore(MockConfig config, MockClock clock) {
        this.config = config;
        this.clock = clock;
        this.runtime = new AtomicReference<>(newRuntime());
        if (config.seedFile().isPresent()) {
            reset(); // a user's seed file fails the start when it is bad
            initial = CompletableFuture.completedFuture(null);
        } else {
            // the built-in seed loads off the start-up path; readiness (and every lookup) waits for it
            initial = CompletableFuture.runAsync(() -> {
                long t0 = System.nanoTime();
                reset();
                LOG.debugf("seeded in %d ms", (System.nanoTime() - t0) / 1_000_000);
            });
        }
    }

    private final CompletableFuture<Void> initial;

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

    private Runtime rt() {
        awaitSeed();
        return runtime.get();
    }

    /** Immutable seeded resources. Keys are lower-case {@code sub|rg[|vault[|name]]}. */
    public record Inventory(Map<String, ResourceGroupEntry> resourceGroups, Map<String, VaultEntry> vaults,
            Map<String, Map<String, PolicyEntry>> policies, Map<String, Map<String, InstanceEntry>> instances,
            Seed seed, java.util.Set<String> subscriptions) {
        static final Inventory EMPTY = new Inventory(Map.of(), Map.of(), Map.of(), Map.of(), new Seed(List.of()),
                java.util.Set.of());
    }

    /** Mutable per-run state; replaced as a whole by reset. Admission and eviction hold its lock. */
    static final class Runtime {
        final Retained<Operation> operations;
        final Retained<BackupJob> jobs;
        final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, BackupJob>> vaultJobs =
                new ConcurrentHashMap<>();
        final AtomicLong refused = new AtomicLong();
        boolean refusing;
        boolean evicting;

        Runtime(int cap, long windowMillis) {
            operations = new Retained<>(cap, windowMillis, slot -> slot.value.doneAtMillis());
            // a job also stays while the operation that started it is held and not finished: its client will ask
            jobs = new Retained<>(cap, windowMillis, slot -> {
                long done = slot.value.doneAtMillis();
                Retained.Slot<?> op = slot.partner;
                if (op != null && !op.evicted) {
                    done = Math.max(done, ((Operation) op.value).doneAtMillis());
                }
                return done;
            });
        }
    }

    private Runtime newRuntime() {
        return new Runtime(config.maxJobs(), config.retentionWindow().toMillis());
    }

    public static String key(String... parts) {
        return String.join("|", parts).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- seeding

    /** Reloads the configured (or built-in) seed and forgets every operation and job. */
    public final void reset() {
        Seed seed = config.seedFile().isPresent()
                ? readSeedFile(Path.of(config.seedFile().get()))
                : defaultSeed();
        replace(seed);
    }

    public Seed defaultSeed() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_SEED)) {
            if (in == null) {
                throw new IllegalStateException("default seed " + DEFAULT_SEED + " missing from the classpath");
            }
            return parseSeed(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Seed readSeedFile(Path file) {
        try {
            return parseSeed(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.seed-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML or JSON; a bad document is a 400 InvalidSeed naming the problem. */
    public Seed parseSeed(byte[] content) {
        try {
            Seed seed = yaml.readValue(content, Seed.class);
            if (seed == null || seed.subscriptions() == null) {
                throw new ArmException(400, "InvalidSeed", "seed: expected an object with 'subscriptions'");
            }
            return seed;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ArmException(400, "InvalidSeed", "seed: " + msg);
        }
    }

    /** Replaces the inventory and clears operations and jobs. */
    public Inventory replace(Seed seed) {
        Inventory next = build(seed);
        inventory.set(next);
        runtime.set(newRuntime());
        LOG.debugf("seeded %d vault(s)", next.vaults().size());
        return next;
    }

    /** Adds the seed's resources to the current inventory (same names replace), keeping operations and jobs. */
    public Inventory merge(Seed extra) {
        synchronized (inventory) {
            Seed current = inv().seed();
            List<Seed.Subscription> all = new ArrayList<>(current.subscriptions());
            all.addAll(extra.subscriptions());
            Inventory next = build(new Seed(all));
            inventory.set(next);
            return next;
        }
    }

    /** Refuses, before building anything, a seed whose instances ({@code count} expanded) exceed the limit. */
    private void checkSize(Seed seed) {
        long total = 0;
        Seed.Instance largest = null;
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            for (Seed.ResourceGroup rg : nn(sub == null ? null : sub.resourceGroups())) {
                for (Seed.Vault v : nn(rg == null ? null : rg.vaults())) {
                    for (Seed.Instance i : nn(v == null ? null : v.instances())) {
                        int n = i == null || i.count() == null || i.count() <= 0 ? 1 : i.count();
                        total += n;
                        if (i != null && (largest == null || n > (largest.count() == null ? 1 : largest.count()))) {
                            largest = i;
                        }
                    }
                }
            }
        }
        if (total > config.maxSeedInstances()) {
            throw new ArmException(400, "InvalidSeed", "seed: the instances expand to " + total
                    + " backup instances (the largest, '" + largest.name() + "', has count " + largest.count()
                    + "); azdp-mock holds at most " + config.maxSeedInstances() + " (azdp.mock.max-seed-instances)");
        }
    }

    private Inventory build(Seed seed) {
        checkSize(seed);
        Map<String, ResourceGroupEntry> rgs = new LinkedHashMap<>();
        Map<String, VaultEntry> vaults = new LinkedHashMap<>();
        Map<String, Map<String, PolicyEntry>> policies = new LinkedHashMap<>();
        Map<String, Map<String, InstanceEntry>> instances = new LinkedHashMap<>();
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            present(sub, "subscriptions[]");
            String s = require(sub.subscriptionId(), "subscriptions[].subscriptionId");
            if (!UUID_RE.matcher(s).matches()) {
                throw new ArmException(400, "InvalidSeed", "seed: subscriptionId: expected a UUID, got '" + s + "'");
            }
            for (Seed.ResourceGroup rg : nn(sub.resourceGroups())) {
                present(rg, "resourceGroups[]");
                String rgName = require(rg.name(), "resourceGroups[].name");
                String location = rg.location() == null ? "westus" : rg.location();
                rgs.put(key(s, rgName), new ResourceGroupEntry(s, rgName, location));
                for (Seed.Vault v : nn(rg.vaults())) {
                    present(v, "vaults[]");
                    String vName = require(v.name(), "vaults[].name");
                    VaultEntry vault = new VaultEntry(s, rgName, vName, v.location() == null ? location : v.location(),
                            v.tags(), v.identity(), v.properties());
                    vaults.put(vault.key(), vault);
                    Map<String, PolicyEntry> ps = policies.computeIfAbsent(vault.key(), k -> new LinkedHashMap<>());
                    for (Seed.Policy p : nn(v.policies())) {
                        present(p, "policies[]");
                        String pName = require(p.name(), "policies[].name");
                        if (p.properties() == null || !p.properties().isObject()) {
                            throw new ArmException(400, "InvalidSeed",
                                    "seed: policy '" + pName + "': expected 'properties' with the BaseBackupPolicy JSON");
                        }
                        BaseBackupPolicy model;
                        try {
                            model = AzdpJson.convert(p.properties(), BaseBackupPolicy.class);
                        } catch (RuntimeException e) {
                            throw new ArmException(400, "InvalidSeed", "seed: policy '" + pName + "': "
                                    + e.getMessage());
                        }
                        ps.put(pName.toLowerCase(Locale.ROOT), new PolicyEntry(vault, pName, p.properties(), model,
                                AdhocBackupOptions.from(model)));
                    }
                    Map<String, InstanceEntry> is = instances.computeIfAbsent(vault.key(), k -> new LinkedHashMap<>());
                    for (Seed.Instance i : nn(v.instances())) {
                        present(i, "instances[]");
                        String iName = require(i.name(), "instances[].name");
                        String policy = require(i.policy(), "instances[" + iName + "].policy");
                        if (!ps.containsKey(policy.toLowerCase(Locale.ROOT))) {
                            throw new ArmException(400, "InvalidSeed", "seed: instance '" + iName + "': policy '"
                                    + policy + "' is not a policy of vault '" + vName + "'; expected one of "
                                    + ps.values().stream().map(PolicyEntry::name).toList());
                        }
                        int count = i.count() == null ? 0 : i.count();
                        List<String> names = new ArrayList<>();
                        if (count <= 0) {
                            names.add(iName);
                        } else {
                            for (int n = 1; n <= count; n++) {
                                names.add(iName + "-" + n);
                            }
                        }
                        for (String name : names) {
                            JsonNode ds = or(i.dataSourceInfo(), datasource(vault, name, "Datasource"));
                            JsonNode dss = or(i.dataSourceSetInfo(), datasource(vault, name, "DatasourceSet"));
                            InstanceEntry entry = new InstanceEntry(vault, name, ps.get(policy.toLowerCase(Locale.ROOT))
                                    .name(), i.friendlyName() == null ? name : i.friendlyName(),
                                    or(i.currentProtectionState(), "ProtectionConfigured"),
                                    or(i.protectionStatus(), or(i.currentProtectionState(), "ProtectionConfigured")),
                                    or(i.provisioningState(), "Succeeded"), i.tags(), ds, dss,
                                    datasourceModel(ds, iName), datasourceModel(dss, iName));
                            is.put(name.toLowerCase(Locale.ROOT), entry);
                        }
                    }
                }
            }
        }
        java.util.Set<String> subs = new java.util.HashSet<>();
        rgs.values().forEach(g -> subs.add(g.subscriptionId().toLowerCase(Locale.ROOT)));
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            subs.add(sub.subscriptionId().toLowerCase(Locale.ROOT));
        }
        return new Inventory(Map.copyOf(rgs), Map.copyOf(vaults), copy(policies), copy(instances), seed,
                java.util.Set.copyOf(subs));
    }

    private static <V> Map<String, Map<String, V>> copy(Map<String, Map<String, V>> in) {
        Map<String, Map<String, V>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static JsonNode datasource(VaultEntry vault, String instance, String objectType) {
        String account = instance.replaceAll("[^a-zA-Z0-9]", "").toLowerCase(Locale.ROOT);
        if (account.length() > 20) {
            account = account.substring(0, 20);
        }
        String accountId = "/subscriptions/" + vault.subscriptionId() + "/resourceGroups/" + vault.resourceGroup()
                + "/providers/Microsoft.Storage/storageAccounts/" + account + "sa";
        ObjectNode ds = JsonNodeFactory.instance.objectNode();
        ds.put("datasourceType", "Microsoft.Storage/storageAccounts/blobServices");
        ds.put("objectType", objectType);
        ds.put("resourceID", accountId);
        ds.put("resourceLocation", vault.location());
        ds.put("resourceName", account + "sa");
        ds.put("resourceType", "Microsoft.Storage/storageAccounts");
        ds.put("resourceUri", accountId);
        return ds;
    }

    private static Datasource datasourceModel(JsonNode json, String instance) {
        try {
            return AzdpJson.convert(json, Datasource.class);
        } catch (RuntimeException e) {
            throw new ArmException(400, "InvalidSeed", "seed: instance '" + instance + "': " + e.getMessage());
        }
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static void present(Object item, String field) {
        if (item == null) {
            throw new ArmException(400, "InvalidSeed", "seed: " + field + ": expected an object, got null");
        }
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ArmException(400, "InvalidSeed", "seed: " + field + ": expected a non-empty string");
        }
        return value;
    }

    // ---------------------------------------------------------------- lookups

    public Inventory inventory() {
        return inv();
    }

    public boolean hasSubscription(String sub) {
        return inv().subscriptions().contains(sub.toLowerCase(Locale.ROOT));
    }

    public Optional<ResourceGroupEntry> resourceGroup(String sub, String rg) {
        return Optional.ofNullable(inv().resourceGroups().get(key(sub, rg)));
    }

    public Optional<VaultEntry> vault(String sub, String rg, String vault) {
        return Optional.ofNullable(inv().vaults().get(key(sub, rg, vault)));
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

    // ---------------------------------------------------------------- operations and jobs

    public long nextJobSeq() {
        return jobSeq.incrementAndGet();
    }

    public static String newJobGuid() {
        return UUID.randomUUID().toString();
    }

    /** What admitting a trigger evicted, for the journal: {@code "operation <id>"}, {@code "job <ARM id>"}. */
    public record Admission(List<String> evicted) {
        static final Admission NOTHING_EVICTED = new Admission(List.of());
    }

    /**
     * Registers an operation and (when it has one) its job in the same runtime state, or neither: at the cap
     * ({@code azdp.mock.max-jobs}) it first evicts the oldest finished, idle operation and job, and when either kind
     * has nothing evictable it refuses the trigger with 429 and the Retry-After after which one may be. A reset that
     * runs while a trigger is being served drops both together, as if the trigger came just before the reset.
     */
    public Admission add(Operation op, BackupJob job) {
        Runtime rt = rt();
        long now = clock.now().toEpochMilli();
        Retained.Slot<Operation> opSlot = op == null ? null : new Retained.Slot<>(op.id(), op, now);
        Retained.Slot<BackupJob> jobSlot = job == null ? null : new Retained.Slot<>(key(job), job, now);
        if (opSlot != null && jobSlot != null) {
            opSlot.partner = jobSlot;
            jobSlot.partner = opSlot;
        }
        synchronized (rt) {
            Retained.Slot<Operation> opVictim = null;
            if (opSlot != null && rt.operations.full()) {
                opVictim = rt.operations.takeVictim(now);
                if (opVictim == null) {
                    throw refuse(rt, "operations", rt.operations.blockedUntil(), now);
                }
            }
            Retained.Slot<BackupJob> jobVictim = null;
            if (jobSlot != null && rt.jobs.full()) {
                jobVictim = rt.jobs.takeVictim(now);
                if (jobVictim == null) {
                    if (opVictim != null) {
                        rt.operations.putBack(opVictim);
                    }
                    throw refuse(rt, "jobs", rt.jobs.blockedUntil(), now);
                }
            }
            rt.refusing = false;
            List<String> evicted = opVictim == null && jobVictim == null ? List.of() : new ArrayList<>(2);
            if (opVictim != null) {
                rt.operations.evict(opVictim, now);
                evicted.add("operation " + opVictim.key);
            }
            if (jobVictim != null) {
                rt.jobs.evict(jobVictim, now);
                ConcurrentSkipListMap<Long, BackupJob> ofVault = rt.vaultJobs.get(vaultKey(jobVictim.value));
                if (ofVault != null) {
                    ofVault.remove(jobVictim.value.seq(), jobVictim.value);
                }
                evicted.add("job " + jobVictim.value.armId());
            }
            if (jobSlot != null) {
                rt.jobs.add(jobSlot);
                rt.vaultJobs.computeIfAbsent(vaultKey(job), k -> new ConcurrentSkipListMap<>()).put(job.seq(), job);
            }
            if (opSlot != null) {
                rt.operations.add(opSlot);
            }
            if (!evicted.isEmpty() && !rt.evicting) {
                rt.evicting = true;
                LOG.infof("retention cap reached (azdp.mock.max-jobs=%d): evicting the oldest finished operations and"
                        + " jobs idle for azdp.mock.retention-window=%s", config.maxJobs(), config.retentionWindow());
            }
            return evicted.isEmpty() ? Admission.NOTHING_EVICTED : new Admission(evicted);
        }
    }

    /** A trigger that does not start an operation (sync mode): its job alone. */
    public Admission addJob(BackupJob job) {
        return add(null, job);
    }

    private ArmException refuse(Runtime rt, String kind, long blockedUntil, long now) {
        rt.refused.incrementAndGet();
        // blockedUntil is at most a window away (Retained.takeVictim)
        long seconds = Math.max(1, (blockedUntil - now + 999) / 1000);
        if (!rt.refusing) {
            rt.refusing = true;
            LOG.warnf("azdp.mock.max-jobs=%d %s held and none finished and idle for azdp.mock.retention-window=%s:"
                    + " refusing new triggers with 429 until one is", config.maxJobs(), kind, config.retentionWindow());
        }
        return new ArmException(429, "TooManyRequests", "azdp-mock holds " + config.maxJobs() + " backup " + kind
                + " (azdp.mock.max-jobs) and cannot evict any: each is still running or was created, read or polled"
                + " within azdp.mock.retention-window (" + config.retentionWindow() + "). Retry after " + seconds
                + " s, or raise azdp.mock.max-jobs.")
                .header("Retry-After", String.valueOf(seconds))
                .header("x-ms-ratelimit-remaining-subscription-writes", "0");
    }

    private static String key(BackupJob job) {
        return job.guid().toLowerCase(Locale.ROOT);
    }

    private static String vaultKey(BackupJob job) {
        return job.instance().vault().key();
    }

    /** An operation by id; reading or polling it (and so its job) keeps both from eviction for the window. */
    public Optional<Operation> operation(String opId) {
        Retained.Slot<Operation> slot = rt().operations.get(opId);
        if (slot == null) {
            return Optional.empty();
        }
        long now = clock.now().toEpochMilli();
        slot.use(now);
        Retained.Slot<?> job = slot.partner;
        if (job != null) {
            job.use(now);
        }
        return Optional.of(slot.value);
    }

    /** A job of the vault; reading it keeps it from eviction for the window. */
    public Optional<BackupJob> job(VaultEntry vault, String guid) {
        Retained.Slot<BackupJob> slot = rt().jobs.get(guid.toLowerCase(Locale.ROOT));
        if (slot == null || !vaultKey(slot.value).equals(vault.key())) {
            return Optional.empty();
        }
        slot.use(clock.now().toEpochMilli());
        return Optional.of(slot.value);
    }

    /** Why an operation id is unknown: when the retention cap evicted it, that instant. */
    public Optional<Instant> operationEvictedAt(String opId) {
        long at = rt().operations.evictedAt(opId);
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** Why a job id is unknown: when the retention cap evicted it, that instant. */
    public Optional<Instant> jobEvictedAt(String guid) {
        long at = rt().jobs.evictedAt(guid.toLowerCase(Locale.ROOT));
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** What a 404 for an id the emulator does not hold should say about eviction. */
    public String retentionHint() {
        Runtime rt = rt();
        if (rt.operations.forgotEvictions() || rt.jobs.forgotEvictions()) {
            return "; it may also have been evicted by the retention cap (azdp.mock.max-jobs=" + config.maxJobs()
                    + ") before the last " + rt.operations.rememberedEvictions() + " evictions azdp-mock remembers";
        }
        return "";
    }

    /** Counters of the retention cap since the last reset ({@code GET /_mock/retention}). */
    @RegisterForReflection
    public record RetentionStats(int maxJobs, String retentionWindow, int operations, int jobs,
            long evictedOperations, long evictedJobs, long refusedTriggers) {
    }

    public RetentionStats retention() {
        Runtime rt = rt();
        synchronized (rt) {
            return new RetentionStats(config.maxJobs(), config.retentionWindow().toString(), rt.operations.size(),
                    rt.jobs.size(), rt.operations.evictedCount(), rt.jobs.evictedCount(), rt.refused.get());
        }
    }

    /** Jobs of a vault in creation order, strictly after {@code afterSeq}. */
    public NavigableMap<Long, BackupJob> jobsAfter(VaultEntry vault, long afterSeq) {
        ConcurrentSkipListMap<Long, BackupJob> all = rt().vaultJobs.get(vault.key());
        if (all == null) {
            return new ConcurrentSkipListMap<>();
        }
        return all.tailMap(afterSeq, false);
    }

    /** Every operation held (for /_mock/state: not a read, so no eviction protection). */
    public Collection<Operation> operations() {
        return rt().operations.slots().stream().map(s -> s.value).toList();
    }

    /** Every job held (for /_mock/state: not a read, so no eviction protection). */
    public Collection<BackupJob> jobs() {
        return rt().jobs.slots().stream().map(s -> s.value).toList();
    }
}
