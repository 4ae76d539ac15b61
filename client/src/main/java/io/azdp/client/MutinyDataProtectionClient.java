package io.azdp.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.azdp.client.ArmPipeline.Mode;
import io.azdp.client.api.BackupInstancesApi;
import io.azdp.client.api.BackupJobsApi;
import io.azdp.client.api.BackupPoliciesApi;
import io.azdp.client.api.BackupVaultsApi;
import io.azdp.client.api.OperationStatusApi;
import io.azdp.client.error.ArmException;
import io.azdp.client.error.ListPageException;
import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.error.PreflightException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.Pollers;
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
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.vault.BackupVaultResource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The non-blocking face of {@link DataProtectionClient}: every call returns a {@link Uni} (or {@link Multi} for
 * lists) and waits with timers, never with a parked thread, so thousands of backups can be followed at once.
 * Obtain it with {@link DataProtectionClient#mutiny()} or inject it.
 */
public final class MutinyDataProtectionClient {
    private final ClientSettings settings;
    private final ArmPipeline pipeline;
    private final BackupInstancesApi instances;
    private final OperationStatusApi operations;
    private final BackupJobsApi jobs;
    private final BackupPoliciesApi policies;
    private final BackupVaultsApi vaults;
    private final Pollers pollers;
    private final Preflight preflight;

    MutinyDataProtectionClient(ClientSettings settings, ArmPipeline pipeline, BackupInstancesApi instances,
            OperationStatusApi operations, BackupJobsApi jobs, BackupPoliciesApi policies, BackupVaultsApi vaults,
            Consumer<String> warnings) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.instances = instances;
        this.operations = operations;
        this.jobs = jobs;
        this.policies = policies;
        this.vaults = vaults;
        this.pollers = new Pollers(this::getUrl, pipeline.clock(), pipeline.sleeper(), settings.pollInterval(),
                settings.maxPollInterval(), settings.jobPollInterval(), settings.retry().maxRetryAfter());
        this.preflight = new Preflight(this::getBackupInstance, this::getBackupPolicy, pipeline.clock(), warnings);
    }

    public ClientSettings settings() {
        return settings;
    }

    private volatile java.util.function.Supplier<java.util.Optional<String>> subscriptionFallback =
            java.util.Optional::empty;
    private volatile String fallbackSubscription;

    /** Where the subscription comes from when none is configured (the Azure CLI's default one). */
    void subscriptionFallback(java.util.function.Supplier<java.util.Optional<String>> fallback) {
        this.subscriptionFallback = fallback;
    }

    /** The credential's default subscription (the Azure CLI's), if any. */
    java.util.Optional<String> fallbackSubscriptionId() {
        return java.util.Optional.ofNullable(fallbackSubscription());
    }

    private String fallbackSubscription() {
        String f = fallbackSubscription;
        if (f == null) {
            f = subscriptionFallback.get().filter(ArmNames::isUuid).orElse(null);
            fallbackSubscription = f;
        }
        return f;
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
            sub = fallbackSubscription();
        }
        if (sub == null) {
            throw ValidationException.of("azdp.subscription-id", "a subscription id (set azdp.subscription-id or "
                    + "AZURE_SUBSCRIPTION_ID, or pass a full ARM id)", null);
        }
        return BackupVaultId.of(sub, resourceGroupName, vaultName);
    }

    /**
     * The pre-flight check of an adhoc backup alone, read-only (GETs of the instance and its policy, nothing is
     * started): the request as {@link #beginAdhocBackup} would send it (the policy's spelling of rule and tag), or a
     * {@link PreflightException}. It checks even when {@code azdp.preflight=false}: the caller asked for it (what-if).
     */
    public Uni<TriggerBackupRequest> preflight(BackupInstanceId instance, TriggerBackupRequest request) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(request, "request");
        return preflight.check(instance, request);
    }

    /**
     * Starts an adhoc backup and returns the poller of the operation. First, unless {@code azdp.preflight=false}, the
     * pre-flight check: the instance must be in a state that allows an adhoc backup and the rule and tag must be the
     * policy's ({@link PreflightException} otherwise; the policy's spelling is sent). The POST is retried only on
     * 429, 503 and a connection that could not be opened.
     */
    public Uni<AdhocBackupPoller> beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return beginAdhocBackup(instance, request, null);
    }

    /**
     * {@link #beginAdhocBackup(BackupInstanceId, TriggerBackupRequest)} sending the POST with {@code ids} (null, or a
     * null id: new ones). Pass the same ids when sending the same backup again after a 429, so the service and the
     * logs can tell one throttled request retried from several requests; the correlation id also goes on the polls.
     */
    public Uni<AdhocBackupPoller> beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request,
            RequestIds ids) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(request, "request");
        Uni<TriggerBackupRequest> checked = settings.preflight() ? preflight.check(instance, request)
                : Uni.createFrom().item(request);
        return checked.onItem().transformToUni(body -> {
            String json = AzdpJson.write(body);
            BackupVaultId v = instance.vault();
            return pipeline.sendAs("POST adhoc backup of " + instance.backupInstanceName(), Mode.START, ids,
                    c -> instances.adhocBackup(v.subscriptionId(), v.resourceGroupName(), v.vaultName(),
                            instance.backupInstanceName(), settings.apiVersion(), c.authorization(),
                            c.clientRequestId(), c.correlationId(), json))
                    .onItem().transform(r -> pollers.started(r, requestUrl(instance), instance));
        });
    }

    /** The URL the backup POST went to: relative polling URLs resolve against it (RFC 9110, Location). */
    private URI requestUrl(BackupInstanceId instance) {
        try {
            return URI.create(settings.endpoint() + instance.toString() + "/backup?api-version="
                    + java.net.URLEncoder.encode(settings.apiVersion(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return settings.endpoint();
        }
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

    /**
     * A poller continuing an operation (no request is made yet) from {@link AdhocBackupPoller#resumeToken()}, or from
     * the operation's {@code Azure-AsyncOperation} or {@code Location} URL as the service returned it. A malformed
     * value is a {@link ValidationException} naming {@code resumeToken}.
     */
    public AdhocBackupPoller resume(String resumeTokenOrUrl) {
        return pollers.resume(ResumeToken.parse("resumeToken", resumeTokenOrUrl));
    }

    /** A poller continuing an operation from its {@code Azure-AsyncOperation} or {@code Location} URL. */
    public AdhocBackupPoller resume(URI statusOrLocationUrl) {
        return pollers.resume(ResumeToken.forUrl("operationUrl", statusOrLocationUrl));
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
        return pages(trusted(URI.create(vault + "/backupJobs?api-version=" + settings.apiVersion())),
                () -> pipeline.send("GET jobs", Mode.READ, null,
                c -> jobs.list(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId())),
                next -> pipeline.send("GET jobs (next page)", Mode.READ, null,
                        c -> jobs.next(next.toString(), c.authorization(), c.clientRequestId(), c.correlationId())),
                AzureBackupJobResourceList.class, "the job list")
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
        return pollers.waitForJob(job, this::getJob, timeout, onPoll);
    }

    /** A job by its ARM id, as the operation result gives it (a bare GUID fails: it needs the vault). */
    public Uni<AzureBackupJobResource> waitForJob(JobId job, Duration timeout) {
        return Uni.createFrom().deferred(() -> waitForJob(armIdOf(job), timeout, null));
    }

    /**
     * Waits for the operation (at most {@code timeout}), then follows the backup job it started ({@link
     * AdhocBackupPoller#job()}; at most {@code timeout} again) to its end. Fails with {@link NoJobToFollowException}
     * when the operation succeeded without naming a job that can be followed.
     */
    public Uni<AzureBackupJobResource> waitForJob(AdhocBackupPoller operation, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return pollers.waitForJob(operation, this::getJob, timeout, onPoll);
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
        return pages(trusted(URI.create(vault + "/backupPolicies?api-version=" + settings.apiVersion())),
                () -> pipeline.send("GET backup policies", Mode.READ, null,
                c -> policies.list(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId())),
                next -> pipeline.send("GET backup policies (next page)", Mode.READ, null,
                        c -> policies.next(next.toString(), c.authorization(), c.clientRequestId(), c.correlationId())),
                BaseBackupPolicyResourceList.class, "the policy list")
                .onItem().transformToIterable(page -> page.value() == null ? java.util.List.of() : page.value());
    }

    public Uni<BackupVaultResource> getBackupVault(BackupVaultId vault) {
        return pipeline.send("GET backup vault " + vault.vaultName(), Mode.READ, null,
                c -> vaults.get(vault.subscriptionId(), vault.resourceGroupName(), vault.vaultName(),
                        settings.apiVersion(), c.authorization(), c.clientRequestId(), c.correlationId()))
                .onItem().transform(r -> read(r, BackupVaultResource.class, "backup vault"));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The pages of a list: the first from {@code first} (whose URL is {@code firstUrl}), then each {@code nextLink}
     * resolved against the URL of the page that named it. A failure after the first page is a
     * {@link ListPageException} (the items before it were delivered).
     */
    private <P> Multi<P> pages(URI firstUrl, java.util.function.Supplier<Uni<HttpResult>> first,
            java.util.function.Function<URI, Uni<HttpResult>> next, Class<P> type, String what) {
        AtomicReference<String> nextLink = new AtomicReference<>();
        AtomicReference<URI> current = new AtomicReference<>(firstUrl);
        java.util.concurrent.atomic.AtomicInteger pageNo = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong items = new java.util.concurrent.atomic.AtomicLong();
        return Multi.createBy().repeating().uni(() -> {
            if (pageNo.getAndIncrement() == 0) {
                return first.get().onItem().transform(r -> page(r, type, nextLink, items));
            }
            int n = pageNo.get();
            URI link;
            try {
                link = nextPageUrl(current.get(), nextLink.get());
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(new ListPageException("reading " + what + " failed on page " + n
                        + " after " + items.get() + " items: " + e.getMessage(), n, items.get(), null));
            }
            current.set(link);
            return next.apply(link).onItem().transform(r -> page(r, type, nextLink, items))
                    .onFailure().transform(e -> new ListPageException("reading " + what + " failed on page " + n
                            + " after " + items.get() + " items: " + message(e), n, items.get(), e));
        }).whilst(p -> nextLink.get() != null);
    }

    /**
     * Where a {@code nextLink} leads: an absolute URL as is, a relative one resolved against the URL of the page that
     * named it (RFC 3986, also for a query-only {@code ?$skipToken=...}); it must be on the endpoint and must not be
     * the page just read.
     */
    URI nextPageUrl(URI pageUrl, String nextLink) {
        URI resolved = resolveNextLink(pageUrl, nextLink);
        URI trusted = trusted(resolved);
        if (trusted.equals(pageUrl)) {
            throw new PollingException("the service's nextLink points to the page just read (a loop): "
                    + shorten(nextLink));
        }
        return trusted;
    }

    /** A {@code nextLink} resolved against the URL of the page that named it; a {@code PollingException} if invalid. */
    static URI resolveNextLink(URI pageUrl, String nextLink) {
        URI parsed;
        try {
            parsed = new URI(nextLink);
        } catch (java.net.URISyntaxException e) {
            throw new PollingException("the service's nextLink is not a valid URL (" + e.getReason() + " at index "
                    + e.getIndex() + "): " + shorten(nextLink));
        }
        URI resolved;
        if (parsed.isAbsolute()) {
            resolved = parsed;
        } else if (parsed.getRawAuthority() == null && (parsed.getRawPath() == null || parsed.getRawPath().isEmpty())
                && parsed.getRawQuery() != null) {
            // java.net.URI follows RFC 2396 here and would drop the last path segment
            resolved = URI.create(pageUrl.getScheme() + "://" + pageUrl.getRawAuthority() + pageUrl.getRawPath() + "?"
                    + parsed.getRawQuery());
        } else {
            resolved = pageUrl.resolve(parsed);
        }
        if (resolved.getHost() == null || resolved.getRawPath() == null) {
            throw new PollingException("the service's nextLink is not a URL azdp can follow: " + shorten(nextLink));
        }
        return resolved;
    }

    private static String shorten(String link) {
        String redacted = io.azdp.client.http.Redaction.url(link);
        String oneLine = redacted.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 200 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 200) + "...'";
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private <P> P page(HttpResult r, Class<P> type, AtomicReference<String> nextLink,
            java.util.concurrent.atomic.AtomicLong items) {
        P p = read(r, type, "list page");
        String link = null;
        int size = 0;
        if (p instanceof AzureBackupJobResourceList j) {
            link = j.nextLink();
            size = j.value() == null ? 0 : j.value().size();
        } else if (p instanceof BaseBackupPolicyResourceList l) {
            link = l.nextLink();
            size = l.value() == null ? 0 : l.value().size();
        }
        nextLink.set(link == null || link.isBlank() ? null : link.strip());
        items.addAndGet(size);
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
