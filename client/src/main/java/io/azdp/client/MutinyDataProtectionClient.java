package io.azdp.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.azdp.client.api.BackupInstancesApi;
import io.azdp.client.api.BackupJobsApi;
import io.azdp.client.api.BackupPoliciesApi;
import io.azdp.client.api.BackupVaultsApi;
import io.azdp.client.api.OperationStatusApi;
import io.azdp.client.error.ArmException;
import io.azdp.client.error.AuthorizationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.error.PreflightException;
import io.azdp.client.error.ResourceNotFoundException;
import io.azdp.client.internal.ArmPipeline;
import io.azdp.client.internal.ArmPipeline.Mode;
import io.azdp.client.internal.HttpResult;
import io.azdp.client.lro.LroTransport;
import io.azdp.client.lro.PollingPolicy;
import io.azdp.client.lro.ResumeToken;
import io.azdp.model.AzdpJson;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.azdp.model.instance.BackupInstance;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.policy.InvalidAdhocBackupOptionException;
import io.azdp.model.vault.BackupVaultResource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The non-blocking face of {@link DataProtectionClient}: every call returns a {@link Uni} (or {@link Multi} for
 * lists) and waits with timers, never with a parked thread, so thousands of backups can be followed at once.
 * Obtain it with {@link DataProtectionClient#mutiny()} or inject it.
 */
public final class MutinyDataProtectionClient {
    private static final Logger LOG = Logger.getLogger(MutinyDataProtectionClient.class);
    /** How long the policy-derived pre-flight information of an instance is reused. */
    static final Duration PREFLIGHT_CACHE_TTL = Duration.ofSeconds(30);

    private final ClientSettings settings;
    private final ArmPipeline pipeline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BackupInstancesApi instances;
    private final OperationStatusApi operations;
    private final BackupJobsApi jobs;
    private final BackupPoliciesApi policies;
    private final BackupVaultsApi vaults;
    private final PollingPolicy operationPolling;
    private final PollingPolicy jobPolling;
    private final LroTransport transport = this::getUrl;
    private final Map<String, CachedPreflight> preflightCache = new ConcurrentHashMap<>();

    MutinyDataProtectionClient(ClientSettings settings, ArmPipeline pipeline, BackupInstancesApi instances,
            OperationStatusApi operations, BackupJobsApi jobs, BackupPoliciesApi policies, BackupVaultsApi vaults) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.clock = pipeline.clock();
        this.sleeper = pipeline.sleeper();
        this.instances = instances;
        this.operations = operations;
        this.jobs = jobs;
        this.policies = policies;
        this.vaults = vaults;
        this.operationPolling = new PollingPolicy(settings.pollInterval(), settings.maxPollInterval());
        this.jobPolling = new PollingPolicy(settings.jobPollInterval(), settings.maxPollInterval());
    }

    public ClientSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- adhoc backup

    /** The instance id in the configured subscription ({@code azdp.subscription-id} / AZURE_SUBSCRIPTION_ID). */
    public BackupInstanceId instanceId(String resourceGroupName, String vaultName, String backupInstanceName) {
        return vaultId(resourceGroupName, vaultName).instance(ArmNames.requireBackupInstanceName(backupInstanceName));
    }

    /** The vault id in the configured subscription. */
    public BackupVaultId vaultId(String resourceGroupName, String vaultName) {
        String sub = settings.subscriptionId();
        if (sub == null) {
            throw ValidationException.of("azdp.subscription-id", "a subscription id (set azdp.subscription-id or "
                    + "AZURE_SUBSCRIPTION_ID, or pass a full ARM id)", null);
        }
        return BackupVaultId.of(sub, resourceGroupName, vaultName);
    }

    /**
     * Starts an adhoc backup (after the pre-flight check, when enabled) and returns the poller of the operation. The
     * POST is retried only on 429, 503 and a connection that could not be opened.
     */
    public Uni<AdhocBackupPoller> beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(request, "request");
        return preflight(instance, request).onItem().transformToUni(body -> {
            String json = AzdpJson.write(body);
            BackupVaultId v = instance.vault();
            return pipeline.send("POST adhoc backup of " + instance.backupInstanceName(), Mode.START, null,
                    c -> instances.adhocBackup(v.subscriptionId(), v.resourceGroupName(), v.vaultName(),
                            instance.backupInstanceName(), settings.apiVersion(), c.authorization(),
                            c.clientRequestId(), c.correlationId(), json))
                    .onItem().transform(r -> AdhocBackupPoller.fromStartResponse(r, settings.endpoint(), transport,
                            clock, sleeper, operationPolling, instance.toString()));
        });
    }

    public Uni<AdhocBackupPoller> beginAdhocBackup(BackupInstanceId instance, String ruleName,
            String retentionTagOverrideOrNull) {
        return beginAdhocBackup(instance, TriggerBackupRequest.of(ruleName, retentionTagOverrideOrNull));
    }

    /** Starts an adhoc backup and waits for the operation; the item is the started job. */
    public Uni<OperationJobExtendedInfo> adhocBackup(BackupInstanceId instance, TriggerBackupRequest request,
            Duration timeout) {
        return beginAdhocBackup(instance, request)
                .onItem().transformToUni(p -> p.waitForCompletionAsync(timeout));
    }

    public Uni<OperationJobExtendedInfo> adhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return adhocBackup(instance, request, settings.operationTimeout());
    }

    /** A poller continuing an operation from {@link AdhocBackupPoller#resumeToken()} (no request is made yet). */
    public AdhocBackupPoller resume(String resumeToken) {
        ResumeToken t = ResumeToken.decode(resumeToken);
        return AdhocBackupPoller.resume(t, transport, clock, sleeper, operationPolling);
    }

    /**
     * The rule names and retention tags an adhoc backup of {@code instance} may use: instance, then
     * {@code properties.policyInfo.policyId}, then the policy.
     */
    public Uni<AdhocBackupOptions> adhocBackupOptions(BackupInstanceId instance) {
        return getBackupInstance(instance).onItem().transformToUni(bi -> {
            String policyId = bi.properties() == null || bi.properties().policyInfo() == null ? null
                    : bi.properties().policyInfo().policyId();
            if (policyId == null || policyId.isBlank()) {
                return Uni.createFrom().failure(new PreflightException("backupInstance", "backupInstance: "
                        + instance + " names no backup policy (properties.policyInfo.policyId is empty)", null, null));
            }
            return getBackupPolicy(BackupPolicyId.parse(policyId)).onItem().transform(AdhocBackupOptions::from);
        });
    }

    private record Preflight(BackupInstance instance, AdhocBackupOptions options) {
    }

    /** Checks the request against the instance's policy; yields the request with the policy's spelling. */
    private Uni<TriggerBackupRequest> preflight(BackupInstanceId instance, TriggerBackupRequest request) {
        if (!settings.preflight()) {
            return Uni.createFrom().item(request);
        }
        return preflightInfo(instance).onItem().transform(p -> {
            if (p.instance() != null && !p.instance().allowsAdhocBackup()) {
                throw new PreflightException("backupInstance", "backupInstance: " + instance.backupInstanceName()
                        + " is in state " + p.instance().blockingState().orElse("?") + ", in which no adhoc backup "
                        + "can run; expected a protected instance (ProtectionConfigured)", p.options(), null);
            }
            if (p.options() == null) {
                return request;
            }
            String rule = request.backupRuleOptions() == null ? null : request.backupRuleOptions().ruleName();
            String tag = request.backupRuleOptions() == null || request.backupRuleOptions().triggerOption() == null
                    ? null : request.backupRuleOptions().triggerOption().retentionTagOverride();
            try {
                return p.options().toRequest(rule, tag);
            } catch (InvalidAdhocBackupOptionException e) {
                throw new PreflightException(e.field(), e.getMessage(), p.options(), e);
            }
        });
    }

    /** One load of an instance's pre-flight data, shared by concurrent callers, reused for a short while. */
    private static final class CachedPreflight {
        final Instant loadedAt;
        final AtomicBoolean failed = new AtomicBoolean();
        final Uni<Preflight> uni;

        CachedPreflight(Instant loadedAt, Uni<Preflight> load) {
            this.loadedAt = loadedAt;
            this.uni = load.onFailure().invoke(f -> failed.set(true)).memoize().indefinitely();
        }
    }

    private Uni<Preflight> preflightInfo(BackupInstanceId instance) {
        String key = instance.toString().toLowerCase(Locale.ROOT);
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            return preflightCache.compute(key, (k, old) -> old != null && !old.failed.get()
                    && old.loadedAt.plus(PREFLIGHT_CACHE_TTL).isAfter(now) ? old
                            : new CachedPreflight(now, loadPreflight(instance))).uni;
        });
    }

    private Uni<Preflight> loadPreflight(BackupInstanceId instance) {
        return getBackupInstance(instance).onItem().transformToUni(bi -> {
            BackupInstance props = bi.properties();
            String policyId = props == null || props.policyInfo() == null ? null : props.policyInfo().policyId();
            if (policyId == null || policyId.isBlank()) {
                LOG.warnf("pre-flight: %s names no policy; sending the request unchecked", instance);
                return Uni.createFrom().item(new Preflight(props, null));
            }
            return getBackupPolicy(BackupPolicyId.parse(policyId))
                    .onItem().transform(p -> new Preflight(props, AdhocBackupOptions.from(p)))
                    .onFailure(f -> f instanceof AuthorizationFailedException || f instanceof ResourceNotFoundException)
                    .recoverWithItem(f -> {
                        LOG.warnf("pre-flight: cannot read policy %s (%s); sending the request unchecked", policyId,
                                f.getMessage());
                        return new Preflight(props, null);
                    });
        });
    }

    // ---------------------------------------------------------------- operation status

    /** GET of an absolute status ({@code Azure-AsyncOperation}) URL. */
    public Uni<OperationResource> getOperationStatus(URI absoluteStatusUrl) {
        return getUrl(absoluteStatusUrl, null).onItem().transform(r -> read(r, OperationResource.class,
                "operation status"));
    }

    /** GET {@code .../backupVaults/{vault}/operationStatus/{operationId}}. */
    public Uni<OperationResource> getOperationStatus(BackupVaultId vault, String operationId) {
        return pipeline.send("GET operation status", Mode.POLL, null,
                c -> operations.getInVault(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        operationId, settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, OperationResource.class, "operation status"));
    }

    /** GET {@code /subscriptions/{s}/providers/Microsoft.DataProtection/locations/{location}/operationStatus/{id}}. */
    public Uni<OperationResource> getOperationStatus(String subscriptionId, String location, String operationId) {
        return pipeline.send("GET operation status", Mode.POLL, null,
                c -> operations.getInLocation(subscriptionId, location, operationId, settings.apiVersion(),
                        c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, OperationResource.class, "operation status"));
    }

    /** GET {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection/operationStatus/{id}}. */
    public Uni<OperationResource> getOperationStatusInResourceGroup(String subscriptionId, String resourceGroupName,
            String operationId) {
        return pipeline.send("GET operation status", Mode.POLL, null,
                c -> operations.getInResourceGroup(subscriptionId, resourceGroupName, operationId,
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, OperationResource.class, "operation status"));
    }

    /** GET of an absolute status/result URL with authentication and retries (4xx: {@code PollingException}). */
    Uni<HttpResult> getUrl(URI url, String correlationId) {
        return Uni.createFrom().deferred(() -> {
            URI trusted = trusted(url);
            return pipeline.send("GET " + trusted.getRawPath(), Mode.POLL, correlationId,
                    c -> operations.getUrl(trusted.toString(), c.authorization(), c.clientRequestId(),
                            c.correlationId()));
        });
    }

    /** Refuses to send the bearer token to a host other than the endpoint's. */
    URI trusted(URI url) {
        URI endpoint = settings.endpoint();
        URI u = url.isAbsolute() ? url : endpoint.resolve(url);
        if (!Objects.equals(lower(u.getScheme()), lower(endpoint.getScheme()))
                || !Objects.equals(lower(u.getHost()), lower(endpoint.getHost())) || port(u) != port(endpoint)) {
            throw new PollingException("refusing to send credentials to " + u.getScheme() + "://" + u.getAuthority()
                    + ": the URL the service returned is not on the endpoint " + endpoint);
        }
        return u;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    // ---------------------------------------------------------------- jobs

    public Uni<AzureBackupJobResource> getJob(BackupVaultId vault, JobId job) {
        return Uni.createFrom().deferred(() -> getJob(job.toArmId(vault)));
    }

    /** A job by its ARM id (as the operation result gives it). */
    public Uni<AzureBackupJobResource> getJob(JobId job) {
        return Uni.createFrom().deferred(() -> getJob(armIdOf(job)));
    }

    /** The job's ARM id; a bare GUID needs the vault. */
    private static BackupJobId armIdOf(JobId job) {
        return job.armId().orElseThrow(() -> ValidationException.of("jobId",
                "a backup job ARM id (/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection"
                        + "/backupVaults/{vault}/backupJobs/{guid}), or pass the vault", job.toString()));
    }

    public Uni<AzureBackupJobResource> getJob(BackupJobId job) {
        BackupVaultId v = job.vault();
        return pipeline.send("GET job " + job.jobId(), Mode.READ, null,
                c -> jobs.get(v.subscriptionId(), v.resourceGroupName(), v.vaultName(), job.jobId(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, AzureBackupJobResource.class, "job"));
    }

    /** All jobs of the vault, following {@code nextLink}. */
    public Multi<AzureBackupJobResource> listJobs(BackupVaultId vault) {
        return pages(() -> pipeline.send("GET jobs", Mode.READ, null,
                c -> jobs.list(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId())),
                next -> pipeline.send("GET jobs (next page)", Mode.READ, null,
                        c -> jobs.next(next.toString(), c.authorization(), c.clientRequestId(), c.correlationId())),
                AzureBackupJobResourceList.class)
                .onItem().transformToIterable(page -> page.value() == null ? java.util.List.of() : page.value());
    }

    /**
     * Polls the job until it is {@code Completed}, {@code CompletedWithWarnings}, {@code Failed} or
     * {@code Cancelled}, and yields its last state (a failed job is an item, not a failure: check
     * {@code properties().status()}). Fails with {@link OperationTimeoutException} when {@code timeout} passes first.
     */
    public Uni<AzureBackupJobResource> waitForJob(BackupVaultId vault, JobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return Uni.createFrom().deferred(() -> waitForJob(job.toArmId(vault), timeout, onPoll));
    }

    public Uni<AzureBackupJobResource> waitForJob(BackupVaultId vault, JobId job, Duration timeout) {
        return waitForJob(vault, job, timeout, null);
    }

    /** As {@link #waitForJob(BackupVaultId, JobId, Duration, Consumer)} for a job given by its full ARM id. */
    public Uni<AzureBackupJobResource> waitForJob(BackupJobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return Uni.createFrom().deferred(() -> jobLoop(job, clock.instant().plus(timeout), timeout, onPoll, 0));
    }

    /** A job by its ARM id, as the operation result gives it (a bare GUID fails: it needs the vault). */
    public Uni<AzureBackupJobResource> waitForJob(JobId job, Duration timeout) {
        return Uni.createFrom().deferred(() -> waitForJob(armIdOf(job), timeout, null));
    }

    private Uni<AzureBackupJobResource> jobLoop(BackupJobId id, Instant deadline, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll, int polls) {
        // a read that retries inside must not carry the wait far past its deadline
        Duration left = Duration.between(clock.instant(), deadline).plus(AdhocBackupPoller.DEADLINE_GRACE);
        return getJob(id).ifNoItem().after(left.isNegative() ? AdhocBackupPoller.DEADLINE_GRACE : left)
                .failWith(() -> new OperationTimeoutException("backup job " + id.jobId() + " did not finish within "
                        + timeout + "; it keeps running", null, null))
                .onItem().transformToUni(j -> {
            if (onPoll != null) {
                onPoll.accept(j);
            }
            var status = j.properties() == null ? null : j.properties().status();
            if (status != null && status.isTerminal()) {
                return Uni.createFrom().item(j);
            }
            Duration delay = jobPolling.nextDelay(polls, Optional.empty());
            if (clock.instant().plus(delay).isAfter(deadline)) {
                return Uni.createFrom().failure(new OperationTimeoutException("backup job " + id.jobId()
                        + " did not finish within " + timeout + " (last status: " + status + "); it keeps running",
                        status == null ? null : status.value(), null));
            }
            return sleeper.sleep(delay).onItem().transformToUni(x -> jobLoop(id, deadline, timeout, onPoll,
                    polls + 1));
        });
    }

    // ---------------------------------------------------------------- instances, policies, vaults

    public Uni<BackupInstanceResource> getBackupInstance(BackupInstanceId instance) {
        BackupVaultId v = instance.vault();
        return pipeline.send("GET backup instance " + instance.backupInstanceName(), Mode.READ, null,
                c -> instances.get(v.subscriptionId(), v.resourceGroupName(), v.vaultName(),
                        instance.backupInstanceName(), settings.apiVersion(), c.authorization(), c.clientRequestId(),
                        c.correlationId()))
                .onItem().transform(r -> read(r, BackupInstanceResource.class, "backup instance"));
    }

    public Uni<BaseBackupPolicyResource> getBackupPolicy(BackupPolicyId policy) {
        BackupVaultId v = policy.vault();
        return pipeline.send("GET backup policy " + policy.policyName(), Mode.READ, null,
                c -> policies.get(v.subscriptionId(), v.resourceGroupName(), v.vaultName(), policy.policyName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, BaseBackupPolicyResource.class, "backup policy"));
    }

    public Multi<BaseBackupPolicyResource> listBackupPolicies(BackupVaultId vault) {
        return pages(() -> pipeline.send("GET backup policies", Mode.READ, null,
                c -> policies.list(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId())),
                next -> pipeline.send("GET backup policies (next page)", Mode.READ, null,
                        c -> policies.next(next.toString(), c.authorization(), c.clientRequestId(), c.correlationId())),
                BaseBackupPolicyResourceList.class)
                .onItem().transformToIterable(page -> page.value() == null ? java.util.List.of() : page.value());
    }

    public Uni<BackupVaultResource> getBackupVault(BackupVaultId vault) {
        return pipeline.send("GET backup vault " + vault.vaultName(), Mode.READ, null,
                c -> vaults.get(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, BackupVaultResource.class, "backup vault"));
    }

    // ---------------------------------------------------------------- helpers

    private <P> Multi<P> pages(java.util.function.Supplier<Uni<HttpResult>> first,
            java.util.function.Function<URI, Uni<HttpResult>> next, Class<P> type) {
        AtomicReference<String> nextLink = new AtomicReference<>();
        AtomicReference<Boolean> started = new AtomicReference<>(false);
        return Multi.createBy().repeating().uni(() -> {
            if (!started.getAndSet(true)) {
                return first.get().onItem().transform(r -> page(r, type, nextLink));
            }
            URI link = trusted(URI.create(nextLink.get()));
            return next.apply(link).onItem().transform(r -> page(r, type, nextLink));
        }).whilst(p -> nextLink.get() != null);
    }

    private <P> P page(HttpResult r, Class<P> type, AtomicReference<String> nextLink) {
        P p = read(r, type, "list page");
        String link = p instanceof AzureBackupJobResourceList j ? j.nextLink()
                : p instanceof BaseBackupPolicyResourceList l ? l.nextLink() : null;
        nextLink.set(link == null || link.isBlank() ? null : link);
        return p;
    }

    private static <T> T read(HttpResult r, Class<T> type, String what) {
        try {
            return AzdpJson.read(r.body(), type);
        } catch (RuntimeException e) {
            throw new ArmException("the service's " + what + " response could not be read: " + e.getMessage(),
                    r.status(), null, r.requestId(), r.responseCorrelationId(), r.clientRequestId(), e);
        }
    }
}
