package io.azdp.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.azdp.client.error.ArmException;
import io.azdp.client.error.AuthorizationFailedException;
import io.azdp.client.error.PreflightException;
import io.azdp.client.error.ResourceNotFoundException;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.instance.BackupInstance;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.InvalidAdhocBackupOptionException;
import io.smallrye.mutiny.Uni;

/**
 * The pre-flight check of an adhoc backup, the one behaviour of the library, the CLI and bulk runs: read the instance
 * (refuse a state in which no adhoc backup can run), then its policy (refuse a rule that is not a backup rule and a
 * tag the rule does not have, listing the valid choices), and send the policy's own spelling of rule and tag. It
 * refuses only what is certainly wrong: an instance that names no policy, or a policy this identity may not read (403)
 * or that is gone (404), sends the request unchecked with a warning, and the service decides. Reads are shared by
 * concurrent callers and reused for {@link #TTL}: instances per instance, policies per policy (a bulk run over
 * thousands of instances of one policy reads that policy once).
 */
final class Preflight {
    /** How long a read instance or policy is reused. */
    static final Duration TTL = Duration.ofSeconds(30);

    private final Function<BackupInstanceId, Uni<BackupInstanceResource>> readInstance;
    private final Function<BackupPolicyId, Uni<BaseBackupPolicyResource>> readPolicy;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Map<String, Cached<BackupInstanceResource>> instances = new ConcurrentHashMap<>();
    private final Map<String, Cached<AdhocBackupOptions>> policies = new ConcurrentHashMap<>();

    Preflight(Function<BackupInstanceId, Uni<BackupInstanceResource>> readInstance,
            Function<BackupPolicyId, Uni<BaseBackupPolicyResource>> readPolicy, Clock clock,
            Consumer<String> warnings) {
        this.readInstance = readInstance;
        this.readPolicy = readPolicy;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** Checks {@code request} for {@code instance}; yields it with the policy's spelling of rule and tag. */
    Uni<TriggerBackupRequest> check(BackupInstanceId instance, TriggerBackupRequest request) {
        return cached(instances, instance.toString(), () -> readInstance.apply(instance)).onItem().transformToUni(bi -> {
            BackupInstance props = bi.properties();
            if (props != null && !props.allowsAdhocBackup()) {
                return Uni.createFrom().failure(new PreflightException("backupInstance", "backupInstance: "
                        + instance.backupInstanceName() + " is in state " + props.blockingState().orElse("?")
                        + ", in which no adhoc backup can run; expected a protected instance (ProtectionConfigured)",
                        null, null));
            }
            String policyId = props == null || props.policyInfo() == null ? null : props.policyInfo().policyId();
            if (policyId == null || policyId.isBlank()) {
                warnings.accept("pre-flight: " + instance + " names no backup policy; sending the request unchecked");
                return Uni.createFrom().item(request);
            }
            BackupPolicyId policy;
            try {
                policy = BackupPolicyId.parse(policyId);
            } catch (RuntimeException e) {
                // the service's answer, not the user's input (issue 13): an answer azdp cannot use, like an
                // unreadable body (exit 6), and nothing was sent
                return Uni.createFrom().failure(new ArmException("pre-flight: the service's backup instance "
                        + instance.backupInstanceName() + " names policyInfo.policyId '" + policyId + "', which is not "
                        + "a backup policy id (/subscriptions/.../backupVaults/VAULT/backupPolicies/NAME); nothing was "
                        + "sent (--skip-preflight sends the request unchecked)", 200, null, null, null, null, e));
            }
            return cached(policies, policyId, () -> readPolicy.apply(policy)
                    .onItem().transform(AdhocBackupOptions::from))
                    .onItem().transform(options -> checked(options, request))
                    .onFailure(f -> f instanceof AuthorizationFailedException || f instanceof ResourceNotFoundException)
                    .recoverWithItem(f -> {
                        warnings.accept("pre-flight: cannot read backup policy " + policyId + " (" + f.getMessage()
                                + "); sending the request unchecked");
                        return request;
                    });
        });
    }

    private static TriggerBackupRequest checked(AdhocBackupOptions options, TriggerBackupRequest request) {
        var rule = request.backupRuleOptions();
        String ruleName = rule == null ? null : rule.ruleName();
        String tag = rule == null || rule.triggerOption() == null ? null : rule.triggerOption().retentionTagOverride();
        try {
            return options.toRequest(ruleName, tag);
        } catch (InvalidAdhocBackupOptionException e) {
            throw new PreflightException(e.field(), e.getMessage(), options, e);
        }
    }

    /**
     * One load shared by concurrent callers, reused for {@link #TTL} unless it failed. A cache holds at most
     * {@link #MAX_ENTRIES} entries: expired and failed ones go first, then the oldest (a bulk run over 10,000
     * instances kept every instance read, with the whole request that fetched it, until the process ended: 218 MB
     * live at the end of the run instead of 26).
     */
    private <T> Uni<T> cached(Map<String, Cached<T>> cache, String id, java.util.function.Supplier<Uni<T>> load) {
        String key = id.toLowerCase(Locale.ROOT);
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            Cached<T> current = cache.get(key);
            if (current != null && current.fresh(now)) {
                return current.uni();
            }
            if (cache.size() >= MAX_ENTRIES) {
                trim(cache, now);
            }
            return cache.compute(key, (k, old) -> old != null && old.fresh(now) ? old : new Cached<>(now, load.get()))
                    .uni();
        });
    }

    /** Most entries per cache: what one run or a long-lived client reuses, bounded. */
    static final int MAX_ENTRIES = 256;

    private static <T> void trim(Map<String, Cached<T>> cache, Instant now) {
        cache.values().removeIf(c -> !c.fresh(now));
        while (cache.size() >= MAX_ENTRIES) {
            cache.entrySet().stream().min(java.util.Comparator.comparing(e -> e.getValue().loadedAt))
                    .ifPresent(oldest -> cache.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** How many instance reads are cached (tests). */
    int cachedInstances() {
        return instances.size();
    }

    /**
     * One load: concurrent callers share the memoized request while it runs; once it has its item, only the item is
     * kept (the memoized request holds the whole HTTP exchange that fetched it).
     */
    private static final class Cached<T> {
        final Instant loadedAt;
        private final AtomicBoolean failed = new AtomicBoolean();
        private volatile Uni<T> uni;

        Cached(Instant loadedAt, Uni<T> load) {
            this.loadedAt = loadedAt;
            this.uni = load.onItem().invoke(item -> this.uni = Uni.createFrom().item(item))
                    .onFailure().invoke(f -> failed.set(true)).memoize().indefinitely();
        }

        boolean fresh(Instant now) {
            return !failed.get() && loadedAt.plus(TTL).isAfter(now);
        }

        Uni<T> uni() {
            return uni;
        }
    }
}
