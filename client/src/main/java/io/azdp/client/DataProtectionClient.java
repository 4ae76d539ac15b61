package io.azdp.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.azdp.client.auth.TokenSource;
import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.vault.BackupVaultResource;

/**
 * Client for the DataProtection adhoc backup: start a backup and follow it to the job, read jobs, instances,
 * policies and vaults. Blocking methods here; the same calls returning {@code Uni}/{@code Multi} are on
 * {@link #mutiny()}.
 *
 * <p>In a Quarkus application inject it ({@code @Inject DataProtectionClient client}; configured from {@code azdp.*}
 * and Azure's environment variables), or build one with {@link #builder()}. Close clients you build yourself.
 */
public final class DataProtectionClient implements AutoCloseable {
    private final ClientSettings settings;
    private final TokenSource tokens;
    private final MutinyDataProtectionClient mutiny;
    private final AutoCloseable[] closeables;

    DataProtectionClient(ClientSettings settings, TokenSource tokens, MutinyDataProtectionClient mutiny,
            AutoCloseable... closeables) {
        this.settings = settings;
        this.tokens = tokens;
        this.mutiny = mutiny;
        this.closeables = closeables;
    }

    /** A builder resolving every {@link Setting} (explicit values, the environment, further sources, defaults). */
    public static DataProtectionClientBuilder builder() {
        return new DataProtectionClientBuilder();
    }

    /** The {@code Uni}/{@code Multi} twin of this client (same settings, connections and token cache). */
    public MutinyDataProtectionClient mutiny() {
        return mutiny;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Where tokens come from, without secrets. */
    public String credentialDescription() {
        return tokens.describe();
    }

    /**
     * Obtains a token (from the cache when it can) and tells which credential supplied it and what it authenticated
     * as: tenant, client id, object id and expiry, read from the token's claims. Never returns the token. Fails like
     * any call: {@code AuthenticationException}, or {@code ServiceUnavailableException} when the token endpoint cannot
     * be reached.
     */
    public CredentialInfo credentialInfo() {
        io.azdp.client.auth.AccessToken token = tokens.token().await().indefinitely();
        String tenant = null;
        String client = null;
        String object = null;
        java.time.Instant expires = token.expiresAt();
        String[] parts = token.token().split("\\.");
        if (parts.length == 3) {
            try {
                com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
                tenant = claims.path("tid").asText(null);
                client = claims.hasNonNull("appid") ? claims.get("appid").asText() : claims.path("azp").asText(null);
                object = claims.path("oid").asText(null);
                if (expires == null && claims.path("exp").canConvertToLong()) {
                    expires = java.time.Instant.ofEpochSecond(claims.path("exp").asLong());
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                // an opaque token: nothing more to tell
            }
        }
        return new CredentialInfo(tokens.describe(), tenant, client, object, expires);
    }

    /**
     * The configured subscription, else the credential's default one (the Azure CLI's {@code az account show}; with the
     * default chain, once the chain chose it), else empty.
     */
    public java.util.Optional<String> defaultSubscriptionId() {
        return java.util.Optional.ofNullable(settings.subscriptionId()).or(mutiny::fallbackSubscriptionId);
    }

    // ---------------------------------------------------------------- ids from names

    /** The instance id in the configured subscription ({@code azdp.subscription-id} / AZURE_SUBSCRIPTION_ID). */
    public BackupInstanceId instanceId(String resourceGroupName, String vaultName, String backupInstanceName) {
        return mutiny.instanceId(resourceGroupName, vaultName, backupInstanceName);
    }

    /** The vault id in the configured subscription. */
    public BackupVaultId vaultId(String resourceGroupName, String vaultName) {
        return mutiny.vaultId(resourceGroupName, vaultName);
    }

    // ---------------------------------------------------------------- adhoc backup

    /**
     * The read-only pre-flight check of an adhoc backup (what-if): the request as {@link #beginAdhocBackup} would send
     * it, or a {@code PreflightException} naming the valid rules and tags. Starts nothing.
     */
    public TriggerBackupRequest preflight(BackupInstanceId instance, TriggerBackupRequest request) {
        return mutiny.preflight(instance, request).await().indefinitely();
    }

    /** Starts an adhoc backup (after the pre-flight check, when enabled); returns the operation's poller. */
    public AdhocBackupPoller beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return mutiny.beginAdhocBackup(instance, request).await().indefinitely();
    }

    /** As above, with the request's ids ({@link MutinyDataProtectionClient#beginAdhocBackup(BackupInstanceId,
     * TriggerBackupRequest, RequestIds)}). */
    public AdhocBackupPoller beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request,
            RequestIds ids) {
        return mutiny.beginAdhocBackup(instance, request, ids).await().indefinitely();
    }

    public AdhocBackupPoller beginAdhocBackup(BackupInstanceId instance, String ruleName,
            String retentionTagOverrideOrNull) {
        return beginAdhocBackup(instance, TriggerBackupRequest.of(ruleName, retentionTagOverrideOrNull));
    }

    /** Starts an adhoc backup and waits (at most {@code timeout}) for the operation; returns the started job. */
    public OperationJobExtendedInfo adhocBackup(BackupInstanceId instance, TriggerBackupRequest request,
            Duration timeout) {
        return beginAdhocBackup(instance, request).waitForCompletion(timeout);
    }

    /** {@link #adhocBackup(BackupInstanceId, TriggerBackupRequest, Duration)} with {@code azdp.operation-timeout}. */
    public OperationJobExtendedInfo adhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return adhocBackup(instance, request, settings.operationTimeout());
    }

    /**
     * Continues polling an operation from a resume token (made by this or another process) or from the operation's
     * {@code Azure-AsyncOperation} / {@code Location} URL as the service returned it.
     */
    public AdhocBackupPoller resume(String resumeTokenOrUrl) {
        return mutiny.resume(resumeTokenOrUrl);
    }

    /** Continues polling an operation from its {@code Azure-AsyncOperation} or {@code Location} URL. */
    public AdhocBackupPoller resume(URI statusOrLocationUrl) {
        return mutiny.resume(statusOrLocationUrl);
    }

    /** Valid rule names and retention tags for an adhoc backup of {@code instance}, from its policy. */
    public AdhocBackupOptions adhocBackupOptions(BackupInstanceId instance) {
        return mutiny.adhocBackupOptions(instance).await().indefinitely();
    }

    /** GET of an absolute operation status URL (as returned in {@code Azure-AsyncOperation}). */
    public OperationResource getOperationStatus(URI absoluteStatusUrl) {
        return mutiny.getOperationStatus(absoluteStatusUrl).await().indefinitely();
    }

    /** GET of the vault-scoped operation status. */
    public OperationResource getOperationStatus(BackupVaultId vault, String operationId) {
        return mutiny.getOperationStatus(vault, operationId).await().indefinitely();
    }

    // ---------------------------------------------------------------- jobs

    public AzureBackupJobResource getJob(BackupVaultId vault, JobId job) {
        return mutiny.getJob(vault, job).await().indefinitely();
    }

    /** A job by its full ARM id (what the operation result carries). */
    public AzureBackupJobResource getJob(JobId job) {
        return mutiny.getJob(job).await().indefinitely();
    }

    public AzureBackupJobResource getJob(BackupJobId job) {
        return mutiny.getJob(job).await().indefinitely();
    }

    /**
     * Follows the job to {@code Completed}, {@code CompletedWithWarnings}, {@code Failed} or {@code Cancelled} and
     * returns its last state; {@code onPoll} (may be null) sees every state read.
     */
    public AzureBackupJobResource waitForJob(BackupVaultId vault, JobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return mutiny.waitForJob(vault, job, timeout, onPoll).await().indefinitely();
    }

    public AzureBackupJobResource waitForJob(BackupVaultId vault, JobId job, Duration timeout) {
        return waitForJob(vault, job, timeout, null);
    }

    /** As above for a job given by its full ARM id (what the operation result carries). */
    public AzureBackupJobResource waitForJob(BackupJobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return mutiny.waitForJob(job, timeout, onPoll).await().indefinitely();
    }

    /** A job by its ARM id; a bare GUID fails with a {@code ValidationException} (it needs the vault). */
    public AzureBackupJobResource waitForJob(JobId job, Duration timeout) {
        return mutiny.waitForJob(job, timeout).await().indefinitely();
    }

    /**
     * Waits for the operation, then follows the backup job it started to its end (at most {@code timeout} each);
     * {@code onPoll} (may be null) sees every state of the job. Fails with {@link NoJobToFollowException} when the
     * operation named no job that can be followed.
     */
    public AzureBackupJobResource waitForJob(AdhocBackupPoller operation, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return mutiny.waitForJob(operation, timeout, onPoll).await().indefinitely();
    }

    /** All jobs of the vault, pages fetched lazily as the stream is consumed. */
    public Stream<AzureBackupJobResource> listJobs(BackupVaultId vault) {
        return mutiny.listJobs(vault).subscribe().asStream();
    }

    // ---------------------------------------------------------------- instances, policies, vaults

    public BackupInstanceResource getBackupInstance(BackupInstanceId instance) {
        return mutiny.getBackupInstance(instance).await().indefinitely();
    }

    public BaseBackupPolicyResource getBackupPolicy(BackupPolicyId policy) {
        return mutiny.getBackupPolicy(policy).await().indefinitely();
    }

    public Stream<BaseBackupPolicyResource> listBackupPolicies(BackupVaultId vault) {
        return mutiny.listBackupPolicies(vault).subscribe().asStream();
    }

    public BackupVaultResource getBackupVault(BackupVaultId vault) {
        return mutiny.getBackupVault(vault).await().indefinitely();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        tokens.close();
    }
}
