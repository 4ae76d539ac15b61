package io.azdp.mock.store;

import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.lro.Operation;
import io.azdp.model.arm.ArmHeaders;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The operations and backup jobs of one run (replaced as a whole by a reset), keyed by their ids so parallel tests
 * never see each other's state, under the retention cap ({@code azdp.mock.max-jobs}, {@code
 * azdp.mock.retention-window}): admission and eviction hold this object's lock.
 */
public final class OperationsAndJobs {

    private static final Logger LOG = Logger.getLogger(OperationsAndJobs.class);

    private final MockConfig config;
    private final MockClock clock;
    private final Retained<Operation> operations;
    private final Retained<BackupJob> jobs;
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, BackupJob>> vaultJobs =
            new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private boolean refusing;
    private boolean evicting;

    OperationsAndJobs(MockConfig config, MockClock clock) {
        this.config = config;
        this.clock = clock;
        long windowMillis = config.retentionWindow().toMillis();
        int cap = config.maxJobs();
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
        long now = clock.now().toEpochMilli();
        Retained.Slot<Operation> opSlot = op == null ? null : new Retained.Slot<>(op.id(), op, now);
        Retained.Slot<BackupJob> jobSlot = job == null ? null : new Retained.Slot<>(key(job), job, now);
        if (opSlot != null && jobSlot != null) {
            opSlot.partner = jobSlot;
            jobSlot.partner = opSlot;
        }
        synchronized (this) {
            Retained.Slot<Operation> opVictim = null;
            if (opSlot != null && operations.full()) {
                opVictim = operations.takeVictim(now);
                if (opVictim == null) {
                    throw refuse("operations", operations.blockedUntil(), now);
                }
            }
            Retained.Slot<BackupJob> jobVictim = null;
            if (jobSlot != null && jobs.full()) {
                jobVictim = jobs.takeVictim(now);
                if (jobVictim == null) {
                    if (opVictim != null) {
                        operations.putBack(opVictim);
                    }
                    throw refuse("jobs", jobs.blockedUntil(), now);
                }
            }
            refusing = false;
            List<String> evicted = opVictim == null && jobVictim == null ? List.of() : new ArrayList<>(2);
            if (opVictim != null) {
                operations.evict(opVictim, now);
                evicted.add("operation " + opVictim.key);
            }
            if (jobVictim != null) {
                jobs.evict(jobVictim, now);
                ConcurrentSkipListMap<Long, BackupJob> ofVault = vaultJobs.get(vaultKey(jobVictim.value));
                if (ofVault != null) {
                    ofVault.remove(jobVictim.value.seq(), jobVictim.value);
                }
                evicted.add("job " + jobVictim.value.armId());
            }
            if (jobSlot != null) {
                jobs.add(jobSlot);
                vaultJobs.computeIfAbsent(vaultKey(job), k -> new ConcurrentSkipListMap<>()).put(job.seq(), job);
            }
            if (opSlot != null) {
                operations.add(opSlot);
            }
            if (!evicted.isEmpty() && !evicting) {
                evicting = true;
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

    private ArmException refuse(String kind, long blockedUntil, long now) {
        refused.incrementAndGet();
        // blockedUntil is at most a window away (Retained.takeVictim)
        long seconds = Math.max(1, (blockedUntil - now + 999) / 1000);
        if (!refusing) {
            refusing = true;
            LOG.warnf("azdp.mock.max-jobs=%d %s held and none finished and idle for azdp.mock.retention-window=%s:"
                    + " refusing new triggers with 429 until one is", config.maxJobs(), kind, config.retentionWindow());
        }
        return new ArmException(429, "TooManyRequests", "azdp-mock holds " + config.maxJobs() + " backup " + kind
                + " (azdp.mock.max-jobs) and cannot evict any: each is still running or was created, read or polled"
                + " within azdp.mock.retention-window (" + config.retentionWindow() + "). Retry after " + seconds
                + " s, or raise azdp.mock.max-jobs.")
                .header(ArmHeaders.RETRY_AFTER, String.valueOf(seconds))
                .header(ArmHeaders.RATE_LIMIT_REMAINING_WRITES, "0");
    }

    private static String key(BackupJob job) {
        return job.guid().toLowerCase(Locale.ROOT);
    }

    private static String vaultKey(BackupJob job) {
        return job.instance().vault().key();
    }

    /** An operation by id; reading or polling it (and so its job) keeps both from eviction for the window. */
    public Optional<Operation> operation(String opId) {
        Retained.Slot<Operation> slot = operations.get(opId);
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
        Retained.Slot<BackupJob> slot = jobs.get(guid.toLowerCase(Locale.ROOT));
        if (slot == null || !vaultKey(slot.value).equals(vault.key())) {
            return Optional.empty();
        }
        slot.use(clock.now().toEpochMilli());
        return Optional.of(slot.value);
    }

    /** Why an operation id is unknown: when the retention cap evicted it, that instant. */
    public Optional<Instant> operationEvictedAt(String opId) {
        long at = operations.evictedAt(opId);
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** Why a job id is unknown: when the retention cap evicted it, that instant. */
    public Optional<Instant> jobEvictedAt(String guid) {
        long at = jobs.evictedAt(guid.toLowerCase(Locale.ROOT));
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** What a 404 for an id the emulator does not hold should say about eviction. */
    public String retentionHint() {
        if (operations.forgotEvictions() || jobs.forgotEvictions()) {
            return "; it may also have been evicted by the retention cap (azdp.mock.max-jobs=" + config.maxJobs()
                    + ") before the last " + operations.rememberedEvictions() + " evictions azdp-mock remembers";
        }
        return "";
    }

    /** Counters of the retention cap since the last reset ({@code GET /_mock/retention}). */
    @RegisterForReflection
    public record RetentionStats(int maxJobs, String retentionWindow, int operations, int jobs,
            long evictedOperations, long evictedJobs, long refusedTriggers) {
    }

    public RetentionStats retention() {
        synchronized (this) {
            return new RetentionStats(config.maxJobs(), config.retentionWindow().toString(), operations.size(),
                    jobs.size(), operations.evictedCount(), jobs.evictedCount(), refused.get());
        }
    }

    /** Jobs of a vault in creation order, strictly after {@code afterSeq}. */
    public NavigableMap<Long, BackupJob> jobsAfter(VaultEntry vault, long afterSeq) {
        ConcurrentSkipListMap<Long, BackupJob> all = vaultJobs.get(vault.key());
        if (all == null) {
            return new ConcurrentSkipListMap<>();
        }
        return all.tailMap(afterSeq, false);
    }

    /** Every operation held (for /_mock/state: not a read, so no eviction protection). */
    public Collection<Operation> operations() {
        return operations.slots().stream().map(s -> s.value).toList();
    }

    /** Every job held (for /_mock/state: not a read, so no eviction protection). */
    public Collection<BackupJob> jobs() {
        return jobs.slots().stream().map(s -> s.value).toList();
    }
}
